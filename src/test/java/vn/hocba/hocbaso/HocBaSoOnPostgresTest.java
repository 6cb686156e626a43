package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import vn.hocba.audit.Actor;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Học bạ số of the demo school on real PostgreSQL: identifiers and readiness, records built from the
 * stored class, and submission to the national store's test double over HTTP: accepted and rejected
 * records, a duplicate, a retry after the store was unavailable, a recall and a re-issue.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HocBaSoOnPostgresTest {

    static Path dataDir;
    static DevelopmentPki pki;
    static NationalStoreDouble store;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "hocbaso");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-hocbaso-test");
        pki = DevelopmentPki.createFresh(Files.createTempDirectory("hocbaso-pki"));
        store = new NationalStoreDouble(pki.trustAnchors());
    }

    @TestConfiguration
    static class StoreDouble {
        @Bean
        NationalStore nationalStore() {
            return new HttpNationalStore(store.url(), NationalStoreDouble.USER, NationalStoreDouble.PASSWORD, Duration.ofSeconds(5));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    ClassRecordsService records;
    @Autowired
    StoreSubmissions submissions;
    @Autowired
    StudentIdentifiers identifiers;
    @Autowired
    JdbcClient jdbc;

    final Actor clerk = new Actor("vanthu", "CLERK", "127.0.0.1");

    ClassId classOf(String code) {
        return new ClassId(jdbc.sql("select id from school_class where code = ?").param(code).query(Long.class).single());
    }

    @Test
    @Order(1)
    void theDemoSchoolHasEveryIdentifierSoEveryRecordOfAClassIsGeneratedAndValid() {
        List<ClassRecordsService.StudentReadiness> readiness = records.readiness(classOf("7A1"));
        assertThat(readiness).hasSizeGreaterThan(30).allSatisfy(r -> assertThat(r.missing()).as(r.fullName()).isEmpty());
        for (var r : readiness.subList(0, 3)) {
            Document record = records.record(classOf("7A1"), r.studentId());
            assertThat(RecordSchema.problems(record)).isEmpty();
        }
        var sixth = records.readiness(classOf("6A1")).get(0);
        assertThat(XmlDocuments.text(records.record(classOf("6A1"), sixth.studentId()))).contains("LA_MA_TAM=\"1\"");
    }

    @Test
    @Order(2)
    void aStudentWithoutAPersonalIdIsListedWithWhatIsMissingAndGetsNoRecord() {
        ClassId c = classOf("8A1");
        var student = records.readiness(c).get(4);
        jdbc.sql("update student set national_id = null where id = ?").param(student.studentId()).update();
        List<ClassRecordsService.StudentReadiness> readiness = records.readiness(c);
        assertThat(readiness.stream().filter(r -> !r.ready())).singleElement().satisfies(r -> {
            assertThat(r.studentId()).isEqualTo(student.studentId());
            assertThat(r.missing()).singleElement().asString().contains(student.fullName()).contains("thiếu số định danh cá nhân");
        });
        assertThatThrownBy(() -> records.record(c, student.studentId())).isInstanceOf(RecordNotReadyException.class)
                .hasMessageContaining(student.fullName());
    }

    List<String> nationalIdsOfFirstPackage = new ArrayList<>();
    long firstSubmission;

    @Test
    @Order(3)
    void aPackageIsSubmittedOnceAndEachRecordGetsItsResult() throws Exception {
        ClassId c = classOf("7A1");
        var students = records.readiness(c).subList(0, 3);
        byte[] zip = signedPackage(c, students);
        String rejectedId = personalId(c, students.get(2).studentId());
        store.unknownPersonalIds.add(rejectedId);

        firstSubmission = submissions.submitPackage(c, zip, clerk);
        StoreSubmissions.Submission s = pollUntilProcessed(firstSubmission);
        assertThat(s.state()).isEqualTo("PROCESSED");
        assertThat(s.nationalStatus()).isEqualTo("03");
        assertThat(s.records()).hasSize(3);
        var byCode = s.records().stream().collect(java.util.stream.Collectors.toMap(StoreSubmissions.Result::studentCode, r -> r));
        assertThat(byCode.get(students.get(0).studentCode()).result()).isEqualTo("01");
        assertThat(byCode.get(students.get(0).studentCode()).nationalId()).startsWith("HBS-");
        assertThat(byCode.get(students.get(1).studentCode()).result()).isEqualTo("01");
        StoreSubmissions.Result rejected = byCode.get(students.get(2).studentCode());
        assertThat(rejected.result()).isEqualTo("02");
        assertThat(rejected.nationalId()).isNull();
        assertThat(rejected.errors()).contains("NGUOI_HOC/SO_DINH_DANH_CA_NHAN").contains(rejectedId);
        nationalIdsOfFirstPackage.add(byCode.get(students.get(0).studentCode()).nationalId());

        int received = store.messagesReceived();
        assertThat(submissions.submitPackage(c, zip, clerk)).as("the same package again").isEqualTo(firstSubmission);
        assertThat(store.messagesReceived()).isEqualTo(received);
    }

    @Test
    @Order(4)
    void aStoreThatIsUnavailableIsTriedAgainLaterWithTheSameKey() throws Exception {
        ClassId c = classOf("7A1");
        byte[] zip = signedPackage(c, records.readiness(c).subList(5, 6));
        store.unavailableFor.set(1);
        long id = submissions.submitPackage(c, zip, clerk);
        StoreSubmissions.Submission queued = submissions.submission(id);
        assertThat(queued.state()).isEqualTo("QUEUED");
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.lastError()).contains("503");
        Timestamp next = jdbc.sql("select next_attempt_at from hocbaso_submission where id = ?").param(id).query(Timestamp.class).single();
        assertThat(Duration.between(Instant.now(), next.toInstant())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));
        assertThat(StoreSubmissions.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(StoreSubmissions.backoff(12)).isEqualTo(Duration.ofHours(6));

        submissions.retryDue();
        assertThat(submissions.submission(id).state()).as("not due yet").isEqualTo("QUEUED");
        jdbc.sql("update hocbaso_submission set next_attempt_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id).update();
        submissions.retryDue();
        assertThat(pollUntilProcessed(id).records()).singleElement().extracting(StoreSubmissions.Result::result).isEqualTo("01");
    }

    @Test
    @Order(5)
    void aCorrectedRecordIsRecalledAndReissuedAndBothAreTracked() throws Exception {
        ClassId c = classOf("7A1");
        String nationalId = nationalIdsOfFirstPackage.get(0);
        long recall = submissions.recall(c, nationalId, "Sửa số sổ đăng bộ ghi nhầm", clerk);
        StoreSubmissions.Submission recalled = pollUntilProcessed(recall);
        assertThat(recalled.purpose()).isEqualTo("03");
        assertThat(recalled.records()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("01");
            assertThat(r.nationalId()).isEqualTo(nationalId);
        });
        assertThat(store.recalled).contains(nationalId);
        assertThat(submissions.recall(c, nationalId, "lần nữa", clerk)).as("recalled once").isEqualTo(recall);

        var student = records.readiness(c).get(0);
        var schoolId = new vn.hocba.schoolyear.SchoolId(jdbc.sql("select school_id from student where id = ?")
                .param(student.studentId()).query(Long.class).single());
        RecordIdentifiers before = identifiers.of(schoolId, new vn.hocba.students.StudentId(student.studentId()));
        identifiers.setStudent(new vn.hocba.students.StudentId(student.studentId()), before.moetStudentCode(), false,
                "999/2024", clerk);
        long reissue = submissions.submitPackage(c, signedPackage(c, List.of(student)), clerk);
        StoreSubmissions.Result again = pollUntilProcessed(reissue).records().get(0);
        assertThat(again.result()).isEqualTo("01");
        assertThat(again.nationalId()).isNotEqualTo(nationalId);
        assertThat(submissions.ofClass(c)).extracting(StoreSubmissions.Submission::id).contains(firstSubmission, recall, reissue);
    }

    private byte[] signedPackage(ClassId c, List<ClassRecordsService.StudentReadiness> students) {
        List<ClassPackage.Entry> entries = new ArrayList<>();
        for (var s : students) {
            Document record = SampleRecords.signInOrder(records.record(c, s.studentId()), pki);
            entries.add(new ClassPackage.Entry(s.studentCode() + ".hocbaso.xml", XmlDocuments.bytes(record)));
        }
        return ClassPackage.build("DEMO01-7A1", entries, pki.organisation("TRƯỜNG THCS MẪU"));
    }

    private String personalId(ClassId c, long studentId) {
        return jdbc.sql("select national_id from student where id = ?").param(studentId).query(String.class).single();
    }

    private StoreSubmissions.Submission pollUntilProcessed(long id) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            StoreSubmissions.Submission s = submissions.poll(id);
            if (!"SENT".equals(s.state())) {
                return s;
            }
            assertThat(s.nationalStatus()).as("in progress").isIn(null, "00", "01");
            Thread.sleep(100);
        }
        throw new AssertionError("the store did not process submission " + id);
    }
}
