package vn.hocba.gradebook.excel;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The non-empty cells of one uploaded sheet, by row and column (0-based), as {@link XlsxPackage} streamed them. */
public final class SheetCells {

    private final String name;
    private final NavigableMap<Integer, NavigableMap<Integer, SheetCell>> rows = new TreeMap<>();
    private int lastRow = -1;
    private int cells;

    SheetCells(String name) {
        this.name = name;
    }

    /** The sheet's name as Excel shows it on its tab. */
    public String name() {
        return name;
    }

    /** The last row the file has (even one without values), -1 when none: POI's {@code getLastRowNum()}. */
    public int lastRow() {
        return lastRow;
    }

    /** The non-empty cells of row {@code row}, left to right. */
    public List<SheetCell> row(int row) {
        return List.copyOf(rows.getOrDefault(row, new TreeMap<>()).values());
    }

    /** The cell at {@code row}, {@code column}, or null when it is empty or absent. */
    public SheetCell cell(int row, int column) {
        Map<Integer, SheetCell> cellsOfRow = rows.get(row);
        return cellsOfRow == null ? null : cellsOfRow.get(column);
    }

    int size() {
        return cells;
    }

    void sawRow(int row) {
        lastRow = Math.max(lastRow, row);
    }

    void add(SheetCell cell) {
        if (rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.column(), cell) == null) {
            cells++;
        }
        sawRow(cell.row());
    }
}
