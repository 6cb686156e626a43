/**
 * The class gradebook: marks (regular, mid-term, end-of-term), conduct ratings and absences, with
 * the entry policy, locks, corrections, snapshots and imports of issue 4.
 *
 * <p>Every route that changes marks goes through {@link vn.hocba.gradebook.MarkSheets#save}, whose
 * cell rules live in one place ({@code CellRules}): typing in the API, an Excel upload
 * ({@link vn.hocba.gradebook.excel.ExcelUpload}: a cell-level {@link vn.hocba.gradebook.excel.UploadPreview}
 * first, the previewed changes applied on confirmation), and a JSON import of a whole class
 * ({@link vn.hocba.gradebook.interchange.GradebookImport}). Templates to fill in offline come from
 * {@link vn.hocba.gradebook.excel.ExcelTemplates}. The demo school's entries are stored in bulk by
 * {@link vn.hocba.gradebook.interchange.GradebookBulkLoad}. A whole-class workbook uploads back through
 * {@link vn.hocba.gradebook.excel.WholeClassUpload}: one such preview per subject sheet, applied together.
 *
 * <p>Besides marks: the teachers' comments on each student ({@link vn.hocba.gradebook.comments.StudentComments},
 * per subject and the homeroom teacher's, per term and for the year), and the homeroom teacher's
 * monthly confirmation of attendance ({@link vn.hocba.gradebook.homeroom.AttendanceMonths}) that the
 * {@link vn.hocba.gradebook.closing.Readiness} check lists until done. The comments travel in the class
 * gradebook JSON as each student's {@code comments}: {@link vn.hocba.gradebook.GradebookExport}
 * writes them for exports and lock snapshots, and the JSON import applies them by the comment rules.
 */
package vn.hocba.gradebook;
