package vn.hocba.gradebook.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Rejected;
import java.util.function.Consumer;

/**
 * The streaming reader of uploaded workbooks, without Spring: what it reads equals what POI's user
 * model reads, and hostile files are refused from the zip directory or at the first cell past a
 * limit, before anything large is inflated or stored.
 */
class XlsxPackageTest {

    private static final String FILE = "Tệp “x.xlsx”";

    @Test
    void readsTheNamedSheetOrTheFirstWithTheSameValuesAsPoi() throws IOException {
        byte[] xlsx = workbook();
        try (XlsxPackage read = XlsxPackage.open(xlsx, FILE, XlsxLimits.UPLOADS);
                XSSFWorkbook poi = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(read.sheetNames()).containsExactly("Ghi chú", "TOAN", "Ẩn");
            SheetCells toan = read.sheetOrFirst("TOAN");
            assertThat(toan.name()).isEqualTo("TOAN");
            assertThat(cells(toan)).containsExactlyElementsOf(cells(poi.getSheet("TOAN")));
            assertThat(toan.lastRow()).isEqualTo(poi.getSheet("TOAN").getLastRowNum());
            assertThat(read.sheetOrFirst("KHONG_CO").name()).isEqualTo("Ghi chú");
        }
    }

    @Test
    void extraSheetsOfTensOfMegabytesAreRefusedFromTheZipDirectoryNamingTheSheet() {
        byte[] huge = HostileWorkbooks.withExtraSheets(workbook(), 1, 20);
        long started = System.nanoTime();
        assertThatThrownBy(() -> XlsxPackage.open(huge, FILE, XlsxLimits.UPLOADS))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("trang tính “Ghi chú 1”").hasMessageContaining("20 MB").hasMessageContaining("16 MB");
        assertThat((System.nanoTime() - started) / 1_000_000).as("nothing inflated").isLessThan(2_000);
    }

    @Test
    void aZipBombIsRefusedByItsRatioAndAPartThatLiesAboutItsSizeIsCutOffWhileInflating() {
        byte[] bomb = HostileWorkbooks.padded(workbook(), "xl/worksheets/sheet2.xml", 30);
        assertThatThrownBy(() -> XlsxPackage.open(bomb, FILE, XlsxLimits.UPLOADS))
                .isInstanceOf(Rejected.class).hasMessageContaining("zip bomb").hasMessageContaining("trang tính “TOAN”");

        XlsxLimits noRatioCheck = new XlsxLimits(200, 16L * 1024 * 1024, 64L * 1024 * 1024, 0, 100_000, 1_000, 256, 100_000, 32_767);
        byte[] lying = HostileWorkbooks.withDeclaredSize(bomb, "xl/worksheets/sheet2.xml", 2_000);
        try (XlsxPackage read = XlsxPackage.open(lying, FILE, noRatioCheck)) {
            assertThatThrownBy(() -> read.sheetOrFirst("TOAN")).isInstanceOf(Rejected.class)
                    .hasMessageContaining("trang tính “TOAN”").hasMessageContaining("vượt giới hạn 16 MB");
        }
    }

    @Test
    void rowsColumnsCellsAndTextPastTheLimitsAreRefusedNamingWhere() {
        XlsxLimits small = new XlsxLimits(200, 1024 * 1024, 4L * 1024 * 1024, 0.01, 50, 10, 5, 12, 20);
        assertThatThrownBy(() -> read(sheet(s -> s.createRow(11).createCell(0).setCellValue(1)), small))
                .hasMessageContaining("ít nhất 12 dòng").hasMessageContaining("quá 10 dòng");
        assertThatThrownBy(() -> read(sheet(s -> s.createRow(1).createCell(5).setCellValue(1)), small))
                .hasMessageContaining("ô F2").hasMessageContaining("5 cột");
        assertThatThrownBy(() -> read(sheet(s -> {
            for (int r = 0; r < 4; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(r * 4 + c);
                }
            }
        }), small)).hasMessageContaining("12 ô");
        assertThatThrownBy(() -> read(sheet(s -> s.createRow(2).createCell(1).setCellValue("x".repeat(21))), small))
                .hasMessageContaining("dài hơn 20 ký tự");
        assertThatThrownBy(() -> read(sheet(s -> {
            for (int r = 0; r < 10; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 6; c++) {
                    row.createCell(c).setCellValue("chuỗi " + (r * 6 + c));
                }
            }
        }), small)).hasMessageContaining("hơn 50 chuỗi");
    }

    @Test
    void aStoredNumberThatIsNotANumberIsRefusedNamingTheCell() {
        byte[] nan = HostileWorkbooks.withStoredValue(sheet(s -> s.createRow(5).createCell(3).setCellValue(4.25)), "4.25", "NaN");
        assertThatThrownBy(() -> read(nan, XlsxLimits.UPLOADS)).isInstanceOf(Rejected.class)
                .hasMessageContaining("ô D6").hasMessageContaining("“NaN”").hasMessageContaining("trang tính “TOAN”");
        byte[] text = HostileWorkbooks.withStoredValue(sheet(s -> s.createRow(5).createCell(3).setCellValue(4.25)), "4.25", "bốn");
        assertThatThrownBy(() -> read(text, XlsxLimits.UPLOADS)).hasMessageContaining("ô D6").hasMessageContaining("“bốn”");
    }

    @Test
    void whatIsNotAnXlsxIsRefusedAsDamaged() {
        assertThatThrownBy(() -> XlsxPackage.open("không phải zip".getBytes(), FILE, XlsxLimits.UPLOADS))
                .hasMessageContaining("bị hỏng");
        byte[] noWorkbook = HostileWorkbooks.zip(java.util.Map.of("a.txt", new byte[10]), zip -> { });
        assertThatThrownBy(() -> XlsxPackage.open(noWorkbook, FILE, XlsxLimits.UPLOADS)).hasMessageContaining("bị hỏng");
    }

    @Test
    void relationshipTargetsResolveRelativeAndAbsolute() {
        assertThat(WorkbookParts.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(WorkbookParts.resolve("xl/", "/xl/worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(WorkbookParts.resolve("xl/", "../customXml/item1.xml")).isEqualTo("customXml/item1.xml");
        assertThat(WorkbookParts.resolve("", "xl/workbook.xml")).isEqualTo("xl/workbook.xml");
    }

    private static SheetCells read(byte[] xlsx, XlsxLimits limits) {
        try (XlsxPackage read = XlsxPackage.open(xlsx, FILE, limits)) {
            return read.sheetOrFirst("TOAN");
        }
    }

    /** A workbook of three sheets: notes, TOAN (numbers, text, a formula, a boolean, an error, blanks), a hidden one. */
    private static byte[] workbook() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("ghi chú");
            Sheet toan = book.createSheet("TOAN");
            toan.createRow(0).createCell(0).setCellValue("Lớp: 6A1 — Môn: Toán (TOAN) — Học kì 1");
            Row header = toan.createRow(4);
            String[] headers = {"STT", "Mã HS", "Họ và tên", "TX1", "TX2", "Giữa kì", "Cuối kì"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row first = toan.createRow(5);
            first.createCell(0).setCellValue(1);
            first.createCell(1).setCellValue("HS00001");
            first.createCell(2).setCellValue("Nguyễn Văn A");
            first.createCell(3).setCellValue(8);
            first.createCell(4).setCellValue(0.1 + 0.2);
            first.createCell(5).setCellFormula("3+4");
            first.createCell(6).setCellValue(true);
            Row second = toan.createRow(6);
            second.createCell(1).setCellValue("HS00002");
            second.createCell(3).setCellValue("tám");
            second.createCell(4).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
            second.createCell(5).setBlank();
            second.createCell(6).setCellValue("  7,5 ");
            toan.createRow(9);
            book.createSheet("Ẩn").createRow(0).createCell(0).setCellValue(1);
            book.setSheetHidden(2, true);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sheet(Consumer<Sheet> fill) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(book.createSheet("TOAN"));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "C7 NUMBER 8" for every non-empty cell, as this reader reads it. */
    private static List<String> cells(SheetCells sheet) {
        List<String> all = new ArrayList<>();
        for (int r = 0; r <= sheet.lastRow(); r++) {
            sheet.row(r).forEach(c -> all.add(c.ref() + " " + c.kind() + " " + (c.kind() == SheetCell.Kind.NUMBER
                    ? java.math.BigDecimal.valueOf(Double.parseDouble(c.text())).toString() : c.text())));
        }
        return all;
    }

    /** The same as POI's user model reads it. */
    private static List<String> cells(Sheet sheet) {
        List<String> all = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell c : row) {
                String ref = new org.apache.poi.ss.util.CellReference(c).formatAsString(false);
                switch (c.getCellType()) {
                    case NUMERIC -> all.add(ref + " NUMBER " + poiNumber(c));
                    case STRING -> all.add(ref + " STRING " + c.getStringCellValue());
                    case FORMULA -> all.add(ref + " FORMULA " + c.getCellFormula());
                    case BOOLEAN -> all.add(ref + " BOOLEAN " + (c.getBooleanCellValue() ? "1" : "0"));
                    case ERROR -> all.add(ref + " ERROR " + org.apache.poi.ss.usermodel.FormulaError.forInt(c.getErrorCellValue()).getString());
                    default -> { }
                }
                assertThat(c.getCellType()).isNotEqualTo(CellType._NONE);
            }
        }
        return all;
    }

    /** Numbers compared by value (both sides read the stored text as a double). */
    private static String poiNumber(Cell c) {
        return java.math.BigDecimal.valueOf(c.getNumericCellValue()).toString();
    }
}
