package vn.hocba.gradebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.schoolyear.SchoolClass;

/**
 * The stored term results of one subject (ĐTBmhk, or Đ/CĐ) per student, read from the subject's
 * part of the class results that every save recomputes before it commits: what the grid shows next
 * to each student, never computed a second time in the page.
 */
@Service
@Transactional(readOnly = true)
public class SubjectStandings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    public SubjectStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Student code → the stored result of {@code subjectCode} in {@code term} ("7,6", "Đ"); absent when none. */
    public Map<String, String> of(SchoolClass schoolClass, String subjectCode, int term) {
        Map<String, String> standings = new HashMap<>();
        jdbc.sql("select results from class_results_subject where class_id = ? and subject = ?")
                .params(schoolClass.id().value(), subjectCode).query(String.class).optional()
                .ifPresent(part -> read(part, "HK" + term, standings));
        return standings;
    }

    private static void read(String part, String period, Map<String, String> standings) {
        try {
            for (JsonNode student : JSON.readTree(part).path("students")) {
                JsonNode value = student.path(period);
                if (!value.isMissingNode() && !value.isNull()) {
                    standings.put(student.path("code").asText(), MarkGrid.result(value.asText()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Stored subject results cannot be read: " + e.getMessage(), e);
        }
    }
}
