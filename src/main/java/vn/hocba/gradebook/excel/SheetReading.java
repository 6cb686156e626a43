package vn.hocba.gradebook.excel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.SheetColumn;
/**
 * The rows of an uploaded sheet, columns found by their header text: the header row is the first
 * of the top 20 rows with a "Mã HS" cell. Rows are keyed by student code, not by position.
 */
record SheetReading(int headerRow, Map<SheetColumn, Integer> columns, List<String> ignoredHeaders, List<Line> lines) {

    /** A cell as read: {@code value} the text to check (null when blank) or {@code problem} why it cannot be used. */
    record Read(String value, String problem) {
    }

    /** A data row: its 1-based number as Excel shows it, the student code (null when blank), its mark cells. */
    record Line(int number, String code, Map<SheetColumn, Read> cells) {
    }

    /** Headers of the template that are for people, not read back: STT, name. */
    private static final java.util.Set<String> INFO = java.util.Set.of("stt", "họvàtên", "họtên");

    static SheetReading of(SheetCells sheet, int maxRegularColumns) {
        int header = headerRow(sheet);
        int codeColumn = -1;
        Map<SheetColumn, Integer> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (SheetCell cell : sheet.row(header)) {
            String text = text(cell);
            if (text.isBlank()) {
                continue;
            }
            if (SheetColumn.isCode(text)) {
                codeColumn = cell.column();
                continue;
            }
            var column = SheetColumn.of(text);
            if (column.isEmpty()) {
                if (!INFO.contains(SheetColumn.key(text))) {
                    ignored.add(text.trim());
                }
                continue;
            }
            SheetColumn c = column.get();
            if (c.kind() == MarkKind.REGULAR && (c.column() < 1 || c.column() > maxRegularColumns)) {
                throw Rejected.invalid("Cột “" + text.trim() + "” (ô " + cell.ref() + "): điểm thường xuyên của trường chỉ có cột TX1–TX"
                        + maxRegularColumns + ".");
            }
            Integer earlier = columns.putIfAbsent(c, cell.column());
            if (earlier != null) {
                throw Rejected.invalid("Cột “" + c.header() + "” xuất hiện hai lần ở dòng tiêu đề (cột "
                        + CellReference.convertNumToColString(earlier) + " và " + CellReference.convertNumToColString(cell.column())
                        + "). Hãy xoá một cột.");
            }
        }
        if (columns.isEmpty()) {
            throw Rejected.invalid("Dòng tiêu đề (dòng " + (header + 1) + ") không có cột điểm nào: cần ít nhất một cột "
                    + "TX1…, “Giữa kì” hoặc “Cuối kì”.");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = header + 1; r <= sheet.lastRow(); r++) {
            line(sheet, r, codeColumn, columns).ifPresent(lines::add);
        }
        return new SheetReading(header + 1, columns, ignored, lines);
    }

    /** The 0-based index of the header row. */
    private static int headerRow(SheetCells sheet) {
        for (int r = 0; r <= Math.min(19, sheet.lastRow()); r++) {
            for (SheetCell cell : sheet.row(r)) {
                if (SheetColumn.isCode(text(cell))) {
                    return r;
                }
            }
        }
        throw Rejected.invalid("Trang tính “" + sheet.name() + "” không có dòng tiêu đề với cột “" + SheetColumn.CODE_HEADER
                + "” trong 20 dòng đầu; HocBa nhận ra học sinh theo mã. Hãy dùng mẫu tải từ HocBa hoặc thêm cột “Mã HS”.");
    }

    private static java.util.Optional<Line> line(SheetCells sheet, int row, int codeColumn, Map<SheetColumn, Integer> columns) {
        String code = text(sheet.cell(row, codeColumn)).trim();
        Map<SheetColumn, Read> cells = new LinkedHashMap<>();
        columns.forEach((column, index) -> cells.put(column, read(sheet.cell(row, index))));
        boolean empty = cells.values().stream().allMatch(c -> c.value() == null && c.problem() == null);
        if (code.isEmpty() && empty) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Line(row + 1, code.isEmpty() ? null : code, cells));
    }

    /** A mark cell: numbers exactly as shown (no binary noise), text as typed; formulas and errors refused. */
    static Read read(SheetCell cell) {
        if (cell == null) {
            return new Read(null, null);
        }
        return switch (cell.kind()) {
            case NUMBER -> new Read(number(cell), null);
            case STRING -> cell.text().isBlank() ? new Read(null, null) : new Read(cell.text().trim(), null);
            case FORMULA -> new Read(null, "ô " + cell.ref() + " là công thức" + (cell.text().isEmpty() ? "" : " (=" + cell.text() + ")")
                    + "; hãy nhập giá trị điểm, không dùng công thức");
            case BOOLEAN -> new Read(null, "ô " + cell.ref() + " là giá trị đúng/sai, không phải điểm");
            case ERROR -> new Read(null, "ô " + cell.ref() + " có lỗi Excel, không phải điểm");
        };
    }

    /** A header or code cell's text: a number as shown, a string as typed, anything else empty. */
    static String text(SheetCell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.kind()) {
            case NUMBER -> number(cell);
            case STRING -> cell.text();
            default -> "";
        };
    }

    /** The number as Excel shows it: the stored double's shortest decimal, as POI's {@code getNumericCellValue()} reads it. */
    private static String number(SheetCell cell) {
        return BigDecimal.valueOf(Double.parseDouble(cell.text())).stripTrailingZeros().toPlainString();
    }

    /** The same for a cell of a workbook opened with POI (tests read downloaded templates so). */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }
}
