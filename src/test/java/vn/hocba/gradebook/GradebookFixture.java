package vn.hocba.gradebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;

/** The demo school as the Excel and import tests see it: assignments, stored sheets, counts, workbooks built with POI. */
public final class GradebookFixture {

    public record Assignment(long classId, long subjectId, String subjectCode) {

        public String sheet(int term) {
            return "/api/classes/" + classId + "/subjects/" + subjectId + "/terms/" + term + "/marks";
        }
    }

    /** A stored sheet: code → student id, and "code/KIND/column" → stored cell. */
    public record Stored(Map<String, Long> ids, Map<String, JsonNode> cells, JsonNode students) {

        public String value(String code, String kind, int column) {
            JsonNode cell = cells.get(code + "/" + kind + "/" + column);
            return cell == null ? null : cell.path("value").asText();
        }

        public String code(int index) {
            return students.get(index).path("code").asText();
        }
    }

    private final ApiClient api;
    private final JdbcClient jdbc;

    public GradebookFixture(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public Assignment assignment(String user, String subject) {
        for (JsonNode t : api.get(user, "/api/me").body().path("teaching")) {
            if (t.path("subject").path("code").asText().equals(subject)) {
                return new Assignment(t.path("schoolClass").path("id").asLong(), t.path("subject").path("id").asLong(), subject);
            }
        }
        throw new IllegalStateException(user + " teaches no " + subject);
    }

    public Stored stored(String user, Assignment a, int term) {
        JsonNode sheet = api.get(user, a.sheet(term)).body();
        Map<Long, String> codes = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode s : sheet.path("students")) {
            codes.put(s.path("id").asLong(), s.path("code").asText());
            ids.put(s.path("code").asText(), s.path("id").asLong());
        }
        Map<String, JsonNode> cells = new HashMap<>();
        for (JsonNode c : sheet.path("cells")) {
            cells.put(codes.get(c.path("studentId").asLong()) + "/" + c.path("kind").asText() + "/" + c.path("column").asInt(), c);
        }
        return new Stored(ids, cells, sheet.path("students"));
    }

    public Reply preview(String user, Assignment a, int term, String filename, byte[] file) {
        return api.send(user, MockMvcRequestBuilders.multipart(a.sheet(term) + ".xlsx/preview")
                .file(new MockMultipartFile("file", filename, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file)));
    }

    public Reply apply(String user, Assignment a, int term, String previewId) {
        return api.post(user, a.sheet(term) + ".xlsx/apply", "{\"previewId\":\"" + previewId + "\"}");
    }

    /** Marks and audit entries in the whole database: a refused request must leave both as they were. */
    public long[] counts() {
        return new long[] {jdbc.sql("select count(*) from mark").query(Long.class).single(),
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single()};
    }

    /** A one-sheet workbook: header row 5 (after title rows, like the template), then {@code rows}; "=…" is a formula. */
    public static byte[] workbook(String[] headers, Object[]... rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Điểm");
            sheet.createRow(0).createCell(0).setCellValue("Bảng điểm do giáo viên tự làm");
            fill(sheet.createRow(4), headers);
            for (int i = 0; i < rows.length; i++) {
                fill(sheet.createRow(5 + i), rows[i]);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v instanceof String s && s.startsWith("=")) {
                row.createCell(i).setCellFormula(s.substring(1));
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }
}
