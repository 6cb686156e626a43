package vn.hocba.web.marks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Issue 13, item 17: gv03 teaches only GDCD in 6A1. Over HTTP it reads GDCD's marks and what GDCD
 * still lacks, and the students' names, codes and dates of birth; not the other subjects' marks, the
 * class's results or gradebook, nor national ids, addresses and parents. The homeroom teacher gv01
 * reads everything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubjectTeacherReadsOwnSubjectsOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "subject_teacher_reads");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void gv03ReadsGdcdAndNamesOnlyWhileTheHomeroomTeacherReadsEverything() {
        ApiClient api = new ApiClient(mvc);
        long classId = jdbc.sql("select id from school_class where code = '6A1'").query(Long.class).single();
        long gdcd = subject("GDCD");
        long maths = subject("TOAN");
        String c = "/api/classes/" + classId;

        assertThat(api.get("gv03", c + "/subjects/" + gdcd + "/terms/1/marks").status()).isEqualTo(200);
        Reply otherSubject = api.get("gv03", c + "/subjects/" + maths + "/terms/1/marks");
        assertThat(otherSubject.status()).isEqualTo(403);
        assertThat(otherSubject.detail()).contains("môn Toán", "lớp 6A1").doesNotContain("vn.hocba", "Exception");
        assertThat(api.get("gv03", c + "/subjects/" + maths + "/comments/HK1").status()).isEqualTo(403);
        assertThat(api.get("gv03", c + "/results").status()).isEqualTo(403);
        assertThat(api.get("gv03", c + "/gradebook").status()).isEqualTo(403);
        assertThat(api.get("gv03", c + "/snapshots").status()).isEqualTo(403);
        assertThat(api.get("gv03", c + "/year-end/lists").status()).isEqualTo(403);
        assertThat(api.get("gv03", c + "/homeroom-comments/HK1").status()).isEqualTo(403);

        JsonNode students = api.get("gv03", c + "/students").body();
        assertThat(students.size()).isGreaterThan(30);
        for (JsonNode s : students) {
            JsonNode profile = s.path("student").path("profile");
            assertThat(profile.path("code").asText()).isNotBlank();
            assertThat(profile.path("fullName").asText()).isNotBlank();
            assertThat(profile.hasNonNull("nationalId") || profile.hasNonNull("address") || profile.hasNonNull("father")
                    || profile.hasNonNull("mother") || profile.hasNonNull("guardian")).as(profile.toString()).isFalse();
        }
        JsonNode readiness = api.get("gv03", c + "/readiness?term=2").body();
        assertThat(readiness.size()).isPositive();
        for (JsonNode m : readiness) {
            assertThat(m.path("subject").toString()).as(m.toString()).contains("\"GDCD\"");
        }

        // the homeroom teacher: everything
        assertThat(api.get("gv01", c + "/subjects/" + maths + "/terms/1/marks").status()).isEqualTo(200);
        assertThat(api.get("gv01", c + "/results").status()).isEqualTo(200);
        assertThat(api.get("gv01", c + "/gradebook").status()).isEqualTo(200);
        assertThat(api.get("gv01", c + "/year-end/lists").status()).isEqualTo(200);
        JsonNode full = api.get("gv01", c + "/students").body().get(0).path("student").path("profile");
        assertThat(full.hasNonNull("nationalId") && full.hasNonNull("address")).as(full.toString()).isTrue();
        JsonNode allMissing = api.get("gv01", c + "/readiness?term=2").body();
        assertThat(allMissing.toString()).contains("\"TOAN\"", "\"GDCD\"");
    }

    private long subject(String code) {
        return jdbc.sql("select id from subject where code = ?").param(code).query(Long.class).single();
    }
}
