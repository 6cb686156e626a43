package vn.hocba.students;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.hocba.common.Rejected;

/**
 * Reads the student list exported from the national education database (CSDL ngành, "Danh sách học
 * sinh"): title rows, then a header row with the columns named in Vietnamese (Mã học sinh, Họ tên,
 * Ngày sinh, Giới tính, Dân tộc, Số định danh cá nhân, Lớp, Trạng thái, …), then one row per student.
 * Columns are found by their header, in any order; columns HocBa does not keep are ignored.
 */
final class NationalRosterSheet {

    /** The columns HocBa reads, with the header as the export prints it. */
    enum Field {
        CODE("Mã học sinh", true), NAME("Họ tên", true), BIRTH("Ngày sinh", true), SEX("Giới tính", true),
        ETHNICITY("Dân tộc", false), NATIONAL_ID("Số định danh cá nhân", false), CLASS("Lớp", true),
        STATUS("Trạng thái", false), PLACE_OF_BIRTH("Nơi sinh", false), ADDRESS("Địa chỉ", false),
        POLICY("Diện chính sách", false), FATHER("Họ tên cha", false), FATHER_JOB("Nghề nghiệp cha", false),
        MOTHER("Họ tên mẹ", false), MOTHER_JOB("Nghề nghiệp mẹ", false);

        final String header;
        final boolean required;

        Field(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        String header() {
            return header;
        }
    }

    /** One student row: its row number in the sheet (1-based, as Excel shows it) and the cells as text. */
    record Line(int row, Map<Field, String> cells) {
        String get(Field field) {
            String v = cells.get(field);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private static final int HEADER_SEARCH_ROWS = 15;
    private static final int MAX_ROWS = 3_000;

    private NationalRosterSheet() {
    }

    static List<Line> read(byte[] file) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("vi"));
            int headerRow = headerRow(sheet, formatter);
            Map<Integer, Field> columns = columns(sheet.getRow(headerRow), formatter);
            List<Line> lines = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<Field, String> cells = new EnumMap<>(Field.class);
                if (row != null) {
                    columns.forEach((c, field) -> cells.put(field, text(row.getCell(c), formatter)));
                }
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (lines.size() == MAX_ROWS) {
                    throw Rejected.invalid("Tệp có hơn " + MAX_ROWS + " học sinh; hãy chia thành nhiều tệp.");
                }
                lines.add(new Line(r + 1, cells));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejected rejected) {
                throw rejected;
            }
            throw Rejected.invalid("Không đọc được tệp Excel (.xlsx hoặc .xls) xuất từ CSDL ngành: tệp hỏng, có mật khẩu "
                    + "hoặc không phải bảng tính.");
        }
    }

    private static int headerRow(Sheet sheet, DataFormatter formatter) {
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS); r++) {
            Row row = sheet.getRow(r);
            if (row != null && columns(row, formatter).containsValue(Field.CODE)) {
                return r;
            }
        }
        throw Rejected.invalid("Không tìm thấy dòng tiêu đề có cột «Mã học sinh» trong " + HEADER_SEARCH_ROWS
                + " dòng đầu của trang tính đầu tiên: tệp không theo mẫu xuất danh sách học sinh của CSDL ngành.");
    }

    private static Map<Integer, Field> columns(Row header, DataFormatter formatter) {
        Map<Integer, Field> columns = new LinkedHashMap<>();
        for (Cell cell : header) {
            Field field = field(key(text(cell, formatter)));
            if (field != null && !columns.containsValue(field)) {
                columns.put(cell.getColumnIndex(), field);
            }
        }
        if (columns.containsValue(Field.CODE)) {
            List<String> missing = java.util.Arrays.stream(Field.values()).filter(f -> f.required && !columns.containsValue(f))
                    .map(f -> "«" + f.header + "»").toList();
            if (!missing.isEmpty()) {
                throw Rejected.invalid("Tệp thiếu cột " + String.join(", ", missing) + " (dòng tiêu đề " + (header.getRowNum() + 1) + ").");
            }
        }
        return columns;
    }

    /** The header's field: compared without diacritics, case and extra spaces ("Họ và tên" = "Họ tên"). */
    static Field field(String key) {
        return switch (key) {
            case "ma hoc sinh", "ma hs" -> Field.CODE;
            case "ho ten", "ho va ten", "ho ten hoc sinh" -> Field.NAME;
            case "ngay sinh" -> Field.BIRTH;
            case "gioi tinh" -> Field.SEX;
            case "dan toc" -> Field.ETHNICITY;
            case "so dinh danh ca nhan", "ma dinh danh", "ma dinh danh ca nhan", "so dinh danh" -> Field.NATIONAL_ID;
            case "lop", "lop hoc", "ten lop" -> Field.CLASS;
            case "trang thai", "trang thai hoc sinh" -> Field.STATUS;
            case "noi sinh" -> Field.PLACE_OF_BIRTH;
            case "dia chi", "dia chi thuong tru", "noi o hien nay" -> Field.ADDRESS;
            case "dien chinh sach", "doi tuong chinh sach" -> Field.POLICY;
            case "ho ten cha" -> Field.FATHER;
            case "nghe nghiep cha" -> Field.FATHER_JOB;
            case "ho ten me" -> Field.MOTHER;
            case "nghe nghiep me" -> Field.MOTHER_JOB;
            default -> null;
        };
    }

    /** Lower case, no diacritics (đ → d), single spaces: how headers and statuses are compared. */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        }
        return Normalizer.normalize(formatter.formatCellValue(cell), Normalizer.Form.NFC);
    }
}
