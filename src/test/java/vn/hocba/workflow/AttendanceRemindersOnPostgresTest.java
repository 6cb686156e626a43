package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.notifications.MailDelivery;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.reminders.AttendanceReminders;
/**
 * Monthly attendance reminders (seed 000 §VII.1.2, due on the 3rd) on real PostgreSQL with the demo
 * school, and reminders by e-mail through a real SMTP server in the test (GreenMail).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceRemindersOnPostgresTest {

    private static GreenMail smtp;
    private static int smtpPort;

    @DynamicPropertySource
    static void postgresAndSmtp(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "attendance_reminders");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
        // the test delivers the queue itself
        registry.add("hocba.mail.delivery-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AttendanceReminders reminders;
    @Autowired
    MailDelivery delivery;
    @Autowired
    ManagementService management;
    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
    }

    @Test
    void homeroomTeachersAreRemindedOfLastMonthOnceAndTheVicePrincipalIsToldOnlyOfClassesStillMissingAfterTheThird() {
        assertThat(reminders.remind(LocalDate.of(2026, 3, 1))).isEqualTo(8);
        assertThat(reminders.remind(LocalDate.of(2026, 3, 3))).isZero();
        String homeroom6A1 = homeroomOf("6A1");
        assertThat(latest(homeroom6A1)).isEqualTo("Nhắc cập nhật điểm danh tháng 2/2026 của lớp 6A1: hạn chót ngày "
                + "03/03/2026 (quy định của trường: cập nhật kiểm diện học sinh vào đầu tháng kế tiếp).");

        long classId = classId("6A1");
        // The homeroom teacher of 6A1 confirms February's attendance: only the other seven classes are still due
        assertThat(api.send(homeroom6A1, MockMvcRequestBuilders.put("/api/classes/" + classId + "/attendance-months/2026-02"))
                .status()).isEqualTo(200);

        assertThat(reminders.remind(LocalDate.of(2026, 3, 4))).isEqualTo(7 + 7);
        assertThat(reminders.remind(LocalDate.of(2026, 3, 5))).isZero();
        assertThat(latest(homeroom6A1)).startsWith("Nhắc cập nhật điểm danh tháng 2/2026");
        assertThat(latest(homeroomOf("6A2"))).startsWith("Quá hạn cập nhật điểm danh tháng 2/2026 của lớp 6A2 (hạn ngày 03/03/2026)");
        List<String> vice = messages("phohieutruong");
        assertThat(vice).filteredOn(m -> m.startsWith("Quá hạn điểm danh: lớp ")).hasSize(7)
                .noneMatch(m -> m.contains("lớp 6A1 ")).anyMatch(m -> m.contains("lớp 9A2 (GVCN "));
        // July is in the summer holidays: nothing is due on the 4th of August
        assertThat(reminders.remind(LocalDate.of(2026, 8, 4))).isZero();
        assertThat(management.createJobQuery().timers().processDefinitionKey("AttendanceReminders").count()).isEqualTo(1);
    }

    @Test
    void aReminderArrivesByMailWithItsVietnameseSubjectAndBodyIntact() throws Exception {
        String address = withAddress("6A2", "chu.nhiem.6a2@truong.example");
        reminders.remind(LocalDate.of(2026, 4, 1));
        assertThat(delivery.deliverDue(Instant.now())).isGreaterThanOrEqualTo(1);

        MimeMessage mail = mailsTo(address, "tháng 3/2026").get(0);
        assertThat(mail.getSubject()).isEqualTo("[HocBa] Nhắc điểm danh tháng 3/2026 – lớp 6A2");
        assertThat(((String) mail.getContent()).trim()).isEqualTo(latest(homeroomOf("6A2")));
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    }

    @Test
    void aMailThatCannotBeSentIsRetriedLaterWhileTheInAppNoticeIsThereAtOnce() throws Exception {
        String address = withAddress("7A1", "chu.nhiem.7a1@truong.example");
        smtp.stop();
        try {
            reminders.remind(LocalDate.of(2026, 5, 2));
            assertThat(latest(homeroomOf("7A1"))).startsWith("Nhắc cập nhật điểm danh tháng 4/2026 của lớp 7A1");
            Instant now = Instant.now();
            assertThat(delivery.deliverDue(now)).isZero();
            assertThat(outbox(address, "attempts")).isEqualTo("1");
            assertThat(outbox(address, "last_error")).isNotBlank();
            assertThat(delivery.deliverDue(now.plusSeconds(30))).isZero();
            assertThat(outbox(address, "attempts")).isEqualTo("1");
        } finally {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        assertThat(delivery.deliverDue(Instant.now().plusSeconds(120))).isGreaterThanOrEqualTo(1);
        assertThat(mailsTo(address, "tháng 4/2026")).hasSize(1);
        assertThat(outbox(address, "sent_at")).isNotNull();
    }

    private String withAddress(String classCode, String address) {
        jdbc.sql("update staff set email = ? where id = (select h.staff_id from homeroom_assignment h where h.class_id = ?)")
                .params(address, classId(classCode)).update();
        return address;
    }

    private List<MimeMessage> mailsTo(String address, String about) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address)) && m.getSubject().contains(about)) {
                found.add(m);
            }
        }
        return found;
    }

    private String outbox(String address, String column) {
        return jdbc.sql("select " + column + " from mail_outbox where address = ? order by id desc limit 1").param(address)
                .query(String.class).single();
    }

    private String latest(String user) {
        return messages(user).get(0);
    }

    private List<String> messages(String user) {
        List<String> messages = new ArrayList<>();
        for (JsonNode n : api.get(user, "/api/notifications").body()) {
            messages.add(n.path("message").asText());
        }
        return messages;
    }

    private String homeroomOf(String classCode) {
        return api.get("hieutruong", "/api/classes/" + classId(classCode)).body().path("homeroomTeacher").path("code").asText()
                .toLowerCase();
    }

    private long classId(String code) {
        return jdbc.sql("select id from school_class where code = ? order by id limit 1").param(code).query(Long.class).single();
    }
}
