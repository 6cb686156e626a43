package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.workflow.EngineClosedToOutsideOnPostgresTest.assertRefused;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Cockpit switched on ({@code hocba.camunda.cockpit.enabled=true}), over real HTTP on embedded
 * PostgreSQL: the admin board reads processes, instances and incidents; nothing can be changed through
 * it (deploy, start, complete, modify, suspend, delete, correlate); Tasklist and Admin stay closed; the
 * principal has no Cockpit at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // An engine name of its own: Camunda's webapps find engines in a JVM-wide registry, where the
        // engines of the other test classes' contexts (named "default") may still be registered.
        properties = {"hocba.demo.enabled=false", "hocba.camunda.cockpit.enabled=true", "camunda.bpm.process-engine-name=cockpit"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitReadOnlyOnPostgresTest {

    private static final String PASSWORD = EngineClosedToOutsideOnPostgresTest.PASSWORD;
    private static final String ADMIN_BOARD = "bqt.cockpit";
    private static final String PRINCIPAL = "ht.cockpit";
    private static final String ENGINE = "/camunda/api/engine/engine/cockpit";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "cockpit_read_only");
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
    ProcessInstance instance;
    HttpUser adminBoard;

    @BeforeAll
    void anAdminBoardAndAPrincipalAndARunningProcess() {
        accounts.create(ADMIN_BOARD, PASSWORD, "Ban Quản Trị", null, EnumSet.of(Role.ADMIN_BOARD), Actor.system("test"));
        accounts.create(PRINCIPAL, PASSWORD, "Hiệu Trưởng", null, EnumSet.of(Role.PRINCIPAL), Actor.system("test"));
        identities.sync();
        instance = runtime.createProcessInstanceByKey(TermCloseModel.PROCESS).businessKey("cockpit-test")
                .startBeforeActivity(TermCloseModel.TASK_PRINCIPAL_APPROVAL)
                .setVariable(TermCloseModel.CLASS_ID, 1L).setVariable(TermCloseModel.TERM, 1).execute();
        adminBoard = new HttpUser(port).logIn(ADMIN_BOARD, PASSWORD);
        assertThat(adminBoard.send(adminBoard.get("/camunda/app/cockpit/cockpit/")).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void removeTheProcess() {
        runtime.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void theAdminBoardReadsProcessesAndInstances() {
        HttpResponse<String> definitions = adminBoard.send(adminBoard.get(ENGINE + "/process-definition"));
        assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
        assertThat(definitions.body()).contains(TermCloseModel.PROCESS);
        HttpResponse<String> instances = adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/process-instance/count",
                "{\"processDefinitionKey\":\"" + TermCloseModel.PROCESS + "\"}")));
        assertThat(instances.statusCode()).as(instances.body()).isEqualTo(200);
        assertThat(instances.body()).contains("\"count\":1");
        HttpResponse<String> history = adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/history/process-instance", "{}")));
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(adminBoard.send(adminBoard.get(ENGINE + "/incident/count")).statusCode()).isEqualTo(200);
    }

    @Test
    void nothingChangesThroughCockpit() {
        long deployments = repository.createDeploymentQuery().count();
        String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        String pi = ENGINE + "/process-instance/" + instance.getId();
        byte[] model = EngineClosedToOutsideOnPostgresTest.MODEL.getBytes(StandardCharsets.UTF_8);

        assertRefused(adminBoard.send(xsrf(adminBoard.multipart(ENGINE + "/deployment/create", "data", "o.bpmn", model))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/process-definition/key/"
                + TermCloseModel.PROCESS + "/start", "{}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/task/" + task + "/complete", "{}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("PUT", pi + "/variables/term", "{\"value\":2,\"type\":\"Integer\"}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", pi + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + TermCloseModel.TASK_LOCK + "\"}]}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("PUT", pi + "/suspended", "{\"suspended\":true}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("DELETE", pi, ""))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/message", "{\"messageName\":\"x\"}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/process-instance/delete",
                "{\"processInstanceIds\":[\"" + instance.getId() + "\"],\"deleteReason\":\"x\"}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/history/cleanup", "{}"))));
        assertRefused(adminBoard.send(xsrf(adminBoard.json("POST", ENGINE + "/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}"))));

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(runtime.getVariable(instance.getId(), TermCloseModel.TERM)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).active().count()).isEqualTo(1);
    }

    @Test
    void aQueryCannotCarryAnExpression() {
        String expression = URLEncoder.encode("${jdbcTemplate.queryForList('select 1')}", StandardCharsets.UTF_8);
        HttpResponse<String> reply = adminBoard.send(adminBoard.get(ENGINE + "/task?assigneeExpression=" + expression));
        assertThat(reply.statusCode()).as(reply.body()).isIn(400, 403);
    }

    @Test
    void tasklistAdminAndThePrincipalStayOut() {
        assertRefused(adminBoard.send(adminBoard.get("/camunda/app/tasklist/cockpit/")));
        assertRefused(adminBoard.send(adminBoard.get("/camunda/app/admin/cockpit/")));
        assertRefused(adminBoard.send(adminBoard.get("/camunda/api/admin/setup/cockpit/user/create")));
        HttpUser principal = new HttpUser(port).logIn(PRINCIPAL, PASSWORD);
        assertRefused(principal.send(principal.get("/camunda/app/cockpit/cockpit/")));
        assertRefused(principal.send(principal.get(ENGINE + "/process-definition")));
    }

    private HttpRequest.Builder xsrf(HttpRequest.Builder request) {
        String token = adminBoard.cookie("XSRF-TOKEN");
        return token == null ? request : request.header("X-XSRF-TOKEN", token);
    }
}
