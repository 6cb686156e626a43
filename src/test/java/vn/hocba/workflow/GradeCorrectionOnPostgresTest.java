package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;

/** The grade-correction BPMN process, executed by the engine on real PostgreSQL, driven through the API. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeCorrectionOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "grade_correction");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    ManagementService management;

    ApiClient api;
    long classId;
    long subjectId;
    String homeroom;
    List<Long> students;

    /** Several Spring contexts (each with an engine) live in one test JVM: assert against this class's engine. */
    @org.junit.jupiter.api.BeforeEach
    void assertionsUseThisContextsEngine() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @BeforeAll
    void lockedToanMarksOfAClass() {
        api = new ApiClient(mvc);
        JsonNode toan = null;
        for (JsonNode t : api.get("gv04", "/api/me").body().path("teaching")) {
            if (t.path("subject").path("code").asText().equals("TOAN")) {
                toan = t;
                break;
            }
        }
        classId = toan.path("schoolClass").path("id").asLong();
        subjectId = toan.path("subject").path("id").asLong();
        homeroom = api.get("hieutruong", "/api/classes/" + classId).body().path("homeroomTeacher").path("code").asText()
                .toLowerCase();
        students = new java.util.ArrayList<>();
        api.get("hieutruong", "/api/classes/" + classId + "/students").body()
                .forEach(s -> students.add(s.path("student").path("id").asLong()));
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":1,\"classId\":" + classId + ",\"reason\":\"Khoá sổ HK I\"}");
        assertThat(lock.status()).isEqualTo(201);
    }

    @Test
    void requestConfirmApproveChangesExactlyThatOneMarkAndKeepsTheLock() {
        long student = students.get(0);
        Map<String, String> before = marksOfClass();
        Reply filed = request(student, "9");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.body().path("request").path("id").asLong();
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt(GradeCorrectionModel.TASK_HOMEROOM_CONFIRM).task().isAssignedTo(homeroom);

        assertThat(api.post("gv05", "/api/corrections/" + id + "/confirm", "{}").status()).isEqualTo(403);
        assertThat(api.post(homeroom, "/api/corrections/" + id + "/confirm", "{}").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(GradeCorrectionModel.TASK_PRINCIPAL_APPROVE);
        assertThat(api.post(homeroom, "/api/corrections/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(api.post("hieutruong", "/api/corrections/" + id + "/approve", "{}").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(GradeCorrectionModel.TASK_APPLY);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(GradeCorrectionModel.END_APPLIED);
        Map<String, String> after = marksOfClass();
        String cell = student + "/REGULAR/1";
        assertThat(after.get(cell)).isEqualTo("9.0");
        assertThat(changedCells(before, after)).containsExactly(cell);
        assertThat(api.get("gv04", "/api/corrections/" + id).body().path("status").asText()).isEqualTo("APPLIED");
        assertThat(jdbc.sql("select count(*) from audit_entry where related_request = ?").param("correction " + id)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(api.post("gv04", "/api/locks", "{}").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from gradebook_lock where class_id = ? and unlocked_at is null").param(classId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHomeroomTeacherReturnsARequestAndNothingChanges() {
        long student = students.get(1);
        Map<String, String> before = marksOfClass();
        long id = request(student, "3").body().path("request").path("id").asLong();
        ProcessInstance instance = instance(id);
        assertThat(api.post(homeroom, "/api/corrections/" + id + "/return", "{\"reason\":\"Sai học sinh\"}").status())
                .isEqualTo(200);
        assertThat(instance).isEnded().hasPassed(GradeCorrectionModel.END_RETURNED);
        assertThat(changedCells(before, marksOfClass())).isEmpty();
    }

    @Test
    void thePrincipalRejectsWithAReasonAndNothingChanges() {
        long student = students.get(2);
        Map<String, String> before = marksOfClass();
        long id = request(student, "4").body().path("request").path("id").asLong();
        ProcessInstance instance = instance(id);
        api.post(homeroom, "/api/corrections/" + id + "/confirm", "{}");
        assertThat(api.post("hieutruong", "/api/corrections/" + id + "/reject", "{}").status()).isEqualTo(400);
        assertThat(api.post("hieutruong", "/api/corrections/" + id + "/reject", "{\"reason\":\"Không có minh chứng\"}").status())
                .isEqualTo(200);
        assertThat(instance).isEnded().hasPassed(GradeCorrectionModel.END_REJECTED);
        assertThat(changedCells(before, marksOfClass())).isEmpty();
    }

    @Test
    void aLateRequestIsApprovedOnlyWithThePrincipalsOverrideReason() {
        long year = jdbc.sql("select school_year_id from school_class where id = ?").param(classId).query(Long.class).single();
        jdbc.sql("insert into assessment_date (school_year_id, term, kind, test_date) values (?, 1, 'MIDTERM', date '2025-10-27')")
                .param(year).update();
        jdbc.sql("insert into assessment_date (school_year_id, term, kind, test_date) values (?, 1, 'FINAL', date '2025-12-22')")
                .param(year).update();
        Reply filed = request(students.get(3), "2");
        assertThat(filed.body().path("warning").asText()).contains("sau hạn sửa điểm 08/12/2025");
        long id = filed.body().path("request").path("id").asLong();
        api.post(homeroom, "/api/corrections/" + id + "/confirm", "{}");
        Reply refused = api.post("hieutruong", "/api/corrections/" + id + "/approve", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("gửi sau hạn 08/12/2025", "lí do cho phép sửa quá hạn");
        assertThat(api.post("hieutruong", "/api/corrections/" + id + "/approve",
                "{\"reason\":\"Có bài kiểm tra và xác nhận của giám khảo\"}").status()).isEqualTo(200);
        jdbc.sql("delete from assessment_date where school_year_id = ?").param(year).update();
    }

    @Test
    void anUnlockedMarkNeedsNoCorrectionRequest() {
        long otherClass = jdbc.sql("select c.id from school_class c join teaching_assignment t on t.class_id = c.id "
                + "join staff s on s.id = t.staff_id where s.code = 'GV04' and c.id <> ? and t.subject_id = ? order by c.id limit 1")
                .params(classId, subjectId).query(Long.class).single();
        long student = api.get("hieutruong", "/api/classes/" + otherClass + "/students").body().get(0).path("student")
                .path("id").asLong();
        Reply reply = api.post("gv04", "/api/corrections", body(otherClass, student, "8"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).contains("chưa bị khoá");
    }

    @Test
    void aFinalMarkWithoutColumnIsItsOneColumnAndErrorsNameTheMarkInVietnamese() {
        long student = students.get(students.size() - 1);
        String withoutColumn = "{\"classId\":" + classId + ",\"subjectId\":" + subjectId + ",\"studentId\":" + student
                + ",\"term\":1,\"kind\":\"FINAL\",\"newValue\":\"mười\",\"reason\":\"Nhập nhầm\"}";
        Reply reply = api.post("gv04", "/api/corrections", withoutColumn);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).startsWith("Điểm cuối kì học kì I môn Toán").doesNotContain("mark ", "cột 0");

        Reply third = api.post("gv04", "/api/corrections", withoutColumn.replace("\"kind\"", "\"column\":3,\"kind\""));
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.detail()).startsWith("Điểm cuối kì học kì I môn Toán")
                .contains("cột 3 không có (điểm định kì chỉ có một cột)").doesNotContain("mark ");
    }

    /** Attack 28: a request is refused, like mark entry, for a student the class does not have. */
    @Test
    void aStudentOfAnotherClassHasNoMarkHereToCorrect() {
        long stranger = jdbc.sql("select student_id from enrolment where class_id <> ? order by student_id limit 1")
                .param(classId).query(Long.class).single();
        Reply reply = api.post("gv04", "/api/corrections", body(classId, stranger, "8"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.detail()).contains("Học sinh mã số " + stranger + " không có tên trong lớp");
        assertThat(jdbc.sql("select count(*) from correction_request where student_id = ?").param(stranger)
                .query(Long.class).single()).isZero();
    }

    /**
     * Attack 28: co-teachers share a subject by columns (history 1–2, geography 3–4); a request for a regular
     * column is the business of the teacher whose range holds it, as in mark entry. Mid-term and end-of-term
     * marks have no range.
     */
    @Test
    void aCoTeacherRequestsCorrectionsOnlyOfTheColumnsAssignedToThem() {
        long lsdl = jdbc.sql("select id from subject where code = 'LS_DL'").query(Long.class).single();
        String history = teacherOfColumn(lsdl, 1);
        String geography = teacherOfColumn(lsdl, 3);
        long student = students.get(4);
        Reply refused = api.post(history, "/api/corrections", lsdlBody(lsdl, student, "REGULAR", 3));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.detail()).contains("cột 3").contains("cột 1–2");
        assertThat(api.post(geography, "/api/corrections", lsdlBody(lsdl, student, "REGULAR", 1)).status()).isEqualTo(403);

        Reply own = api.post(geography, "/api/corrections", lsdlBody(lsdl, student, "REGULAR", 3));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        Reply midterm = api.post(history, "/api/corrections", lsdlBody(lsdl, student, "MIDTERM", 1));
        assertThat(midterm.status()).as(midterm.toString()).isEqualTo(201);
    }

    private String teacherOfColumn(long subject, int column) {
        return jdbc.sql("select lower(s.code) from teaching_assignment t join staff s on s.id = t.staff_id where t.class_id = ? "
                + "and t.subject_id = ? and t.first_column <= ? and t.last_column >= ?")
                .params(classId, subject, column, column).query(String.class).single();
    }

    private String lsdlBody(long subject, long student, String kind, int column) {
        return "{\"classId\":" + classId + ",\"subjectId\":" + subject + ",\"studentId\":" + student + ",\"term\":1,\"kind\":\""
                + kind + "\",\"column\":" + column + ",\"newValue\":\"" + (kind.equals("REGULAR") ? "2" : "2.5") + "\",\"reason\":\"Nhập nhầm so với sổ điểm cá nhân\"}";
    }

    private Reply request(long student, String value) {
        return api.post("gv04", "/api/corrections", body(classId, student, value));
    }

    private String body(long schoolClass, long student, String value) {
        return "{\"classId\":" + schoolClass + ",\"subjectId\":" + subjectId + ",\"studentId\":" + student
                + ",\"term\":1,\"kind\":\"REGULAR\",\"column\":1,\"newValue\":\"" + value
                + "\",\"reason\":\"Nhập nhầm so với sổ điểm cá nhân\",\"evidenceName\":\"so-diem.jpg\"}";
    }

    /** The running instance of a correction (asserting on it later also works once it has ended). */
    private ProcessInstance instance(long correctionId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(GradeCorrectionModel.businessKey(correctionId)).singleResult();
    }

    /** Every job of the instance, including those the executed ones create (apply, then the signed-documents check). */
    private void runJobs(ProcessInstance instance) {
        for (List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list(); !jobs.isEmpty();
                jobs = management.createJobQuery().processInstanceId(instance.getId()).list()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static java.util.Set<String> changedCells(Map<String, String> before, Map<String, String> after) {
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> java.util.Objects.equals(before.get(k), after.get(k)));
        return keys;
    }

    private Map<String, String> marksOfClass() {
        Map<String, String> marks = new java.util.HashMap<>();
        jdbc.sql("select student_id, subject_id, term, kind, column_no, score, level from mark where class_id = ?")
                .param(classId).query((rs, n) -> {
                    String key = rs.getLong(1) + (rs.getLong(2) == subjectId && rs.getInt(3) == 1 ? "" : "/" + rs.getLong(2)
                            + "/HK" + rs.getInt(3)) + "/" + rs.getString(4) + "/" + rs.getInt(5);
                    marks.put(key, rs.getBigDecimal(6) != null ? rs.getBigDecimal(6).toPlainString() : rs.getString(7));
                    return null;
                }).list();
        return marks;
    }
}
