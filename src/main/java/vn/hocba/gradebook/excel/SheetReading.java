package vn.hocba.gradebook.excel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

    static SheetReading of(Sheet sheet, int maxRegularColumns) {
        Row header = headerRow(sheet);
        int codeColumn = -1;
        Map<SheetColumn, Integer> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Cell cell : header) {
            String text = text(cell);
            if (text.isBlank()) {
                continue;
            }
            if (SheetColumn.isCode(text)) {
                codeColumn = cell.getColumnIndex();
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
                throw Rejected.invalid("Cột “" + text.trim() + "” (ô " + ref(cell) + "): điểm thường xuyên của trường chỉ có cột TX1–TX"
                        + maxRegularColumns + ".");
            }
            Integer earlier = columns.putIfAbsent(c, cell.getColumnIndex());
            if (earlier != null) {
                throw Rejected.invalid("Cột “" + c.header() + "” xuất hiện hai lần ở dòng tiêu đề (cột "
                        + CellReference.convertNumToColString(earlier) + " và " + CellReference.convertNumToColString(cell.getColumnIndex())
                        + "). Hãy xoá một cột.");
            }
        }
        if (columns.isEmpty()) {
            throw Rejected.invalid("Dòng tiêu đề (dòng " + (header.getRowNum() + 1) + ") không có cột điểm nào: cần ít nhất một cột "
                    + "TX1…, “Giữa kì” hoặc “Cuối kì”.");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                line(row, codeColumn, columns).ifPresent(lines::add);
            }
        }
        return new SheetReading(header.getRowNum() + 1, columns, ignored, lines);
    }

    private static Row headerRow(Sheet sheet) {
        for (int r = 0; r <= Math.min(19, sheet.getLastRowNum()); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                for (Cell cell : row) {
                    if (SheetColumn.isCode(text(cell))) {
                        return row;
                    }
                }
            }
        }
        throw Rejected.invalid("Trang tính “" + sheet.getSheetName() + "” không có dòng tiêu đề với cột “" + SheetColumn.CODE_HEADER
                + "” trong 20 dòng đầu; HocBa nhận ra học sinh theo mã. Hãy dùng mẫu tải từ HocBa hoặc thêm cột “Mã HS”.");
    }

    private static java.util.Optional<Line> line(Row row, int codeColumn, Map<SheetColumn, Integer> columns) {
        String code = text(row.getCell(codeColumn)).trim();
        Map<SheetColumn, Read> cells = new LinkedHashMap<>();
        columns.forEach((column, index) -> cells.put(column, read(row.getCell(index))));
        boolean empty = cells.values().stream().allMatch(c -> c.value() == null && c.problem() == null);
        if (code.isEmpty() && empty) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Line(row.getRowNum() + 1, code.isEmpty() ? null : code, cells));
    }

    /** A mark cell: numbers exactly as shown (no binary noise), text as typed; formulas and errors refused. */
    static Read read(Cell cell) {
        if (cell == null) {
            return new Read(null, null);
        }
        return switch (cell.getCellType()) {
            case BLANK -> new Read(null, null);
            case NUMERIC -> new Read(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString(), null);
            case STRING -> cell.getStringCellValue().isBlank() ? new Read(null, null) : new Read(cell.getStringCellValue().trim(), null);
            case FORMULA -> new Read(null, "ô " + ref(cell) + " là công thức (=" + cell.getCellFormula()
                    + "); hãy nhập giá trị điểm, không dùng công thức");
            case BOOLEAN -> new Read(null, "ô " + ref(cell) + " là giá trị đúng/sai, không phải điểm");
            default -> new Read(null, "ô " + ref(cell) + " có lỗi Excel, không phải điểm");
        };
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }

    static String ref(Cell cell) {
        return new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString();
    }
}
