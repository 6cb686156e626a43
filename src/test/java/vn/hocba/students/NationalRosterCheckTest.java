package vn.hocba.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Rejected;
import vn.hocba.students.NationalRosterRow.Outcome;

/** Reading the national database's student export and checking its rows, without Spring or a database. */
class NationalRosterCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 8, 20);

    @Test
    void headersAreFoundBelowTheTitleRowsWhateverTheirSpellingOfDiacriticsAndOrder() throws IOException {
        byte[] file = workbook(new String[] {"LỚP", "Họ và tên", "MÃ HỌC SINH", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Ghi chú"},
                new String[] {"6A1", "Đỗ Thị Ánh", "0126000099", "05/09/2015", "Nữ", "079315500099", "bỏ qua"});
        List<NationalRosterSheet.Line> lines = NationalRosterSheet.read(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).row()).isEqualTo(5);
        assertThat(lines.get(0).get(NationalRosterSheet.Field.NAME)).isEqualTo("Đỗ Thị Ánh");
        assertThat(lines.get(0).get(NationalRosterSheet.Field.CLASS)).isEqualTo("6A1");
    }

    @Test
    void aFileWithoutTheClassColumnIsRefusedNamingIt() throws IOException {
        byte[] file = workbook(new String[] {"Mã học sinh", "Họ tên", "Ngày sinh", "Giới tính"},
                new String[] {"0126000099", "Đỗ Thị Ánh", "05/09/2015", "Nữ"});
        assertThatThrownBy(() -> NationalRosterSheet.read(file)).isInstanceOf(Rejected.class)
                .hasMessageContaining("Tệp thiếu cột «Lớp»");
    }

    @Test
    void everyRefusedCellOfARowIsNamedWithItsReason() throws IOException {
        byte[] file = workbook(new String[] {"Mã học sinh", "Họ tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Lớp", "Trạng thái"},
                new String[] {"0126000001", "Lê Văn Bình", "5/9/2015", "Nam", "079215500001", "6A1", "Đang học"},
                new String[] {"0126000001", "Lê Văn Bình", "30/02/2015", "X", "07921550000", "6A9", "Đang học"},
                new String[] {"0126000003", "Ngô Thị Cúc", "01/01/2015", "Nữ", "079315500003", "6A1", "Thôi học"});
        NationalRosterCheck check = new NationalRosterCheck(known(), TODAY, new HashMap<>(), new HashMap<>());
        List<NationalRosterRow> rows = NationalRosterSheet.read(file).stream().map(check::check).toList();

        assertThat(rows).extracting(NationalRosterRow::outcome).containsExactly(Outcome.NEW, Outcome.INVALID, Outcome.SKIPPED);
        assertThat(rows.get(0).profile().dateOfBirth()).isEqualTo(LocalDate.of(2015, 9, 5));
        assertThat(rows.get(1).problems()).containsExactly(
                "Mã học sinh 0126000001 đã có ở dòng 5 của tệp.",
                "Ngày sinh «30/02/2015»: không phải ngày có thật (ghi ngày/tháng/năm, như 05/09/2014).",
                "Giới tính «X»: ghi Nam hoặc Nữ.",
                "Số định danh cá nhân «07921550000»: phải gồm đúng 12 chữ số.",
                "Lớp «6A9» không có trong năm học này; tạo lớp ở bước «Lớp» trước.");
        assertThat(rows.get(1).invalidFields()).containsExactlyInAnyOrder("Mã học sinh", "Ngày sinh", "Giới tính",
                "Số định danh cá nhân", "Lớp");
        assertThat(rows.get(2).problems()).containsExactly("Trạng thái «Thôi học»: chỉ nhập học sinh đang học.");
    }

    @Test
    void aStoredStudentWhoseProfileDiffersIsChangedWithWhatChanges() throws IOException {
        Student stored = new Student(new StudentId(7), new StudentProfile("0126000001", "079215500001", "Lê Văn Bình", Sex.NAM,
                LocalDate.of(2015, 9, 5), null, "Kinh", null, null, null, null, null));
        byte[] file = workbook(new String[] {"Mã học sinh", "Họ tên", "Ngày sinh", "Giới tính", "Dân tộc", "Lớp"},
                new String[] {"0126000001", "Lê Văn Bình", "05/09/2015", "Nam", "Tày", "6A1"});
        NationalRosterCheck.Known known = new NationalRosterCheck.Known() {
            public boolean classExists(String code) {
                return true;
            }

            public Optional<Student> byCode(String code) {
                return Optional.of(stored);
            }

            public Optional<String> nationalIdHolder(String nationalId) {
                return Optional.empty();
            }

            public Optional<String> enrolledClass(StudentId student) {
                return Optional.of("6A1");
            }
        };
        NationalRosterRow row = new NationalRosterCheck(known, TODAY, new HashMap<>(), new HashMap<>())
                .check(NationalRosterSheet.read(file).get(0));
        assertThat(row.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(row.changes()).containsExactly("Dân tộc: Kinh → Tày");
    }

    private static NationalRosterCheck.Known known() {
        return new NationalRosterCheck.Known() {
            public boolean classExists(String code) {
                return code.equals("6A1");
            }

            public Optional<Student> byCode(String code) {
                return Optional.empty();
            }

            public Optional<String> nationalIdHolder(String nationalId) {
                return Optional.empty();
            }

            public Optional<String> enrolledClass(StudentId student) {
                return Optional.empty();
            }
        };
    }

    /** Two title rows, a blank one, the header on row 4, then the data rows. */
    private static byte[] workbook(String[] header, String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
            sheet.createRow(1).createCell(0).setCellValue("DANH SÁCH HỌC SINH");
            fill(sheet.createRow(3), header);
            for (int r = 0; r < rows.length; r++) {
                fill(sheet.createRow(4 + r), rows[r]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Row row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }
}
