package vn.hocba.gradebook.excel;

import org.apache.poi.ss.util.CellReference;

/**
 * A non-empty cell of an uploaded sheet as the file stores it: {@code text} is the number as
 * written (NUMBER), the string (STRING), the formula without '=' (FORMULA, empty for a shared
 * formula's followers), "1"/"0" (BOOLEAN) or the error code (ERROR). Row and column are 0-based.
 */
public record SheetCell(int row, int column, Kind kind, String text) {

    /** What a cell holds, as Excel types it. */
    public enum Kind { NUMBER, STRING, FORMULA, BOOLEAN, ERROR }

    /** The cell's address as Excel shows it, e.g. "C7". */
    public String ref() {
        return ref(row, column);
    }

    static String ref(int row, int column) {
        return new CellReference(row, column).formatAsString();
    }
}
