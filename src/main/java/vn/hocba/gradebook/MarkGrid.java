package vn.hocba.gradebook;

import java.util.List;
import java.util.Map;
import vn.hocba.schoolyear.AssessedBy;

/**
 * The mark-entry grid of one subject in one class for one term as one teacher sees it: the columns
 * (with who enters each and whether this teacher may), the students' cells and their stored term
 * result, and the lock covering the sheet if any.
 */
public record MarkGrid(long classId, String classCode, long subjectId, String subjectName, AssessedBy assessment, int term,
        List<Column> columns, List<Row> rows, GradebookLock lock) {

    /** A column: {@code key} "REGULAR-3", "MIDTERM-1"; {@code owner} the teacher(s) entering it. */
    public record Column(MarkKind kind, int column, String header, String title, boolean editable, String owner) {

        public String key() {
            return kind.name() + "-" + column;
        }
    }

    /** A stored cell: value as stored ("8.5"), as shown ("8,5") and its version (null when empty). */
    public record Cell(String value, String shown, Integer version) {

        static final Cell EMPTY = new Cell(null, "", null);
    }

    /** A student row with its cells by column key and the subject's stored term result ("7,6", "Đ" or ""). */
    public record Row(long studentId, int number, String code, String fullName, Map<String, Cell> cells, String standing) {

        /** The row's cells in column order, ready for the page (one per column of {@code grid}). */
        public List<Entry> entries(MarkGrid grid) {
            return grid.columns().stream().map(c -> {
                Cell cell = cells.getOrDefault(c.key(), Cell.EMPTY);
                return new Entry("o-" + studentId + "-" + c.key(), fullName + ", " + c.title(), cell.shown(),
                        cell.version() == null ? "" : cell.version().toString(), c, !c.editable() || grid.locked());
            }).toList();
        }
    }

    /** One cell as the page writes it: element id, accessible label, value shown, version, column, read-only. */
    public record Entry(String id, String label, String shown, String version, Column column, boolean readOnly) {
    }

    public boolean locked() {
        return lock != null;
    }

    public boolean scored() {
        return assessment == AssessedBy.SCORE;
    }

    /** A mark as typed and printed: "8,5" for 8.5, "8" for a stored 8.0, "Đ" as is. */
    public static String shown(String value) {
        if (value == null) {
            return "";
        }
        if (!value.matches("[0-9.]+")) {
            return value;
        }
        return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A term result as the documents print it, one decimal: "7,0", "6,5"; a level as is. */
    public static String result(String value) {
        return value == null ? "" : value.replace('.', ',');
    }
}
