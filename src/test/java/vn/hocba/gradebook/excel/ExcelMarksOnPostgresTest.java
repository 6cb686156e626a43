package vn.hocba.gradebook.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static vn.hocba.gradebook.GradebookFixture.workbook;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.gradebook.GradebookFixture.Assignment;
import vn.hocba.gradebook.GradebookFixture.Stored;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.GradebookFixture;
/** Marks as Excel workbooks through the API, on real PostgreSQL with the demo school. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExcelMarksOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "excel_marks");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    GradebookFixture school;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
        school = new GradebookFixture(api, jdbc);
    }

    @Test
    void thePreviewSortsEveryCellOfAHandMadeWorkbookAndWritesNothing() {
        Assignment toan = school.assignment("gv04", "TOAN");
        Stored stored = school.stored("gv04", toan, 2);
        String first = stored.code(0);
        String second = stored.code(1);
        String tx1 = stored.value(first, "REGULAR", 1);
        String tx2 = stored.value(first, "REGULAR", 2);
        int otherTx2 = new BigDecimal(tx2).intValue() == 9 ? 8 : 9;
        long[] before = school.counts();
        byte[] file = workbook(new String[] {"Cuối kì", "Ghi chú", "Mã HS", "TX2", "Họ và tên", "TX1", "TX3"},
                new Object[] {"=3+4", "chép lại", second, "7.5", "?", "tám", null},
                new Object[] {7.5, null, first, otherTx2, "?", Double.valueOf(tx1), 8},
                new Object[] {8, null, "HS_KHONG_CO", 7, "Ai đó", 7, 7});

        Reply preview = school.preview("gv04", toan, 2, "toan.xlsx", file);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode counts = preview.body().path("counts");
        assertThat(List.of(counts.path("newCells").asInt(), counts.path("changed").asInt(), counts.path("unchanged").asInt(),
                counts.path("locked").asInt(), counts.path("invalid").asInt())).containsExactly(2, 1, 1, 0, 3);
        assertThat(outcome(preview, first, "TX2").path("oldValue").asText()).isEqualTo(tx2);
        assertThat(outcome(preview, first, "TX2").path("newValue").asText()).isEqualTo(String.valueOf(otherTx2));
        assertThat(outcome(preview, first, "TX3").path("outcome").asText()).isEqualTo("NEW");
        assertThat(outcome(preview, first, "Cuối kì").path("outcome").asText()).isEqualTo("NEW");
        assertThat(outcome(preview, first, "TX1").path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(outcome(preview, second, "TX1").path("reason").asText()).contains("Dòng 6, cột TX1").contains("tám")
                .contains("không phải là điểm");
        assertThat(outcome(preview, second, "TX2").path("reason").asText()).contains("số nguyên");
        assertThat(outcome(preview, second, "Cuối kì").path("reason").asText()).contains("công thức");
        assertThat(preview.body().path("problems").get(0).asText()).contains("Dòng 8").contains("HS_KHONG_CO");
        assertThat(preview.body().path("ignoredColumns").toString()).isEqualTo("[\"Ghi chú\"]");
        assertThat(preview.body().path("applicable").asBoolean()).isFalse();
        assertThat(school.counts()).containsExactly(before);

        Reply refused = school.apply("gv04", toan, 2, preview.body().path("id").asText());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("4 chỗ bị từ chối").contains("HS_KHONG_CO");
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void applyingWritesExactlyThePreviewedCellsAndTheSameFileTwiceChangesNothing() {
        Assignment toan = school.assignment("gv05", "TOAN");
        Stored stored = school.stored("gv05", toan, 2);
        String first = stored.code(0);
        String second = stored.code(1);
        int otherTx2 = new BigDecimal(stored.value(first, "REGULAR", 2)).intValue() == 9 ? 8 : 9;
        byte[] file = workbook(new String[] {"Mã HS", "TX1", "TX2", "TX3", "Cuối kì"},
                new Object[] {second, Double.valueOf(stored.value(second, "REGULAR", 1)), stored.value(second, "REGULAR", 2), null, null},
                new Object[] {first, stored.value(first, "REGULAR", 1), otherTx2, 9, "6,5"});
        long[] before = school.counts();

        Reply preview = school.preview("gv05", toan, 2, "toan.xlsx", file);
        JsonNode counts = preview.body().path("counts");
        assertThat(List.of(counts.path("newCells").asInt(), counts.path("changed").asInt(), counts.path("unchanged").asInt()))
                .containsExactly(2, 1, 3);
        String id = preview.body().path("id").asText();
        Reply applied = school.apply("gv05", toan, 2, id);

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.body().path("changed").asInt()).isEqualTo(3);
        assertThat(school.counts()).containsExactly(before[0] + 2, before[1] + 3);
        Stored after = school.stored("gv05", toan, 2);
        assertThat(new BigDecimal(after.value(first, "REGULAR", 2))).isEqualByComparingTo(String.valueOf(otherTx2));
        assertThat(new BigDecimal(after.value(first, "REGULAR", 3))).isEqualByComparingTo("9");
        assertThat(new BigDecimal(after.value(first, "FINAL", 1))).isEqualByComparingTo("6.5");
        assertThat(jdbc.sql("select count(*) from audit_entry where related_request = ?").param("excel " + id).query(Long.class)
                .single()).isEqualTo(3);

        Reply again = school.preview("gv05", toan, 2, "toan.xlsx", file);
        assertThat(again.body().path("counts").path("newCells").asInt() + again.body().path("counts").path("changed").asInt())
                .isZero();
        assertThat(again.body().path("sha256").asText()).isEqualTo(preview.body().path("sha256").asText());
        assertThat(school.apply("gv05", toan, 2, again.body().path("id").asText()).body().path("changed").asInt()).isZero();
        assertThat(school.counts()).containsExactly(before[0] + 2, before[1] + 3);
        assertThat(school.apply("gv05", toan, 2, id).status()).as("a preview applies once").isEqualTo(404);
    }

    @Test
    void aCellChangedBetweenPreviewAndApplyRefusesTheWholeApply() {
        Assignment toan = school.assignment("gv06", "TOAN");
        Stored stored = school.stored("gv06", toan, 2);
        String first = stored.code(0);
        Reply preview = school.preview("gv06", toan, 2, "a.xlsx", workbook(new String[] {"Mã HS", "TX3", "TX4"},
                new Object[] {first, 7, 6}));
        assertThat(preview.body().path("counts").path("newCells").asInt()).isEqualTo(2);
        String put = "{\"changes\":[{\"studentId\":" + stored.ids().get(first) + ",\"kind\":\"REGULAR\",\"column\":3,\"value\":\"5\"}]}";
        assertThat(api.send("gv06", MockMvcRequestBuilders.put(toan.sheet(2)).contentType("application/json").content(put)).status())
                .isEqualTo(200);
        long[] before = school.counts();

        Reply applied = school.apply("gv06", toan, 2, preview.body().path("id").asText());

        assertThat(applied.status()).isEqualTo(409);
        assertThat(applied.detail()).contains("giá trị hiện tại là 5");
        assertThat(school.counts()).containsExactly(before);
        assertThat(school.stored("gv06", toan, 2).value(first, "REGULAR", 4)).isNull();
    }

    @Test
    void lockedMarksAndOtherTeachersColumnsAreRefusedByTheUpload() {
        Assignment tin = school.assignment("gv17", "TIN_HOC");
        Stored stored = school.stored("gv17", tin, 2);
        String first = stored.code(0);
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":2,\"classId\":" + tin.classId() + ",\"subjectId\":"
                + tin.subjectId() + ",\"reason\":\"Chốt điểm Tin học\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        long[] before = school.counts();

        Reply preview = school.preview("gv17", tin, 2, "tin.xlsx", workbook(new String[] {"Mã HS", "TX1", "TX3"},
                new Object[] {first, stored.value(first, "REGULAR", 1), 10}));
        assertThat(preview.body().path("counts").path("locked").asInt()).isEqualTo(1);
        assertThat(outcome(preview, first, "TX3").path("reason").asText()).contains("đã khoá").contains("Lê Văn Triển");
        Reply applied = school.apply("gv17", tin, 2, preview.body().path("id").asText());
        assertThat(applied.status()).isEqualTo(423);
        assertThat(school.counts()).containsExactly(before);

        Assignment history = school.assignment("gv12", "LS_DL");
        String student = school.stored("gv12", history, 2).code(0);
        Reply geography = school.preview("gv12", history, 2, "ls.xlsx", workbook(new String[] {"Mã HS", "TX1"},
                new Object[] {student, 1}));
        assertThat(outcome(geography, student, "TX1").path("outcome").asText()).isEqualTo("LOCKED");
        assertThat(outcome(geography, student, "TX1").path("reason").asText()).contains("cột 3–4");
        assertThat(school.preview("gv04", history, 2, "ls.xlsx", new byte[] {1}).status()).isEqualTo(403);
    }

    @Test
    void theTemplateListsTheClassWithStoredMarksGreysOtherColumnsAndReadsBackUnchanged() throws Exception {
        Assignment history = school.assignment("gv12", "LS_DL");
        Stored stored = school.stored("gv12", history, 1);
        var response = mvc.perform(MockMvcRequestBuilders.get(history.sheet(1) + ".xlsx")
                .header("Authorization", "Bearer " + token("gv12"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        byte[] file = response.getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(ExcelTemplates.HEADER_ROW);
            List<String> titles = new ArrayList<>();
            header.forEach(c -> titles.add(c.getStringCellValue()));
            assertThat(titles).startsWith("STT", "Mã HS", "Họ và tên", "TX1").endsWith("Giữa kì", "Cuối kì");
            assertThat(sheet.getLastRowNum() - ExcelTemplates.HEADER_ROW).isEqualTo(stored.students().size());
            Row firstRow = sheet.getRow(ExcelTemplates.HEADER_ROW + 1);
            String code = firstRow.getCell(1).getStringCellValue();
            assertThat(BigDecimal.valueOf(firstRow.getCell(titles.indexOf("TX3")).getNumericCellValue()))
                    .isEqualByComparingTo(stored.value(code, "REGULAR", 3));
            assertThat(firstRow.getCell(titles.indexOf("TX1")).getCellStyle().getLocked()).as("TX1 is gv10/gv11's").isTrue();
            assertThat(firstRow.getCell(titles.indexOf("TX3")).getCellStyle().getLocked()).isFalse();
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("Lịch sử").contains("Học kì 1");
        }
        Reply readBack = school.preview("gv12", history, 1, "mau.xlsx", file);
        assertThat(readBack.body().path("applicable").asBoolean()).as(readBack.toString()).isTrue();
        assertThat(readBack.body().path("counts").path("unchanged").asInt()).isEqualTo(stored.cells().size());
        Reply otherTerm = school.preview("gv12", history, 2, "mau.xlsx", file);
        assertThat(otherTerm.status()).isEqualTo(400);
        assertThat(otherTerm.detail()).contains("học kì I (dòng").contains("học kì II.").contains("không phải lớp");
    }

    @Test
    void theWholeClassWorkbookHasASheetPerSubjectForTheHomeroomTeacherOnly() throws Exception {
        long classId = api.get("gv07", "/api/me").body().path("homerooms").get(0).path("schoolClass").path("id").asLong();
        var response = mvc.perform(MockMvcRequestBuilders.get("/api/classes/" + classId + "/terms/1/gradebook.xlsx")
                .header("Authorization", "Bearer " + token("gv07"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        int subjects = jdbc.sql("select count(*) from grade_subject gs join school_class c on c.grade = gs.grade "
                + "and c.school_year_id = gs.school_year_id where c.id = ?").param(classId).query(Integer.class).single();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(subjects);
            assertThat(book.getSheet("TOAN")).isNotNull();
        }
        Assignment other = school.assignment("gv12", "LS_DL");
        Reply refused = api.get("gv12", "/api/classes/" + other.classId() + "/terms/1/gradebook.xlsx");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("giáo viên chủ nhiệm");
    }

    @Test
    void everyBadFileIsRefusedWithASpecificMessageAndWritesNothing() throws Exception {
        Assignment cn = school.assignment("gv16", "CONG_NGHE");
        String student = school.stored("gv16", cn, 2).code(0);
        byte[] good = workbook(new String[] {"Mã HS", "TX3"}, new Object[] {student, 8});
        Object[][] cases = {
            {new byte[0], "rỗng"},
            {"STT;Mã HS;TX1\n1;HS1;8\n".getBytes(), "không phải tệp Excel"},
            {Arrays.copyOf(good, good.length / 2), "bị hỏng"},
            {new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0}, ".xls"},
            {workbook(new String[] {"STT", "Họ và tên", "TX1"}, new Object[] {1, "A", 8}), "“Mã HS”"},
            {workbook(new String[] {"Mã HS", "Họ và tên", "Ghi chú"}, new Object[] {student, "A", "x"}), "không có cột điểm nào"},
            {workbook(new String[] {"Mã HS", "TX3", "Ghi chú", "TX 3"}, new Object[] {student, 8, "", 9}), "xuất hiện hai lần"},
            {workbook(new String[] {"Mã HS", "TX9"}, new Object[] {student, 8}), "TX1–TX8"},
            {new byte[6 * 1024 * 1024], "vượt giới hạn 5 MB"},
            {zipBomb(good), "zip bomb"},
        };
        long[] before = school.counts();
        for (Object[] c : cases) {
            Reply reply = school.preview("gv16", cn, 2, "bad.xlsx", (byte[]) c[0]);
            assertThat(reply.status()).as(c[1] + ": " + reply).isEqualTo(400);
            assertThat(reply.detail()).as(reply.toString()).contains((String) c[1]);
        }
        Reply noFile = api.send("gv16", MockMvcRequestBuilders.multipart(cn.sheet(2) + ".xlsx/preview"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.detail()).contains("\"file\"");
        assertThat(school.apply("gv16", cn, 2, "khong-co").status()).isEqualTo(404);
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void aWorkbookWithHugeExtraSheetsIsRefusedAtOnceNamingTheSheetAndTheServerKeepsServing() {
        Assignment cn = school.assignment("gv16", "CONG_NGHE");
        String student = school.stored("gv16", cn, 2).code(0);
        byte[] huge = HostileWorkbooks.withExtraSheets(workbook(new String[] {"Mã HS", "TX3"}, new Object[] {student, 8}), 3, 48);
        assertThat(huge.length).as("below the 5 MB upload limit, so only the content can refuse it").isLessThan(5 * 1024 * 1024);
        long[] before = school.counts();

        long started = System.nanoTime();
        Reply refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> school.preview("gv16", cn, 2, "huge.xlsx", huge));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("Ghi chú 1").contains("MB").contains("giới hạn");
        assertThat(millis).as("refused from the zip directory, before any sheet is read").isLessThan(5_000);
        assertThat(school.counts()).containsExactly(before);
        assertThat(api.get("gv16", "/api/me").status()).isEqualTo(200);
    }

    @Test
    void aSharedStringsPartOfAMillionStringsIsRefusedNamingTheLimit() {
        Assignment cn = school.assignment("gv16", "CONG_NGHE");
        String student = school.stored("gv16", cn, 2).code(0);
        byte[] strings = HostileWorkbooks.withSharedStrings(workbook(new String[] {"Mã HS", "TX3"}, new Object[] {student, 8}),
                1_000_000);
        Reply refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> school.preview("gv16", cn, 2, "strings.xlsx", strings));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("chuỗi").contains("giới hạn");
    }

    @Test
    void aNaNStoredInACellIsRefusedNamingTheCell() {
        Assignment cn = school.assignment("gv16", "CONG_NGHE");
        String student = school.stored("gv16", cn, 2).code(0);
        byte[] nan = HostileWorkbooks.withStoredValue(workbook(new String[] {"Mã HS", "TX3"}, new Object[] {student, 4.25}), "4.25",
                "NaN");
        long[] before = school.counts();
        Reply refused = school.preview("gv16", cn, 2, "nan.xlsx", nan);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("B6").contains("NaN").doesNotContain("Exception");
        assertThat(school.counts()).containsExactly(before);
    }

    /** {@code xlsx} with its sheet padded by 30 MB of spaces, which deflate ~1000:1. */
    private static byte[] zipBomb(byte[] xlsx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                if (e.getName().startsWith("xl/worksheets/")) {
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 30; i++) {
                        zip.write(spaces);
                    }
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static JsonNode outcome(Reply preview, String code, String column) {
        for (JsonNode c : preview.body().path("cells")) {
            if (c.path("studentCode").asText().equals(code) && c.path("column").asText().equals(column)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + code + " " + column + " in " + preview);
    }

    private String token(String user) {
        return api.post(null, "/api/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}")
                .body().path("token").asText();
    }
}
