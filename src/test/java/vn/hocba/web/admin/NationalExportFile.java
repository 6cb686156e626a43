package vn.hocba.web.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A student list as the national education database exports it (title rows, then the header row
 * «STT, Mã học sinh, Họ tên, Ngày sinh, Giới tính, Dân tộc, Số định danh cá nhân, Lớp, Trạng thái, …»),
 * written with Apache POI: 30 students studying in 6A1 and 6A2 and one who moved away.
 */
final class NationalExportFile {

    static final String[] HEADER = {"STT", "Mã học sinh", "Họ tên", "Ngày sinh", "Giới tính", "Dân tộc",
        "Số định danh cá nhân", "Lớp", "Trạng thái", "Nơi sinh", "Họ tên cha", "Họ tên mẹ", "Mã định danh Bộ GD&ĐT"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Khánh", "Linh", "Minh", "Ngọc", "Phúc"};

    private NationalExportFile() {
    }

    static String code(int i) {
        return String.format("0126%06d", i);
    }

    static String nationalId(int i) {
        return String.format("079%d15%06d", i % 2 == 0 ? 3 : 2, 500000 + i);
    }

    static LocalDate birth(int i) {
        return LocalDate.of(2015, 1 + i % 12, 1 + i % 28);
    }

    static String name(int i) {
        return FAMILY[i % FAMILY.length] + " Thị " + GIVEN[i % GIVEN.length] + " " + i;
    }

    /** Students 1–30 (1–15 in 6A1, 16–30 in 6A2) and one who moved away; {@code badBirthRow} ≥ 1 gets 31/02/2015. */
    static Path write(Path dir, String name, int badBirthRow) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Danh sách học sinh");
            sheet.createRow(0).createCell(0).setCellValue("SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HÀ NỘI");
            sheet.createRow(1).createCell(0).setCellValue("DANH SÁCH HỌC SINH NĂM HỌC 2026-2027");
            Row header = sheet.createRow(3);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 1; i <= 31; i++) {
                Row row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(code(i));
                row.createCell(2).setCellValue(name(i));
                if (i == badBirthRow) {
                    row.createCell(3).setCellValue("31/02/2015");
                } else if (i % 2 == 0) {
                    row.createCell(3).setCellValue(birth(i)); // a real date cell, as Excel keeps a typed date
                    row.getCell(3).setCellStyle(date);
                } else {
                    row.createCell(3).setCellValue(String.format("%02d/%02d/%d", birth(i).getDayOfMonth(),
                            birth(i).getMonthValue(), birth(i).getYear()));
                }
                row.createCell(4).setCellValue(i % 2 == 0 ? "Nữ" : "Nam");
                row.createCell(5).setCellValue(i % 10 == 0 ? "Tày" : "Kinh");
                row.createCell(6).setCellValue(nationalId(i));
                row.createCell(7).setCellValue(i <= 15 ? "6A1" : "6A2");
                row.createCell(8).setCellValue(i == 31 ? "Chuyển trường" : "Đang học");
                row.createCell(9).setCellValue("Hà Nội");
                row.createCell(10).setCellValue("Nguyễn Văn Cha " + i);
                row.createCell(11).setCellValue("Trần Thị Mẹ " + i);
                row.createCell(12).setCellValue("BGD" + i);
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }
}
