/**
 * The class gradebook: marks (regular, mid-term, end-of-term), conduct ratings and absences, with
 * the entry policy, locks, corrections, snapshots and imports of issue 4.
 *
 * <p>Every route that changes marks goes through {@link vn.hocba.gradebook.MarkSheets#save}, whose
 * cell rules live in one place ({@code CellRules}): typing in the API, an Excel upload
 * ({@link vn.hocba.gradebook.ExcelUpload}: a cell-level {@link vn.hocba.gradebook.UploadPreview}
 * first, the previewed changes applied on confirmation), and a JSON import of a whole class
 * ({@link vn.hocba.gradebook.GradebookImport}). Templates to fill in offline come from
 * {@link vn.hocba.gradebook.ExcelTemplates}. The demo school's entries are stored in bulk by
 * {@link vn.hocba.gradebook.GradebookBulkLoad}.
 */
package vn.hocba.gradebook;
