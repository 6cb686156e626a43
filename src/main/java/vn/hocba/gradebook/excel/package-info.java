/**
 * Marks from Excel: the templates a teacher fills in offline ({@link vn.hocba.gradebook.excel.ExcelTemplates}),
 * the upload of one subject's sheet as a cell-level preview ({@link vn.hocba.gradebook.excel.ExcelUpload}) and
 * of a whole-class workbook ({@link vn.hocba.gradebook.excel.WholeClassUpload}), kept in the database until
 * applied once ({@link vn.hocba.gradebook.excel.PendingUploads}). Every cell goes through the same rules as
 * typing ({@code CellRules}) when the preview is applied.
 */
@org.springframework.modulith.NamedInterface("excel")
package vn.hocba.gradebook.excel;
