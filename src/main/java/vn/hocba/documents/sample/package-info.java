/**
 * Deterministic demo data for THCS Mẫu, grade 7 (12 TT22 subjects, 40 students): feeds the
 * {@code samples} command, the committed samples in {@code docs/samples/}, tests and benchmarks.
 * Exposed as the named interface {@code documents::sample} so that the CLI may use it.
 */
@org.springframework.modulith.NamedInterface("sample")
package vn.hocba.documents.sample;
