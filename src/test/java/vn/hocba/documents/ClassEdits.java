package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;

/** Changes to a demo class as users make them: a Toán mark entered again, a correction through its steps, comments. */
final class ClassEdits {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final Corrections corrections;
    private final SchoolClass schoolClass;

    ClassEdits(ApiClient api, JdbcClient jdbc, SchoolDirectory directory, Corrections corrections, SchoolClass schoolClass) {
        this.api = api;
        this.jdbc = jdbc;
        this.directory = directory;
        this.corrections = corrections;
        this.schoolClass = schoolClass;
    }

    void changeToanFinalMarkOf(long student) {
        long subject = toan();
        var cell = jdbc.sql("select score, version from mark where class_id = ? and subject_id = ? and student_id = ? "
                + "and term = 2 and kind = 'FINAL'").params(schoolClass.id().value(), subject, student)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getInt(2)}).single();
        String changed = ((BigDecimal) cell[0]).compareTo(new BigDecimal("5")) > 0 ? "2.0" : "9.5";
        Reply saved = api.send("gv04", MockMvcRequestBuilders.put("/api/classes/" + schoolClass.id().value() + "/subjects/"
                + subject + "/terms/2/marks").contentType(MediaType.APPLICATION_JSON).content("{\"changes\":[{\"studentId\":"
                + student + ",\"kind\":\"FINAL\",\"column\":1,\"value\":\"" + changed + "\",\"version\":" + cell[1] + "}]}"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    void applyToanCorrection(long student) {
        long subject = toan();
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":1,\"classId\":" + schoolClass.id().value()
                + ",\"subjectId\":" + subject + ",\"reason\":\"Chốt điểm Toán học kì I\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        BigDecimal old = jdbc.sql("select score from mark where class_id = ? and subject_id = ? and student_id = ? "
                + "and term = 1 and kind = 'REGULAR' and column_no = 1").params(schoolClass.id().value(), subject, student)
                .query(BigDecimal.class).single();
        String value = old.compareTo(BigDecimal.TEN) < 0 ? "10" : "9";
        var filed = corrections.request(new Corrections.Request(schoolClass.id().value(), subject, student, 1,
                MarkKind.REGULAR, 1, value, "Nhập nhầm điểm kiểm tra miệng", null, null),
                new Actor("gv04", "SUBJECT_TEACHER", null));
        long id = filed.request().id();
        corrections.confirm(id, new Actor("gv01", "HOMEROOM_TEACHER", null));
        corrections.approve(id, null, new Actor("hieutruong", "PRINCIPAL", null));
        corrections.apply(id, new Actor("hieutruong", "PRINCIPAL", null));
    }

    /** {@code user} writes {@code text} on the student at {@code path} below the class (a comments sheet), as a first comment. */
    void comment(String user, String path, long student, String text) {
        String body = "{\"changes\":[{\"studentId\":" + student + ",\"text\":\"" + text + "\",\"version\":null}]}";
        Reply saved = api.send(user, MockMvcRequestBuilders.put("/api/classes/" + schoolClass.id().value() + path)
                .contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    long toan() {
        return directory.gradeSubjects(schoolClass.yearId(), 6).stream()
                .filter(gs -> gs.subject().code().equals("TOAN")).findFirst().orElseThrow().subject().id().value();
    }
}
