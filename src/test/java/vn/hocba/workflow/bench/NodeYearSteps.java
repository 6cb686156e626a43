package vn.hocba.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.workflow.ClassDocumentsModel;

/**
 * One class's way through the year on a {@link NodeCluster}: the same steps as {@link ClassYearSteps},
 * each request to the next node (round robin, as a load balancer sends API requests), and the
 * processes' jobs run by the nodes' job executors, not by the benchmark: a step that leaves jobs
 * waits until the executors have run them.
 */
final class NodeYearSteps {

    private final NodeCluster cluster;
    private final long classId;
    private final String classCode;
    private final String homeroom;
    private final JsonNode teaching;
    private String documentsInstance;

    NodeYearSteps(NodeCluster cluster, long classId, String classCode) {
        this.cluster = cluster;
        this.classId = classId;
        this.classCode = classCode;
        JsonNode detail = cluster.api().get("hieutruong", "/api/classes/" + classId).body();
        this.homeroom = detail.path("homeroomTeacher").path("code").asText().toLowerCase();
        this.teaching = detail.path("teaching");
    }

    String classCode() {
        return classCode;
    }

    long classId() {
        return classId;
    }

    void closeTerm(int term) {
        String path = "/api/classes/" + classId + "/terms/" + term;
        String instance = post(201, "hieutruong", path + "/close", "{}").body().path("processInstanceId").asText();
        cluster.awaitJobs(instance);
        for (JsonNode t : teaching) {
            post(200, user(t), path + "/subjects/" + t.path("subject").path("id").asLong() + "/sign-off", "{}");
        }
        post(200, homeroom, path + "/homeroom-check", "{}");
        post(200, homeroom, path + "/sign-off", "{}");
        post(200, "hieutruong", path + "/approval", "{}");
        cluster.awaitJobs(instance);
    }

    void closeYear() {
        String path = "/api/classes/" + classId + "/year-end";
        post(201, homeroom, path + "/start", "{}");
        post(200, homeroom, path + "/proposal", "{}");
        post(200, "hieutruong", path + "/approval", "{}");
        if (cluster.jdbc.sql("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null")
                .param("year-end-" + classId).query(Long.class).single() > 0) {
            enterSummerResults();
            post(200, homeroom, path + "/summer-results", "{}");
            post(200, "hieutruong", path + "/final-approval", "{}");
        }
    }

    /** ClassDocuments started by the principal; waits for the generation job (run by whichever node takes it). */
    void generateDocuments() {
        documentsInstance = post(201, "hieutruong", documentsPath(), "").body().path("processInstanceId").asText();
        cluster.awaitJobs(documentsInstance);
    }

    void signSubjectSheets() {
        for (String signer = sheetSigner(); signer != null; signer = sheetSigner()) {
            post(200, signer, documentsPath() + "/subject-sheet/signature", "");
        }
    }

    /** The job that extends the signed sheets to LT/LTA and generates the transcripts and class gradebook. */
    void generateTranscripts() {
        cluster.awaitJobs(documentsInstance);
    }

    void homeroomSigns() {
        post(200, homeroom, documentsPath() + "/homeroom-signature", "");
    }

    /** The principal signs; then the seal, LT/LTA and export package jobs run on the nodes. */
    void principalSignsAndJobsRun() {
        post(200, "hieutruong", documentsPath() + "/principal-signature", "");
        cluster.awaitJobs(documentsInstance);
    }

    /** The clerk downloads the package and confirms it is archived; the package's bytes. */
    byte[] export() {
        byte[] zip = cluster.api().download("vanthu", documentsPath() + "/package");
        post(200, "vanthu", documentsPath() + "/archived", "");
        return zip;
    }

    /**
     * A POST that must answer {@code expected}; a 409 "too many concurrent completions" is sent again as
     * a person would (classes run concurrently here), anything else stops the run.
     */
    private Reply post(int expected, String user, String path, String body) {
        for (int attempt = 1; ; attempt++) {
            Reply reply = cluster.api().post(user, path, body);
            if (reply.status() == expected) {
                return reply;
            }
            if (reply.status() != 409 || !reply.detail().contains("cùng lúc") || attempt == 20) {
                throw new IllegalStateException("POST " + path + " as " + user + " answered " + reply);
            }
        }
    }

    private void enterSummerResults() {
        for (JsonNode student : cluster.api().get("hieutruong", "/api/classes/" + classId + "/results").body()
                .path("students")) {
            long studentId = cluster.jdbc.sql("select id from student where code = ?")
                    .param(student.path("code").asText()).query(Long.class).single();
            String promotion = student.path("promotion").asText();
            if ("SUMMER_TRAINING_PENDING".equals(promotion)) {
                cluster.api().put(homeroom, "/api/classes/" + classId + "/conduct",
                        "{\"studentId\":" + studentId + ",\"term\":3,\"level\":\"Đ\"}");
            }
            if ("RETEST_PENDING".equals(promotion)) {
                student.path("subjects").fields().forEachRemaining(subject -> retest(studentId, subject));
            }
        }
    }

    private void retest(long studentId, Map.Entry<String, JsonNode> subject) {
        JsonNode year = subject.getValue().path("CN");
        boolean failed = year.isNumber() ? year.decimalValue().compareTo(new BigDecimal("5.0")) < 0 : "CĐ".equals(year.asText());
        if (failed) {
            for (JsonNode t : teaching) {
                if (t.path("subject").path("code").asText().equals(subject.getKey())) {
                    post(200, user(t), "/api/classes/" + classId + "/year-end/subjects/" + t.path("subject").path("id")
                            .asLong() + "/retests", "{\"studentId\":" + studentId + ",\"value\":\""
                            + (year.isNumber() ? "8.0" : "Đ") + "\"}");
                    return;
                }
            }
            throw new IllegalStateException(subject.getKey());
        }
    }

    /** The assignee of the class's next open subject-sheet task (co-teachers in column order), or null. */
    private String sheetSigner() {
        List<String> open = cluster.jdbc.sql("select assignee_ from act_ru_task where proc_inst_id_ = ? "
                + "and task_def_key_ = ? order by create_time_, id_ limit 1").params(documentsInstance,
                ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).query(String.class).list();
        return open.isEmpty() ? null : open.get(0);
    }

    private String documentsPath() {
        return "/api/classes/" + classId + "/year-documents";
    }

    private static String user(JsonNode teachingAssignment) {
        return teachingAssignment.path("teacher").path("code").asText().toLowerCase();
    }
}
