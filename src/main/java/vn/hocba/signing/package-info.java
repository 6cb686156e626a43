/**
 * The school's signing of what leaves it. {@link vn.hocba.signing.ClassSigning} signs a class's year
 * documents (subject result sheets by each of their teachers, co-teachers in column order, made final
 * by LT/LTA before the transcripts refer to them through {@link vn.hocba.signing.SubjectSheetSigning};
 * transcripts and the class gradebook by the homeroom teacher, the principal and the school seal;
 * report cards by the homeroom teacher; then LT/LTA) into a separate immutable signed store
 * ({@code ${hocba.data-dir}/signed/<class>/<document version>/<stage>.pdf}: every signature stage is a
 * new file, never an overwritten one), records each signature in {@code document_signature} and the
 * audit log. Every step is idempotent: a document already signed by the same certificate is skipped.
 * {@link vn.hocba.signing.DocumentVerification} checks a PDF anyone uploads: its signatures with
 * EU DSS and, for a HocBa document, whether a newer version supersedes it.
 * No Camunda here; the workflow module drives these steps.
 */
package vn.hocba.signing;
