package vn.hocba.gradebook.excel;

import java.util.List;

/**
 * What applying an uploaded spreadsheet would do, cell by cell; nothing has been written. Apply it
 * with its {@code id}: exactly the NEW and CHANGED cells are saved, and only when no cell is LOCKED or
 * INVALID and no row has a problem (a save is all or nothing).
 */
public record UploadPreview(String id, String file, String sha256, String classCode, String subjectCode, int term,
        int headerRow, Counts counts, boolean applicable, List<String> problems, List<String> ignoredColumns,
        List<PreviewCell> cells) {

    /** What would happen to one cell. */
    public enum Outcome {
        /** An empty cell gets a mark. */
        NEW,
        /** A stored mark changes (old → new). */
        CHANGED,
        /** The file has the stored value, or leaves the cell empty: nothing happens. */
        UNCHANGED,
        /** Refused: the gradebook is locked or the column is not the uploader's. */
        LOCKED,
        /** Refused: the value is not a mark this cell accepts ({@code reason} says why). */
        INVALID
    }

    /** One cell: Excel row, student, column header, outcome, stored and uploaded value, reason when refused. */
    public record PreviewCell(int row, String studentCode, String studentName, String column, Outcome outcome,
            String oldValue, String newValue, String reason) {
    }

    /** How many cells of each outcome. */
    public record Counts(long newCells, long changed, long unchanged, long locked, long invalid) {

        static Counts of(List<PreviewCell> cells) {
            return new Counts(count(cells, Outcome.NEW), count(cells, Outcome.CHANGED), count(cells, Outcome.UNCHANGED),
                    count(cells, Outcome.LOCKED), count(cells, Outcome.INVALID));
        }

        private static long count(List<PreviewCell> cells, Outcome outcome) {
            return cells.stream().filter(c -> c.outcome() == outcome).count();
        }
    }
}
