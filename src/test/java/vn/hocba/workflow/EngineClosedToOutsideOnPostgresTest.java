package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.audit.Actor;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.HttpUser;

/**
 * Issue 13 item 1 from outside, over real HTTP on embedded PostgreSQL: the admin board and the
 * principal — the two roles that used to reach Camunda's REST API and webapps — can neither deploy a
 * model, start a process with their own variables, complete a task, change a variable, nor open
 * Tasklist, through {@code /engine-rest} or the webapps' engine API ({@code /camunda/api/engine}).
 * Before the fix the deployment answered 200 and the model (with an expression calling any Spring
 * bean) was deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hocba.demo.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineClosedToOutsideOnPostgresTest {

    static final String PASSWORD = "Mat-khau-dai-2025";
    static final String ADMIN_BOARD = "bqt.engine";
    static final String PRINCIPAL = "ht.engine";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    /** What an attacker would deploy: an expression that reaches any Spring bean (here: the password hashes). */
    static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="urn:x">
              <bpmn:process id="Outsider" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="s"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <bpmn:serviceTask id="t" camunda:expression="${jdbcTemplate.queryForList('select password_hash from account')}"/>
                <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                <bpmn:endEvent id="e"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "engine_closed");
    }

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    CamundaIdentitySync identities;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @BeforeAll
    void thePeopleWhoUsedToReachTheEngine() {
        accounts.create(ADMIN_BOARD, PASSWORD, "Ban Quản Trị", null, EnumSet.of(Role.ADMIN_BOARD), Actor.system("test"));
        accounts.create(PRINCIPAL, PASSWORD, "Hiệu Trưởng", null, EnumSet.of(Role.PRINCIPAL), Actor.system("test"));
        identities.sync();
    }

    static Stream<String> people() {
        return Stream.of(ADMIN_BOARD, PRINCIPAL);
    }

    @ParameterizedTest
    @MethodSource("people")
    void nobodyDeploysAModel(String user) {
        long deployments = repository.createDeploymentQuery().count();
        long definitions = repository.createProcessDefinitionQuery().count();
        HttpUser person = new HttpUser(port);
        byte[] model = MODEL.getBytes(StandardCharsets.UTF_8);

        assertRefused(person.send(person.multipart("/engine-rest/deployment/create", "data", "outsider.bpmn", model)
                .header("Authorization", "Bearer " + person.token(user, PASSWORD))));
        loggedIn(person, user);
        assertRefused(person.send(withXsrf(person, person.multipart(WEBAPP_ENGINE + "/deployment/create", "data",
                "outsider.bpmn", model))));

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Outsider").count()).isZero();
    }

    @ParameterizedTest
    @MethodSource("people")
    void nobodyStartsAProcessWithTheirOwnVariables(String user) {
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(TermCloseModel.PROCESS).count();
        HttpUser person = new HttpUser(port);
        String start = "/process-definition/key/" + TermCloseModel.PROCESS + "/start";
        String body = "{\"variables\":{\"classId\":{\"value\":1,\"type\":\"Long\"},\"term\":{\"value\":1,\"type\":\"Integer\"},"
                + "\"approver\":{\"value\":\"hieutruong\"}},\"startInstructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"" + TermCloseModel.TASK_LOCK + "\"}]}";

        assertRefused(person.send(person.json("POST", "/engine-rest" + start, body)
                .header("Authorization", "Bearer " + person.token(user, PASSWORD))));
        loggedIn(person, user);
        assertRefused(person.send(withXsrf(person, person.json("POST", WEBAPP_ENGINE + start, body))));

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TermCloseModel.PROCESS).count()).isEqualTo(running);
    }

    @ParameterizedTest
    @MethodSource("people")
    void nobodyCompletesATaskOrChangesAVariable(String user) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(TermCloseModel.PROCESS)
                .startBeforeActivity(TermCloseModel.TASK_PRINCIPAL_APPROVAL)
                .setVariable(TermCloseModel.CLASS_ID, 1L).setVariable(TermCloseModel.TERM, 1).execute();
        try {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            HttpUser person = new HttpUser(port);
            String bearer = "Bearer " + person.token(user, PASSWORD);
            String complete = "/task/" + task.getId() + "/complete";
            String approve = "{\"variables\":{\"approved\":{\"value\":true},\"approver\":{\"value\":\"hieutruong\"}}}";
            String modify = "/process-instance/" + instance.getId() + "/variables";
            String change = "{\"modifications\":{\"term\":{\"value\":2,\"type\":\"Integer\"}}}";
            String put = modify + "/term";
            String value = "{\"value\":2,\"type\":\"Integer\"}";

            assertRefused(person.send(person.json("POST", "/engine-rest" + complete, approve).header("Authorization", bearer)));
            assertRefused(person.send(person.json("POST", "/engine-rest" + modify, change).header("Authorization", bearer)));
            assertRefused(person.send(person.json("PUT", "/engine-rest" + put, value).header("Authorization", bearer)));
            loggedIn(person, user);
            assertRefused(person.send(withXsrf(person, person.json("POST", WEBAPP_ENGINE + complete, approve))));
            assertRefused(person.send(withXsrf(person, person.json("POST", WEBAPP_ENGINE + modify, change))));
            assertRefused(person.send(withXsrf(person, person.json("PUT", WEBAPP_ENGINE + put, value))));

            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
            assertThat(runtime.getVariable(instance.getId(), TermCloseModel.TERM)).isEqualTo(1);
            assertThat(runtime.getVariable(instance.getId(), TermCloseModel.APPROVER)).isNull();
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "test");
        }
    }

    @ParameterizedTest
    @MethodSource("people")
    void tasklistAdminAndByDefaultCockpitAreClosed(String user) {
        HttpUser person = loggedIn(new HttpUser(port), user);
        for (String app : new String[] {"tasklist", "admin", "cockpit"}) {
            assertRefused(person.send(person.get("/camunda/app/" + app + "/default/")));
        }
        assertRefused(person.send(person.get(WEBAPP_ENGINE + "/task")));
        assertRefused(person.send(person.get("/engine-rest/task").header("Authorization", "Bearer " + person.token(user, PASSWORD))));
    }

    /** Should a model ever get in: it can run no script and its expressions reach no bean outside the workflow module. */
    @Test
    void theEngineRunsNoScriptAndReachesNoBeanOutsideTheWorkflowModule() {
        String script = MODEL.replaceAll("<bpmn:serviceTask [^>]*/>",
                "<bpmn:scriptTask id=\"t\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.createDeployment().addString("script.bpmn", script).deploy())
                .hasMessageContaining("Scripts are disabled");
        var deployment = repository.createDeployment().addString("expression.bpmn", MODEL).deploy();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Outsider"))
                    .hasMessageContaining("jdbcTemplate");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private static HttpUser loggedIn(HttpUser person, String user) {
        person.logIn(user, PASSWORD);
        // The webapps hand out their CSRF cookie on any page; a real browser would have it.
        person.send(person.get("/camunda/app/cockpit/default/"));
        return person;
    }

    private static java.net.http.HttpRequest.Builder withXsrf(HttpUser person, java.net.http.HttpRequest.Builder request) {
        String xsrf = person.cookie("XSRF-TOKEN");
        return xsrf == null ? request : request.header("X-XSRF-TOKEN", xsrf);
    }

    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + " → "
                + response.statusCode() + " " + response.body()).isIn(403, 404);
    }
}
