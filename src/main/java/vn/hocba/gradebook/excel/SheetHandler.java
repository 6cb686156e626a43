package vn.hocba.gradebook.excel;

import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import vn.hocba.common.Rejected;

/**
 * Streams one worksheet part into {@link SheetCells}: only values are kept (no styles, no
 * formatting), and the sheet is refused at the first row, column, cell or text beyond the limits,
 * before it is stored. A cell whose stored number is not a finite number ("NaN", "INF", text) is
 * refused naming the cell: Excel never writes one, so the file was made or altered by another program.
 */
final class SheetHandler extends DefaultHandler {

    private final SheetCells cells;
    private final SharedStrings shared;
    private final XlsxLimits limits;
    private final String sheet;
    private int row = -1;
    private int column = -1;
    private String type;
    private boolean formula;
    private boolean inline;
    private int phonetic;
    private StringBuilder value;
    private StringBuilder formulaText;
    private StringBuilder inlineText;
    private StringBuilder collecting;

    SheetHandler(SheetCells cells, SharedStrings shared, XlsxLimits limits, String file) {
        this.cells = cells;
        this.shared = shared;
        this.limits = limits;
        this.sheet = file + ", trang tính “" + cells.name() + "”";
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> startRow(attributes.getValue("r"));
            case "c" -> startCell(attributes.getValue("r"), attributes.getValue("t"));
            case "v" -> collecting = value = new StringBuilder();
            case "f" -> {
                formula = true;
                collecting = formulaText = new StringBuilder();
            }
            case "is" -> {
                inline = true;
                inlineText = new StringBuilder();
            }
            case "rPh" -> phonetic++;
            case "t" -> collecting = inline && phonetic == 0 ? inlineText : null;
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "f", "t" -> collecting = null;
            case "is" -> inline = false;
            case "rPh" -> phonetic--;
            case "c" -> endCell();
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting == null) {
            return;
        }
        if (collecting.length() + length > limits.maxCellChars()) {
            throw Rejected.invalid(sheet + ", ô " + SheetCell.ref(row, column) + ": nội dung dài hơn " + limits.maxCellChars()
                    + " ký tự, vượt giới hạn của một ô Excel. Hãy xoá bớt nội dung ô này.");
        }
        collecting.append(ch, start, length);
    }

    private void startRow(String r) {
        row = r == null ? row + 1 : number(r, "dòng") - 1;
        column = -1;
        checkRow();
        cells.sawRow(row);
    }

    private void startCell(String r, String t) {
        if (r == null) {
            column++;
        } else {
            CellReference ref = reference(r);
            row = ref.getRow() < 0 ? row : ref.getRow();
            column = ref.getCol();
            checkRow();
        }
        type = t;
        formula = false;
        inline = false;
        phonetic = 0;
        value = formulaText = inlineText = collecting = null;
    }

    private void endCell() {
        SheetCell cell = cell();
        if (cell == null) {
            return;
        }
        if (column >= limits.maxColumns()) {
            throw Rejected.invalid(sheet + " có dữ liệu ở ô " + cell.ref() + ", ngoài " + limits.maxColumns()
                    + " cột đầu tiên mà HocBa đọc. Hãy xoá các cột thừa bên phải.");
        }
        if (cells.size() >= limits.maxCells()) {
            throw Rejected.invalid(sheet + " có hơn " + limits.maxCells() + " ô có dữ liệu, vượt giới hạn cho một bảng điểm lớp. "
                    + "Hãy xoá các vùng không cần thiết.");
        }
        cells.add(cell);
    }

    /** The cell just read, or null when it holds nothing. */
    private SheetCell cell() {
        if (formula) {
            return new SheetCell(row, column, SheetCell.Kind.FORMULA, formulaText.toString());
        }
        String v = value == null ? null : value.toString();
        String t = type == null ? "n" : type;
        return switch (t) {
            case "s" -> v == null || v.isBlank() ? null : new SheetCell(row, column, SheetCell.Kind.STRING, sharedString(v));
            case "inlineStr" -> inlineText == null ? null
                    : new SheetCell(row, column, SheetCell.Kind.STRING, SharedStrings.decoded(inlineText));
            case "str", "d" -> v == null ? null : new SheetCell(row, column, SheetCell.Kind.STRING, v);
            case "b" -> v == null ? null : new SheetCell(row, column, SheetCell.Kind.BOOLEAN, v);
            case "e" -> v == null ? null : new SheetCell(row, column, SheetCell.Kind.ERROR, v);
            default -> v == null || v.isEmpty() ? null : new SheetCell(row, column, SheetCell.Kind.NUMBER, finite(v));
        };
    }

    private String sharedString(String index) {
        String text = null;
        try {
            text = shared == null ? null : shared.get(Integer.parseInt(index.trim()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (text == null) {
            throw Rejected.invalid(sheet + ", ô " + SheetCell.ref(row, column) + ": ô trỏ tới chuỗi số “" + index
                    + "” không có trong bảng chuỗi dùng chung; tệp bị hỏng. Hãy mở lại trong Excel, lưu thành .xlsx rồi tải lên.");
        }
        return text;
    }

    private String finite(String v) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw Rejected.invalid(sheet + ", ô " + SheetCell.ref(row, column) + ": giá trị lưu trong tệp là “" + shortened(v)
                    + "”, không phải một số. Excel không bao giờ lưu như vậy, nên tệp đã được tạo hoặc sửa bằng phần mềm khác: "
                    + "hãy nhập lại ô này trong Excel, lưu thành .xlsx rồi tải lên.");
        }
        return v.trim();
    }

    private void checkRow() {
        if (row > limits.maxRows()) {
            throw Rejected.invalid("Trang tính “" + cells.name() + "” có ít nhất " + (row + 1) + " dòng, quá " + limits.maxRows()
                    + " dòng cho một lớp. Hãy xoá các dòng thừa.");
        }
    }

    private CellReference reference(String r) {
        try {
            CellReference ref = new CellReference(r);
            if (ref.getCol() < 0 || ref.getCol() > 16_383 || ref.getRow() > 1_048_575) {
                throw new IllegalArgumentException(r);
            }
            return ref;
        } catch (RuntimeException e) {
            throw Rejected.invalid(sheet + ": địa chỉ ô “" + shortened(r) + "” không hợp lệ; tệp bị hỏng. Hãy mở lại trong Excel, "
                    + "lưu thành .xlsx rồi tải lên.");
        }
    }

    private int number(String r, String what) {
        try {
            int n = Integer.parseInt(r.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Rejected.invalid(sheet + ": số " + what + " “" + shortened(r) + "” không hợp lệ; tệp bị hỏng. Hãy mở lại trong Excel, "
                + "lưu thành .xlsx rồi tải lên.");
    }

    private static String shortened(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
