package vn.hocba.gradebook.excel;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.GradebookFixture;
/**
 * The whole-class workbook downloaded by a homeroom teacher, filled in and uploaded back: previewed
 * sheet by sheet, checked against the uploader's assignments, applied all or nothing (PostgreSQL).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeClassUploadOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "whole_class_upload");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    GradebookFixture fixture;
    long classId;
    String path;

    @BeforeAll
    void homeroomClass() {
        api = new ApiClient(mvc);
        fixture = new GradebookFixture(api, jdbc);
        classId = api.get("gv07", "/api/me").body().path("homerooms").get(0).path("schoolClass").path("id").asLong();
        path = "/api/classes/" + classId + "/terms/2/gradebook.xlsx";
    }

    @Test
    void aChangeInATaughtSubjectOfAWorkbookWithShuffledRowsIsPreviewedForTheRightStudentAndApplied() throws Exception {
        XSSFWorkbook book = download();
        Sheet hdtn = book.getSheet("HDTN_HN");
        String first = text(hdtn, 5, column(hdtn, "Mã HS"));
        String stored = text(hdtn, 5, column(hdtn, "TX1"));
        String changed = stored.equals("Đ") ? "CĐ" : "Đ";
        hdtn.getRow(5).getCell(column(hdtn, "TX1")).setCellValue(changed);
        swapRows(hdtn, 5, 9);
        swapRows(book.getSheet("TOAN"), 6, 8);
        JsonNode preview = preview("gv07", book);
        assertThat(preview.path("applicable").asBoolean()).as(preview.toString()).isTrue();
        List<JsonNode> moved = changedCells(preview);
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).path("studentCode").asText()).isEqualTo(first);
        assertThat(moved.get(0).path("newValue").asText()).isEqualTo(changed);
        Reply applied = api.post("gv07", path + "/apply", ids(preview));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.body().path("changed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select m.level from mark m join student s on s.id = m.student_id join subject j on j.id = m.subject_id "
                + "where m.class_id = ? and j.code = 'HDTN_HN' and s.code = ? and m.term = 2 and m.kind = 'REGULAR' "
                + "and m.column_no = 1").params(classId, first).query(String.class).single()).isEqualTo(changed);
    }

    @Test
    void aChangeInASubjectTheUploaderDoesNotTeachIsRefusedWithTheReasonAndNothingIsSaved() throws Exception {
        XSSFWorkbook book = download();
        Sheet toan = book.getSheet("TOAN");
        toan.getRow(5).getCell(column(toan, "TX3"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(9);
        long[] before = fixture.counts();
        JsonNode preview = preview("gv07", book);
        assertThat(preview.path("applicable").asBoolean()).isFalse();
        JsonNode sheet = sheet(preview, "TOAN");
        assertThat(sheet.path("taught").asBoolean()).isFalse();
        assertThat(sheet.path("preview").path("counts").path("locked").asInt()).isEqualTo(1);
        assertThat(changedOrRefused(sheet).get(0).path("reason").asText())
                .contains("không được phân công dạy môn Toán ở lớp 7A1", "cột TX3");
        Reply refused = api.post("gv07", path + "/apply", ids(preview));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("Trang tính “TOAN”", "Không điểm nào được lưu");
        assertThat(fixture.counts()).isEqualTo(before);
    }

    @Test
    void aWorkbookWithASubjectsSheetMissingIsRefusedWhole() throws Exception {
        XSSFWorkbook book = download();
        Sheet hdtn = book.getSheet("HDTN_HN");
        String stored = text(hdtn, 6, column(hdtn, "TX1"));
        hdtn.getRow(6).getCell(column(hdtn, "TX1")).setCellValue(stored.equals("Đ") ? "CĐ" : "Đ");
        book.removeSheetAt(book.getSheetIndex("NGU_VAN"));
        long[] before = fixture.counts();
        JsonNode preview = preview("gv07", book);
        assertThat(preview.path("applicable").asBoolean()).isFalse();
        assertThat(preview.path("problems").toString()).contains("Thiếu trang tính “NGU_VAN” của môn Ngữ văn");
        Reply refused = api.post("gv07", path + "/apply", ids(preview));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("Thiếu mã bản xem trước của môn NGU_VAN");
        assertThat(fixture.counts()).isEqualTo(before);
    }

    private XSSFWorkbook download() throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(api.download("gv07", path)));
    }

    private JsonNode preview(String user, XSSFWorkbook book) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        Reply reply = api.send(user, MockMvcRequestBuilders.multipart(path + "/preview").file(new MockMultipartFile("file",
                "7A1-HK2.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray())));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private static String ids(JsonNode preview) throws Exception {
        Map<String, String> ids = new HashMap<>();
        preview.path("sheets").forEach(s -> ids.put(s.path("subjectCode").asText(), s.path("preview").path("id").asText()));
        return new ObjectMapper().writeValueAsString(Map.of("previewIds", ids));
    }

    private static JsonNode sheet(JsonNode preview, String code) {
        for (JsonNode s : preview.path("sheets")) {
            if (s.path("subjectCode").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + code);
    }

    private static List<JsonNode> changedCells(JsonNode preview) {
        List<JsonNode> cells = new ArrayList<>();
        preview.path("sheets").forEach(s -> cells.addAll(changedOrRefused(s)));
        return cells;
    }

    private static List<JsonNode> changedOrRefused(JsonNode sheet) {
        List<JsonNode> cells = new ArrayList<>();
        sheet.path("preview").path("cells").forEach(c -> {
            if (!c.path("outcome").asText().equals("UNCHANGED")) {
                cells.add(c);
            }
        });
        return cells;
    }

    private static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(ExcelTemplates.HEADER_ROW)) {
            if (SheetReading.text(cell).equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    private static String text(Sheet sheet, int row, int column) {
        return SheetReading.text(sheet.getRow(row).getCell(column));
    }

    /** Swaps the contents of two student rows, as a teacher sorting the list differently would. */
    private static void swapRows(Sheet sheet, int a, int b) {
        Row first = sheet.getRow(a);
        Row second = sheet.getRow(b);
        int last = Math.max(first.getLastCellNum(), second.getLastCellNum());
        for (int c = 0; c < last; c++) {
            Cell x = first.getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            Cell y = second.getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            Object vx = value(x);
            Object vy = value(y);
            set(x, vy);
            set(y, vx);
        }
    }

    private static Object value(Cell cell) {
        return switch (cell.getCellType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof String s) {
            cell.setCellValue(s);
        } else {
            cell.setBlank();
        }
    }
}
