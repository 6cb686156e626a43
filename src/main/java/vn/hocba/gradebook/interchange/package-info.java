/**
 * A whole class's gradebook as JSON ({@code hocba.class-gradebook/1}): the import that applies a document
 * by the same cell rules as typing ({@link vn.hocba.gradebook.interchange.GradebookImport}) and the bulk load
 * of the demo school's entries ({@link vn.hocba.gradebook.interchange.GradebookBulkLoad}).
 */
@org.springframework.modulith.NamedInterface("interchange")
package vn.hocba.gradebook.interchange;
