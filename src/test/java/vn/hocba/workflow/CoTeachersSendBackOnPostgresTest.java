package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;

/**
 * Session 30: the co-teachers of one subject and the homeroom teacher's "Trả lại". In the demo school every class's
 * Lịch sử và Địa lí has two teachers (history gv10 or gv11, columns 1–2; geography gv12, columns 3–4), each of whom
 * signs their own part. A send-back reopens both sign-offs; both must find the returned subject with the reason in
 * Việc cần làm and sign again, and the homeroom check counts the subject as signed only when both have.
 */
class CoTeachersSendBackOnPostgresTest extends TermCloseOnPostgres {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "co_teachers");
    }

    @Test
    void bothCoTeachersGetTheReturnedSubjectAndTheCheckWaitsUntilBothSignAgain() {
        long classId = classId("6A1");
        String homeroom = homeroomOf(classId);
        ProcessInstance instance = start(classId);
        List<Teaching> teaching = teachingOf(classId);
        teaching.forEach(t -> assertThat(signSubject(classId, t).status()).as(t.toString()).isEqualTo(200));
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_CHECK);
        List<Teaching> lsdl = teaching.stream().filter(t -> t.subjectCode().equals("LS_DL")).toList();
        assertThat(lsdl).extracting(Teaching::user).as("the demo's co-teachers of 6A1").containsExactlyInAnyOrder("gv10", "gv12");
        Teaching history = lsdl.stream().filter(t -> t.user().equals("gv10")).findFirst().orElseThrow();
        Teaching geography = lsdl.stream().filter(t -> t.user().equals("gv12")).findFirst().orElseThrow();

        String why = "Cột 3 của học sinh số 5 chưa khớp với bài kiểm tra Địa lí";
        assertThat(sendBack(classId, homeroom, history.subjectId(), why).status()).isEqualTo(200);
        for (Teaching t : lsdl) {
            JsonNode task = task(t.user(), classId, TermCloseModel.TASK_SUBJECT_REWORK);
            assertThat(task.path("action").asText()).as(t.user()).isEqualTo("GVBM sửa và ký lại môn bị trả");
            assertThat(task.path("subjectCode").asText()).isEqualTo("LS_DL");
            assertThat(task.path("returned").asText()).as(t.user()).startsWith("GVCN ").endsWith("Lí do: " + why);
            assertThat(api.page(t.user(), "/viec-can-lam")).as(t.user()).contains(why).contains("Lịch sử và Địa lí");
        }
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_SUBJECT_SIGN_OFF);

        assertThat(signSubject(classId, history).status()).isEqualTo(200);
        assertThat(tasks(history.user(), classId)).as("signed again: nothing left for gv10").isEmpty();
        assertThat(task(geography.user(), classId, TermCloseModel.TASK_SUBJECT_REWORK).path("returned").asText()).endsWith(why);
        assertThat(instance).as("the class waits for gv12").isWaitingAt(TermCloseModel.TASK_SUBJECT_SIGN_OFF);
        Reply refused = api.post(homeroom, path(classId) + "/homeroom-check", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("Lịch sử và Địa lí (còn chờ " + fullName("gv12") + " (gv12) ký)")
                .doesNotContain("gv10");
        assertThat(api.page(homeroom, "/lop/" + classId + "/kiem-tra/hoc-ki/1"))
                .contains("Đã ký: " + fullName("gv10") + " (gv10) · còn chờ ký: " + fullName("gv12") + " (gv12)");
        assertThat(api.page(homeroom, "/lop/" + classId + "/chu-nhiem?hocKi=1"))
                .contains("Đã ký xác nhận: " + fullName("gv10") + " (gv10) · còn chờ ký: " + fullName("gv12") + " (gv12)");
        assertThat(api.page("hieutruong", "/truong")).as("the school dashboard counts subjects signed by all their teachers")
                .contains("GVBM ký đủ 11/12 môn");

        assertThat(signSubject(classId, geography).status()).isEqualTo(200);
        assertThat(tasks(geography.user(), classId)).isEmpty();
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_CHECK).task().isAssignedTo(homeroom);
        assertThat(api.post(homeroom, path(classId) + "/homeroom-check", "{}").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_SIGN_OFF);
        assertThat(api.page(homeroom, "/lop/" + classId + "/kiem-tra/hoc-ki/1"))
                .contains("Đã ký: " + fullName("gv10") + " (gv10), " + fullName("gv12") + " (gv12)");
    }

    /**
     * A term close started on the model version before session 30 (one rework task, to the subject's first teacher)
     * still completes: the other co-teacher has the returned subject in Việc cần làm and signs their part as a record,
     * and the homeroom check is refused, naming them, until they have.
     */
    @Test
    void aTermCloseOnTheEarlierVersionWaitsForTheCoTeacherWithoutTheReworkTaskAndCompletes() {
        long classId = classId("8A2");
        String homeroom = homeroomOf(classId);
        var repository = engine.getRepositoryService();
        String earlier = repository.createDeployment().name("term-close, one rework task")
                .addClasspathResource("legacy-processes/term-close-one-rework-task.bpmn").deployWithResult()
                .getDeployedProcessDefinitions().get(0).getId();
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceById(earlier, TermCloseModel.businessKey(classId, 1),
                    Map.of(TermCloseModel.CLASS_ID, classId, TermCloseModel.TERM, 1));
        } finally {
            repository.createDeployment().name("term-close").addClasspathResource("processes/term-close.bpmn").deploy();
        }
        runJobs(instance);
        List<Teaching> teaching = teachingOf(classId);
        teaching.forEach(t -> assertThat(signSubject(classId, t).status()).as(t.toString()).isEqualTo(200));
        List<Teaching> lsdl = teaching.stream().filter(t -> t.subjectCode().equals("LS_DL")).toList();
        assertThat(lsdl).hasSize(2);
        assertThat(sendBack(classId, homeroom, lsdl.get(0).subjectId(), "Xem lại cột 1–4").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_SUBJECT_REWORK);
        String withTask = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getAssignee();
        Teaching first = lsdl.stream().filter(t -> t.user().equals(withTask)).findFirst().orElseThrow();
        Teaching other = lsdl.stream().filter(t -> !t.user().equals(withTask)).findFirst().orElseThrow();
        for (Teaching t : lsdl) {
            assertThat(task(t.user(), classId, TermCloseModel.TASK_SUBJECT_REWORK).path("returned").asText())
                    .as(t.user()).endsWith("Lí do: Xem lại cột 1–4");
        }
        assertThat(tasks(first.user(), classId)).as("the engine's own task, shown once").hasSize(1);

        assertThat(signSubject(classId, first).status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_CHECK);
        Reply refused = api.post(homeroom, path(classId) + "/homeroom-check", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("Lịch sử và Địa lí (còn chờ " + fullName(other.user()) + " (" + other.user() + ") ký)");

        assertThat(signSubject(classId, other).status()).isEqualTo(200);
        assertThat(tasks(other.user(), classId)).isEmpty();
        assertThat(signSubject(classId, other).status()).as("signed already").isEqualTo(409);
        assertThat(api.post(homeroom, path(classId) + "/homeroom-check", "{}").status()).isEqualTo(200);
        assertThat(api.post(homeroom, path(classId) + "/sign-off", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", path(classId) + "/approval", "{}").status()).isEqualTo(200);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(TermCloseModel.END_LOCKED);
    }

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    vn.hocba.schoolyear.AssignmentSetup assignments;

    /**
     * A teacher with two column ranges of one subject (Nghệ thuật columns 1 and 2) has one sign-off to do and signs
     * once. A co-teacher assigned after the class moved on to the homeroom check is one more teacher to wait for: the
     * check is refused naming them, they find the sign-off in Việc cần làm, sign it, and the check goes through.
     */
    @Test
    void aTeacherOfTwoColumnRangesSignsOnceAndACoTeacherAssignedLaterIsAwaited() {
        long classId = classId("7A1");
        String homeroom = homeroomOf(classId);
        long art = jdbc.sql("select id from subject where code = 'NGHE_THUAT'").query(Long.class).single();
        assignments.removeTeaching(assignmentOf(classId, art, "GV21"));
        assignments.assignTeaching(new vn.hocba.schoolyear.ClassId(classId), new vn.hocba.schoolyear.SubjectId(art),
                new vn.hocba.schoolyear.StaffId(staffId("GV20")), new vn.hocba.schoolyear.ColumnRange(2, 2));
        ProcessInstance instance = start(classId);
        assertThat(tasks("gv20", classId)).as("one subject, one sign-off").hasSize(1);
        List<Teaching> teaching = teachingOf(classId).stream().distinct().toList();
        assertThat(teaching).filteredOn(t -> t.user().equals("gv20")).hasSize(1);
        teaching.forEach(t -> assertThat(signSubject(classId, t).status()).as(t.toString()).isEqualTo(200));
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_CHECK);

        assignments.removeTeaching(jdbc.sql("select id from teaching_assignment where class_id = ? and subject_id = ? "
                + "and staff_id = ? and first_column = 2").params(classId, art, staffId("GV20")).query(Long.class).single());
        assignments.assignTeaching(new vn.hocba.schoolyear.ClassId(classId), new vn.hocba.schoolyear.SubjectId(art),
                new vn.hocba.schoolyear.StaffId(staffId("GV21")), new vn.hocba.schoolyear.ColumnRange(2, 2));
        Reply refused = api.post(homeroom, path(classId) + "/homeroom-check", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("Nghệ thuật (còn chờ " + fullName("gv21") + " (gv21) ký)");
        assertThat(task("gv21", classId, TermCloseModel.TASK_SUBJECT_SIGN_OFF).path("subjectCode").asText()).isEqualTo("NGHE_THUAT");
        assertThat(signSubject(classId, new Teaching("gv21", art, "NGHE_THUAT")).status()).isEqualTo(200);
        assertThat(tasks("gv21", classId)).isEmpty();
        assertThat(api.post(homeroom, path(classId) + "/homeroom-check", "{}").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(TermCloseModel.TASK_HOMEROOM_SIGN_OFF);
    }

    private long staffId(String code) {
        return jdbc.sql("select id from staff where code = ?").param(code).query(Long.class).single();
    }

    private long assignmentOf(long classId, long subjectId, String staffCode) {
        return jdbc.sql("select id from teaching_assignment where class_id = ? and subject_id = ? and staff_id = ?")
                .params(classId, subjectId, staffId(staffCode)).query(Long.class).single();
    }

    private Reply sendBack(long classId, String homeroom, long subjectId, String reason) {
        return api.post(homeroom, path(classId) + "/subjects/" + subjectId + "/send-back", "{\"reason\":\"" + reason + "\"}");
    }

    /** The person's open term-close tasks of the class, as /api/tasks lists them. */
    private List<JsonNode> tasks(String user, long classId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode t : api.get(user, "/api/tasks").body()) {
            if (t.path("classId").asLong() == classId && TermCloseModel.PROCESS.equals(t.path("process").asText())) {
                found.add(t);
            }
        }
        return found;
    }

    private JsonNode task(String user, long classId, String step) {
        return tasks(user, classId).stream().filter(t -> step.equals(t.path("step").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + step + " of class " + classId + " for " + user
                        + ": " + tasks(user, classId)));
    }

    private String fullName(String username) {
        return jdbc.sql("select display_name from account where username = ?").param(username).query(String.class).single();
    }

}
