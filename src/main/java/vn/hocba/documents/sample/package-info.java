/**
 * Deterministic demo data for THCS Mẫu, grade 7 (12 TT22 subjects, 40 students): feeds the
 * {@code samples} command, the committed samples in {@code docs/samples/}, tests and benchmarks.
 */
package vn.hocba.documents.sample;
