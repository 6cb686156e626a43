/**
 * The demo school "Trường THCS Mẫu" (code DEMO01), created on the first start of the default
 * profile when the database holds no school yet, and never again: grades 6-9, two classes per
 * grade, about 35 students each, the twelve TT22 THCS subjects, 25 teachers, the principal, vice
 * principal, an admin-board member and a clerk; term I marks and conduct mostly complete, term II
 * partly entered. Everything is deterministic (fixed random seeds), so every start gives the same school.
 */
package vn.hocba.demo;
