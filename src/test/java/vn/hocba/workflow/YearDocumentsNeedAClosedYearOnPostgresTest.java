package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.audit.Actor;

/**
 * Issue 13, item 4: the year documents of a class are made and signed only once its year is closed
 * (both terms locked, year end final-approved, retests done) — refused when asked for over HTTP,
 * and refused again by the process step that generates them, which reads the domain records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class YearDocumentsNeedAClosedYearOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "year_documents_closed_year");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    @Test
    void theDemoClassWithTermTwoHalfEnteredIsRefusedNamingWhatIsMissing() {
        SchoolClass schoolClass = demoClass("6A1");
        Reply reply = new ApiClient(mvc).post("hieutruong", path(schoolClass), "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.detail()).contains("lớp 6A1", "năm học của lớp chưa kết thúc", "học kì I chưa chốt và khoá sổ",
                "học kì II chưa chốt và khoá sổ (còn thiếu", "chưa xét lên lớp cuối năm").doesNotContain("vn.hocba");
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(ClassDocumentsModel.businessKey(schoolClass.id().value())).list()).isEmpty();
    }

    @Test
    void theGenerationStepChecksTheDomainRecordsNotWhoStartedTheProcess() {
        SchoolClass schoolClass = demoClass("6A2");
        String instance = runtime.startProcessInstanceByKey(ClassDocumentsModel.PROCESS,
                ClassDocumentsModel.businessKey(schoolClass.id().value()), Map.of(ClassDocumentsModel.CLASS_ID,
                        schoolClass.id().value(), ClassDocumentsModel.REQUESTED_BY, "hieutruong")).getId();
        for (List<Job> jobs = pending(instance); !jobs.isEmpty(); jobs = pending(instance)) {
            jobs.forEach(job -> {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the job fails and is retried until it becomes an incident
                }
            });
        }
        Job failed = management.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(failed.getExceptionMessage()).contains("năm học của lớp chưa kết thúc", "học kì II");
        assertThat(jdbc.sql("select count(*) from issued_document where class_id = ?").param(schoolClass.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aClosedYearStartsAndAHalfClosedOneNamesWhatIsLeft() {
        SchoolClass schoolClass = demoClass("7A2");
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        for (int term = 1; term <= 2; term++) {
            locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                    "Chốt học kì (kiểm thử)"), new Actor("hieutruong", "PRINCIPAL", "test"), "Lê Văn Triển");
        }
        ApiClient api = new ApiClient(mvc);
        Reply halfClosed = api.post("hieutruong", path(schoolClass), "");
        assertThat(halfClosed.status()).isEqualTo(409);
        assertThat(halfClosed.detail()).contains("chưa xét lên lớp cuối năm").doesNotContain("học kì");

        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).closeAfterLocks(schoolClass);
        Reply started = api.post("hieutruong", path(schoolClass), "");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
    }

    private List<Job> pending(String instance) {
        return management.createJobQuery().processInstanceId(instance).withRetriesLeft().list();
    }

    private SchoolClass demoClass(String code) {
        return directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), code)
                .orElseThrow();
    }

    private static String path(SchoolClass schoolClass) {
        return "/api/classes/" + schoolClass.id().value() + "/year-documents";
    }
}
