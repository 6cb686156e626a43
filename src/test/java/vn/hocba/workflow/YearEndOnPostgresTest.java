package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * The YearEnd process on real PostgreSQL: a demo class whose year is completed in the test, with
 * one student needing summer conduct training and one needing retests (TT22 Art. 13-14).
 */
@SpringBootTest
@AutoConfigureMockMvc
class YearEndOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "year_end");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void assertionsUseThisContextsEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void summerTrainingAndRetestsLeadToFinalDecisionsApprovedByThePrincipal() {
        ApiClient api = new ApiClient(mvc);
        long classId = jdbc.sql("select id from school_class where code = '6A2'").query(Long.class).single();
        String homeroom = api.get("hieutruong", "/api/classes/" + classId).body().path("homeroomTeacher").path("code").asText()
                .toLowerCase();
        JsonNode roster = api.get("hieutruong", "/api/classes/" + classId + "/students").body();
        long needsTraining = roster.get(0).path("student").path("id").asLong();
        long needsRetests = roster.get(1).path("student").path("id").asLong();
        String retestCode = roster.get(1).path("student").path("profile").path("code").asText();
        String trainingCode = roster.get(0).path("student").path("profile").path("code").asText();
        completeTheYear(classId, needsTraining, needsRetests);

        JsonNode lists = api.get(homeroom, "/api/classes/" + classId + "/year-end/lists").body();
        assertThat(lists.path("byPromotion").path("SUMMER_TRAINING_PENDING").size()).as(lists.toString()).isEqualTo(1);
        assertThat(lists.path("byPromotion").path("RETEST_PENDING").size()).isEqualTo(1);

        assertThat(api.post(homeroom, "/api/classes/" + classId + "/year-end/start", "{}").status()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(YearEndModel.businessKey(classId)).singleResult();
        assertThat(instance).isWaitingAt(YearEndModel.TASK_PROPOSAL);
        assertThat(api.post(homeroom, "/api/classes/" + classId + "/year-end/proposal", "{\"note\":\"Đề nghị\"}").status())
                .isEqualTo(200);
        assertThat(api.post("hieutruong", "/api/classes/" + classId + "/year-end/approval", "{}").status()).isEqualTo(200);
        assertThat(instance).isWaitingAt(YearEndModel.TASK_SUMMER_RESULTS);

        // Issue 13, item 16: each subject teacher with retests to enter has a task; the homeroom task lists what is left.
        String maths = teachingOf(api, classId, "TOAN").path("teacher").path("code").asText().toLowerCase();
        JsonNode mathsTask = retestTask(api, maths, classId, "TOAN");
        assertThat(mathsTask).as(api.get(maths, "/api/tasks").body().toString()).isNotNull();
        assertThat(mathsTask.path("process").asText()).isEqualTo(YearEndModel.PROCESS);
        assertThat(mathsTask.path("missing").size()).isEqualTo(1);
        assertThat(mathsTask.path("missing").get(0).asText()).contains("Kiểm tra lại môn", retestCode);
        String literature = teachingOf(api, classId, "NGU_VAN").path("teacher").path("code").asText().toLowerCase();
        assertThat(retestTask(api, literature, classId, "NGU_VAN")).isNotNull();
        String physicalEducation = teachingOf(api, classId, "GDTC").path("teacher").path("code").asText().toLowerCase();
        assertThat(retestTask(api, physicalEducation, classId, "GDTC")).as("no retest in that subject").isNull();
        JsonNode summerTask = homeroomSummerTask(api, homeroom);
        assertThat(summerTask.path("missing").size()).as(summerTask.toString()).isEqualTo(3);
        assertThat(summerTask.path("missing").toString()).contains(retestCode, trainingCode, "Rèn luyện trong hè");

        Reply early = api.post(homeroom, "/api/classes/" + classId + "/year-end/summer-results", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).contains("chưa có kết quả");

        // Attack 28: a retest mark only for the student the engine sent to a retest, in a subject failed for the year;
        // not for another student of the class, nor one of another class, nor in a subject the student passed.
        String mathsRetests = "/api/classes/" + classId + "/year-end/subjects/"
                + teachingOf(api, classId, "TOAN").path("subject").path("id").asLong() + "/retests";
        long ofAnotherClass = jdbc.sql("select student_id from enrolment where class_id <> ? order by student_id limit 1")
                .param(classId).query(Long.class).single();
        for (long stranger : new long[] {needsTraining, ofAnotherClass}) {
            Reply refused = api.post(maths, mathsRetests, "{\"studentId\":" + stranger + ",\"value\":\"9.0\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        }
        Reply passed = api.post(physicalEducation, "/api/classes/" + classId + "/year-end/subjects/"
                + teachingOf(api, classId, "GDTC").path("subject").path("id").asLong() + "/retests",
                "{\"studentId\":" + needsRetests + ",\"value\":\"Đ\"}");
        assertThat(passed.status()).as(passed.toString()).isEqualTo(400);
        assertThat(passed.detail()).contains("không phải kiểm tra lại môn này");
        assertThat(jdbc.sql("select count(*) from retest_mark where class_id = ? or student_id = ?").params(classId, ofAnotherClass)
                .query(Long.class).single()).isZero();

        for (String subject : new String[] {"TOAN", "NGU_VAN"}) {
            JsonNode teaching = teachingOf(api, classId, subject);
            Reply retest = api.post(teaching.path("teacher").path("code").asText().toLowerCase(), "/api/classes/" + classId
                    + "/year-end/subjects/" + teaching.path("subject").path("id").asLong() + "/retests",
                    "{\"studentId\":" + needsRetests + ",\"value\":\"7.0\"}");
            assertThat(retest.status()).as(retest.toString()).isEqualTo(200);
        }
        assertThat(retestTask(api, maths, classId, "TOAN")).as("every retest of the subject entered").isNull();
        assertThat(homeroomSummerTask(api, homeroom).path("missing").size()).isEqualTo(1);
        Reply conduct = api.send(homeroom, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/classes/" + classId + "/conduct").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + needsTraining + ",\"term\":3,\"level\":\"Đ\",\"comment\":\"Tiến bộ sau rèn luyện hè\"}"));
        assertThat(conduct.status()).as(conduct.toString()).isEqualTo(200);

        assertThat(api.post(homeroom, "/api/classes/" + classId + "/year-end/summer-results", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", "/api/classes/" + classId + "/year-end/final-approval", "{}").status()).isEqualTo(200);
        assertThat(instance).isEnded().hasPassed(YearEndModel.END_YEAR_CLOSED);

        JsonNode finalLists = api.get("hieutruong", "/api/classes/" + classId + "/year-end/lists").body();
        assertThat(finalLists.path("byPromotion").path("PROMOTED_AFTER_REASSESSMENT").size()).isEqualTo(2);
        assertThat(jdbc.sql("select stage from year_end_decision where class_id = ? order by id").param(classId)
                .query(String.class).list()).containsExactly("PROPOSED", "APPROVED", "SUMMER", "FINAL");
    }

    private static JsonNode retestTask(ApiClient api, String teacher, long classId, String subject) {
        for (JsonNode t : api.get(teacher, "/api/tasks").body()) {
            if (t.path("classId").asLong() == classId && subject.equals(t.path("subjectCode").asText())
                    && t.path("process").asText().equals(YearEndModel.PROCESS)) {
                return t;
            }
        }
        return null;
    }

    private static JsonNode homeroomSummerTask(ApiClient api, String homeroom) {
        for (JsonNode t : api.get(homeroom, "/api/tasks").body()) {
            if (t.path("process").asText().equals(YearEndModel.PROCESS) && !t.hasNonNull("subjectCode")) {
                return t;
            }
        }
        throw new IllegalStateException("no summer-results task for " + homeroom);
    }

    private static JsonNode teachingOf(ApiClient api, long classId, String subject) {
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            if (t.path("subject").path("code").asText().equals(subject)) {
                return t;
            }
        }
        throw new IllegalStateException(subject);
    }

    /**
     * Term II like term I for everyone; one student rated CĐ in conduct both terms, one failing two
     * subjects (two, so that the Art. 9.3 one-subject adjustment does not apply); everyone else passes.
     */
    private void completeTheYear(long classId, long needsTraining, long needsRetests) {
        jdbc.sql("""
                insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, version, updated_at, updated_by)
                select class_id, subject_id, student_id, 2, kind, column_no, score, level, 0, updated_at, 'test' from mark m
                where class_id = ? and term = 1 and not exists (select 1 from mark x where x.class_id = m.class_id
                  and x.subject_id = m.subject_id and x.student_id = m.student_id and x.term = 2 and x.kind = m.kind
                  and x.column_no = m.column_no)""").param(classId).update();
        jdbc.sql("insert into conduct_rating (class_id, student_id, term, level, updated_at, updated_by) "
                + "select class_id, student_id, 2, level, updated_at, 'test' from conduct_rating where class_id = ? and term = 1")
                .param(classId).update();
        jdbc.sql("update conduct_rating set level = 'CĐ' where student_id = ?").param(needsTraining).update();
        jdbc.sql("update conduct_rating set level = 'T' where student_id = ?").param(needsRetests).update();
        jdbc.sql("update mark set score = 2.0 where student_id = ? and score is not null and subject_id in "
                + "(select id from subject where code in ('TOAN', 'NGU_VAN'))").param(needsRetests).update();
        jdbc.sql("update mark set level = 'Đ' where student_id in (?, ?) and level is not null").params(needsTraining, needsRetests)
                .update();
        jdbc.sql("update mark set score = 7.0 where student_id = ? and score is not null and subject_id not in "
                + "(select id from subject where code in ('TOAN', 'NGU_VAN'))").param(needsRetests).update();
        jdbc.sql("update mark set score = 7.0 where student_id = ? and score is not null").param(needsTraining).update();
        jdbc.sql("delete from absence where student_id in (?, ?)").params(needsTraining, needsRetests).update();
        // Everyone else passes, so the two students above are the class's whole summer work.
        jdbc.sql("update mark set score = 6.0 where class_id = ? and student_id not in (?, ?) and score < 5.0")
                .params(classId, needsTraining, needsRetests).update();
        jdbc.sql("update mark set level = 'Đ' where class_id = ? and student_id not in (?, ?) and level is not null")
                .params(classId, needsTraining, needsRetests).update();
    }
}
