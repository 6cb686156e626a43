package vn.hocba.web.setup;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/**
 * The setup and school API on real PostgreSQL with the demo school: who may read which class and
 * who may change the setup (role × own/other assignment), and bad input that must change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetupApiOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "setup_api");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    long yearId;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
        yearId = api.get("quantri", "/api/school").body().path("activeYear").path("id").asLong();
    }

    @Test
    void principalSeesAllEightDemoClasses() {
        Reply classes = api.get("hieutruong", "/api/classes");
        assertThat(classes.status()).isEqualTo(200);
        assertThat(codes(classes.body())).containsExactly("6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2");
    }

    @Test
    void subjectTeacherSeesOnlyTheClassesAssignedToThem() {
        // gv11 teaches history (LS-ĐL columns 1-2) in four classes and is no homeroom teacher.
        JsonNode me = api.get("gv11", "/api/me").body();
        Set<Long> own = teachingClassIds(me);
        assertThat(me.path("roles").toString()).contains("SUBJECT_TEACHER").doesNotContain("HOMEROOM_TEACHER");
        List<Long> visible = ids(api.get("gv11", "/api/classes").body());
        assertThat(new HashSet<>(visible)).isEqualTo(own);
        long other = otherClass(own);
        Reply refused = api.get("gv11", "/api/classes/" + other + "/students");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("không được phân công").contains(code(other));
    }

    @Test
    void readingARosterFollowsRolesAndAssignments() {
        long homeroomClass = api.get("gv07", "/api/me").body().path("homerooms").get(0).path("schoolClass").path("id").asLong();
        Set<Long> gv07Classes = teachingClassIds(api.get("gv07", "/api/me").body());
        gv07Classes.add(homeroomClass);
        long notGv07 = otherClass(gv07Classes);
        List<String[]> matrix = List.of(
                new String[] {"hieutruong", "any", "200"}, new String[] {"phohieutruong", "any", "200"},
                new String[] {"quantri", "any", "200"}, new String[] {"vanthu", "any", "200"},
                new String[] {"gv07", "own", "200"}, new String[] {"gv07", "other", "403"});
        List<String> failures = new ArrayList<>();
        for (String[] row : matrix) {
            long target = row[1].equals("other") ? notGv07 : homeroomClass;
            int status = api.get(row[0], "/api/classes/" + target + "/students").status();
            if (status != Integer.parseInt(row[2])) {
                failures.add(row[0] + " reading " + row[1] + " class: " + status + " instead of " + row[2]);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(api.get(null, "/api/classes/" + homeroomClass + "/students").status()).isEqualTo(401);
    }

    @Test
    void onlyTheAdminBoardChangesTheSetup() {
        String body = "{\"code\":\"%s\",\"grade\":6}";
        for (String user : List.of("hieutruong", "phohieutruong", "vanthu", "gv07", "gv11")) {
            Reply refused = api.post(user, "/api/setup/years/" + yearId + "/classes", body.formatted("6Z" + user.length()));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.detail()).contains("Ban quản trị");
        }
        Reply nextYear = api.post("quantri", "/api/setup/years", """
                {"startYear": 2030, "terms": [{"number": 1, "startsOn": "2030-09-05", "endsOn": "2031-01-16"},
                                              {"number": 2, "startsOn": "2031-01-18", "endsOn": "2031-05-31"}]}""");
        assertThat(nextYear.status()).isEqualTo(201);
        long planned = nextYear.body().path("id").asLong();
        Reply created = api.post("quantri", "/api/setup/years/" + planned + "/classes", body.formatted("6A9"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from school_class where school_year_id = ? and code = '6A9'")
                .param(planned).query(Long.class).single()).isEqualTo(1);
    }

    /** Attack 28: a lock names a class of the active year; one of another year was filed and never applied. */
    @Test
    void aClassOfAnotherSchoolYearIsNotLockedUnderTheActiveYear() {
        Reply year = api.post("quantri", "/api/setup/years", """
                {"startYear": 2032, "terms": [{"number": 1, "startsOn": "2032-09-05", "endsOn": "2033-01-16"},
                                              {"number": 2, "startsOn": "2033-01-18", "endsOn": "2033-05-31"}]}""");
        assertThat(year.status()).as(year.toString()).isEqualTo(201);
        Reply created = api.post("quantri", "/api/setup/years/" + year.body().path("id").asLong() + "/classes",
                "{\"code\":\"6K1\",\"grade\":6}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long planned = created.body().path("id").asLong();
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":1,\"classId\":" + planned + ",\"reason\":\"Khoá thử\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(400);
        assertThat(lock.detail()).contains("6K1", "không thuộc năm học đang hoạt động");
        assertThat(jdbc.sql("select count(*) from gradebook_lock where class_id = ?").param(planned).query(Long.class).single())
                .isZero();
    }

    @Test
    void badSetupInputIsRefusedWithASpecificMessageAndChangesNothing() {
        long before = rows();
        long classId = ids(api.get("quantri", "/api/classes").body()).get(0);
        long lsdl = subjectId("LS_DL");
        long teacher = api.get("quantri", "/api/staff").body().get(10).path("id").asLong();
        assertRefused(api.post("quantri", "/api/setup/years/" + yearId + "/classes", "{\"code\":\"7A1\",\"grade\":7}"),
                409, "7A1 đã có");
        assertRefused(api.post("quantri", "/api/setup/classes/" + classId + "/teaching",
                "{\"subjectId\":999999,\"staffId\":" + teacher + "}"), 404, "999999");
        assertRefused(api.post("quantri", "/api/setup/classes/" + classId + "/teaching",
                "{\"subjectId\":" + lsdl + ",\"staffId\":" + teacher + ",\"firstColumn\":2,\"lastColumn\":3}"), 409, "trùng");
        assertRefused(api.post("quantri", "/api/setup/years/" + yearId + "/grade-subjects",
                "{\"grade\":6,\"subjectId\":" + lsdl + "}"), 400, "số tiết");
        assertRefused(api.post("quantri", "/api/setup/subjects", "{\"code\":\"X\",\"name\":\"X\",\"assessment\":\"GRADE\"}"),
                400, "SCORE");
        assertRefused(api.post("quantri", "/api/setup/departments", "{\"code\":\"T1\",\"name\": "), 400, "dòng");
        assertRefused(api.post("quantri", "/api/setup/departments", "{\"code\":\"T1\",\"nam\":\"x\"}"), 400, "nam");
        assertRefused(api.post("quantri", "/api/setup/staff", "{\"code\":\"GV01\",\"fullName\":\"A\",\"position\":\"TEACHER\"}"),
                409, "GV01");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void namesWithControlCharactersOrTooLongAreRefusedNamingTheFieldAndTheLimitNotAsDuplicates() {
        long before = rows() + students() + accounts();
        String staff = "{\"code\":\"GV_MOI\",\"fullName\":\"%s\",\"position\":\"TEACHER\",\"email\":\"%s\"}";
        assertRefused(api.post("quantri", "/api/setup/staff", staff.formatted("Nguyễn\\u0000Văn A", "a@b.vn")), 400, "ký tự điều khiển");
        assertRefused(api.post("quantri", "/api/setup/staff", staff.formatted("Nguyễn\\u0007Văn A", "a@b.vn")), 400, "họ tên");
        assertRefused(api.post("quantri", "/api/setup/staff", staff.formatted("Nguyễn \\ud800 A", "a@b.vn")), 400, "họ tên");
        assertRefused(api.post("quantri", "/api/setup/staff", staff.formatted("Nguyễn Văn A", "a".repeat(195) + "@b.vn.x")), 400,
                "200 ký tự");
        assertRefused(api.post("quantri", "/api/setup/departments", "{\"code\":\"TO_MOI\",\"name\":\"Tổ\\u0000Toán\"}"), 400,
                "tên tổ chuyên môn");
        assertRefused(api.post("quantri", "/api/setup/years/" + yearId + "/classes", "{\"code\":\"LOP12345678\",\"grade\":7}"),
                400, "10 ký tự");
        String student = """
                {"code":"HS_MOI_1","fullName":"%s","sex":"NAM","dateOfBirth":"2013-05-01","placeOfBirth":"%s",
                 "address":"%s","father":{"name":"%s","occupation":"Nông dân"}}""";
        assertRefused(api.post("quantri", "/api/setup/students", student.formatted("A".repeat(101), "Hà Nội", "Hà Nội", "B")), 400,
                "100 ký tự");
        assertRefused(api.post("quantri", "/api/setup/students", student.formatted("Trần B", "H".repeat(201), "Hà Nội", "B")), 400,
                "nơi sinh");
        assertRefused(api.post("quantri", "/api/setup/students", student.formatted("Trần B", "Hà Nội", "x".repeat(301), "B")), 400,
                "300 ký tự");
        assertRefused(api.post("quantri", "/api/setup/students", student.formatted("Trần B", "Hà Nội", "Hà Nội", "Trần\\u0000C")),
                400, "họ tên cha");
        assertRefused(api.post("quantri", "/api/setup/students", student.formatted("Trần\\u001bB", "Hà Nội", "Hà Nội", "C")), 400,
                "ký tự điều khiển");
        String account = "{\"username\":\"moi.gv\",\"password\":\"Mat-khau-dai-2025\",\"displayName\":\"%s\",\"roles\":[\"CLERK\"]}";
        assertRefused(api.post("quantri", "/api/accounts", account.formatted("Đ".repeat(101))), 400, "100 ký tự");
        assertRefused(api.post("quantri", "/api/accounts", account.formatted("Văn\\u0000thư")), 400, "ký tự điều khiển");
        assertThat(rows() + students() + accounts()).isEqualTo(before);
    }

    @Test
    void theNextSchoolYearMovesClassesUpAGradeAndCopiesAssignments() {
        String rollover = """
                {"copyAssignments": true,
                 "terms": [{"number": 1, "startsOn": "2026-09-05", "endsOn": "2027-01-16"},
                           {"number": 2, "startsOn": "2027-01-18", "endsOn": "2027-05-31"}]}""";
        Reply next = api.post("quantri", "/api/setup/years/" + yearId + "/rollover", rollover);
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        long nextYear = next.body().path("id").asLong();
        List<String> moved = jdbc.sql("select code from school_class where school_year_id = ? order by code")
                .param(nextYear).query(String.class).list();
        assertThat(moved).containsExactly("7A1", "7A2", "8A1", "8A2", "9A1", "9A2");
        String homeroomOf6A1 = jdbc.sql("select h.staff_id from homeroom_assignment h join school_class c on c.id = h.class_id "
                + "where c.school_year_id = ? and c.code = '6A1'").param(yearId).query(String.class).single();
        String homeroomOfNew7A1 = jdbc.sql("select h.staff_id from homeroom_assignment h join school_class c on c.id = h.class_id "
                + "where c.school_year_id = ? and c.code = '7A1'").param(nextYear).query(String.class).single();
        assertThat(homeroomOfNew7A1).isEqualTo(homeroomOf6A1);
        long copied = jdbc.sql("select count(*) from teaching_assignment t join school_class c on c.id = t.class_id "
                + "where c.school_year_id = ?").param(nextYear).query(Long.class).single();
        long sourceWithoutGrade9 = jdbc.sql("select count(*) from teaching_assignment t join school_class c on c.id = t.class_id "
                + "where c.school_year_id = ? and c.grade < 9").param(yearId).query(Long.class).single();
        assertThat(copied).isEqualTo(sourceWithoutGrade9);
        assertRefused(api.post("quantri", "/api/setup/years/" + yearId + "/rollover", rollover), 409, "2026-2027 đã có");
    }

    @Test
    void readinessListsExactlyWhatIsMissingAndProgressShowsEachTeachersShare() {
        long nineA2 = jdbc.sql("select id from school_class where code = '9A2' and school_year_id = ?").param(yearId)
                .query(Long.class).single();
        long nineA1 = jdbc.sql("select id from school_class where code = '9A1' and school_year_id = ?").param(yearId)
                .query(Long.class).single();
        JsonNode missing = api.get("hieutruong", "/api/classes/" + nineA2 + "/readiness?term=1").body();
        assertThat(missing.size()).isEqualTo(2);
        missing.forEach(m -> assertThat(m.path("message").asText()).contains("Toán").contains("HK I"));
        assertThat(api.get("hieutruong", "/api/classes/" + nineA1 + "/readiness?term=1").body().size()).isZero();
        assertThat(api.get("hieutruong", "/api/classes/" + nineA1 + "/readiness?term=2").body().size()).isGreaterThan(0);

        JsonNode own = api.get("gv11", "/api/progress?term=1").body();
        assertThat(own.size()).isEqualTo(4);
        own.forEach(line -> {
            assertThat(line.path("teacherCode").asText()).isEqualTo("GV11");
            assertThat(line.path("share").decimalValue()).isEqualByComparingTo("1.000");
        });
        JsonNode termTwo = api.get("hieutruong", "/api/progress?term=2").body();
        assertThat(termTwo.size()).isGreaterThan(90);
        termTwo.forEach(line -> assertThat(line.path("share").decimalValue()).isLessThan(java.math.BigDecimal.ONE));
    }

    private static void assertRefused(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.detail()).as(reply.toString()).contains(messagePart);
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from school_class) + (select count(*) from teaching_assignment) "
                + "+ (select count(*) from grade_subject) + (select count(*) from subject) + (select count(*) from department) "
                + "+ (select count(*) from staff)").query(Long.class).single();
    }

    private long students() {
        return jdbc.sql("select count(*) from student").query(Long.class).single();
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    private long subjectId(String code) {
        return jdbc.sql("select id from subject where code = ?").param(code).query(Long.class).single();
    }

    private String code(long classId) {
        return jdbc.sql("select code from school_class where id = ?").param(classId).query(String.class).single();
    }

    private long otherClass(Set<Long> own) {
        return ids(api.get("hieutruong", "/api/classes").body()).stream().filter(id -> !own.contains(id)).findFirst()
                .orElseThrow();
    }

    private static Set<Long> teachingClassIds(JsonNode me) {
        Set<Long> ids = new HashSet<>();
        me.path("teaching").forEach(t -> ids.add(t.path("schoolClass").path("id").asLong()));
        return ids;
    }

    private static List<Long> ids(JsonNode classes) {
        List<Long> ids = new ArrayList<>();
        classes.forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    private static List<String> codes(JsonNode classes) {
        List<String> codes = new ArrayList<>();
        classes.forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }
}
