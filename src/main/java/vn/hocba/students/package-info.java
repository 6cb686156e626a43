/**
 * Students: profiles (the fields of the transcript's first page, with the school student code and
 * the national personal identifier "mã định danh cá nhân") and enrolment in classes.
 */
package vn.hocba.students;
