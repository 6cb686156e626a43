package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;

/**
 * The TermClose process on real PostgreSQL with the demo school, driven through the API as its people would: the
 * steps the term-close tests share (start a class's term close, a teacher's sign-off, who teaches and who is the
 * homeroom teacher). Each test class registers its own database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TermCloseOnPostgres {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;
    ApiClient api;

    record Teaching(String user, long subjectId, String subjectCode) {
    }

    /** Several Spring contexts (each with an engine) live in one test JVM: assert against this class's engine. */
    @BeforeEach
    void assertionsUseThisContextsEngine() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
    }

    ProcessInstance start(long classId) {
        Reply started = api.post("hieutruong", path(classId) + "/close", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(started.body().path("processInstanceId").asText()).singleResult();
        runJobs(instance);
        return instance;
    }

    Reply signSubject(long classId, Teaching t) {
        return api.post(t.user(), path(classId) + "/subjects/" + t.subjectId() + "/sign-off", "{}");
    }

    List<Teaching> teachingOf(long classId) {
        List<Teaching> teaching = new ArrayList<>();
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            teaching.add(new Teaching(t.path("teacher").path("code").asText().toLowerCase(),
                    t.path("subject").path("id").asLong(), t.path("subject").path("code").asText()));
        }
        return teaching;
    }

    String homeroomOf(long classId) {
        return api.get("hieutruong", "/api/classes/" + classId).body().path("homeroomTeacher").path("code").asText().toLowerCase();
    }

    long classId(String code) {
        return jdbc.sql("select id from school_class where code = ? order by id limit 1").param(code).query(Long.class).single();
    }

    static String path(long classId) {
        return "/api/classes/" + classId + "/terms/1";
    }

    void runJobs(ProcessInstance instance) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
            management.executeJob(job.getId());
        }
    }
}
