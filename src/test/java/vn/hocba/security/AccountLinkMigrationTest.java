package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.hocba.support.EmbeddedPostgresDatabases;
import java.util.stream.Collectors;

/**
 * Issue 13 item 5, existing data: an installation where two or three accounts share one staff
 * record keeps one link (the account without the admin board role, then the oldest), drops the
 * others and then holds at most one account per staff record.
 */
class AccountLinkMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void duplicateLinksAreReducedToOneAndRecordedForTheAuditLog(String vendor) {
        DriverManagerDataSource db = vendor.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:account_links;DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabases.create("account_links"), "postgres", "postgres");
        flyway(db, lastBefore60(db)).migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("insert into school (code, name, province, level) values ('T1', 'Trường', 'Tỉnh', 'THCS')").update();
        long school = jdbc.sql("select id from school").query(Long.class).single();
        long teacher = staff(jdbc, school, "GV01");
        long other = staff(jdbc, school, "GV02");
        long adminCopy = account(jdbc, "admin.copy", teacher, "ADMIN_BOARD");
        long real = account(jdbc, "gv01", teacher, null);
        long copy = account(jdbc, "gv01.copy", teacher, null);
        long single = account(jdbc, "gv02", other, null);

        flyway(db, "latest").migrate();

        Map<Long, Long> links = jdbc.sql("select id, staff_id from account where staff_id is not null")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(links).containsOnly(Map.entry(real, teacher), Map.entry(single, other));
        assertThat(jdbc.sql("select account_id from account_link_repair order by account_id").query(Long.class).list())
                .containsExactly(adminCopy, copy);
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(4);
        assertThatThrownBy(() -> jdbc.sql("update account set staff_id = ? where id = ?").params(teacher, copy).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private static Flyway flyway(DriverManagerDataSource db, String target) {
        String vendor = db.getUrl().startsWith("jdbc:h2") ? "h2" : "postgresql";
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .target(target).load();
    }

    /** The newest migration older than V60 (others may be added below it on other branches). */
    private static String lastBefore60(DriverManagerDataSource db) {
        return java.util.Arrays.stream(flyway(db, "latest").info().all())
                .map(m -> m.getVersion()).filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("60")) < 0)
                .max(Comparable::compareTo).orElseThrow().getVersion();
    }

    private static long staff(JdbcClient jdbc, long school, String code) {
        jdbc.sql("insert into staff (school_id, code, full_name, position) values (?, ?, ?, 'TEACHER')")
                .params(school, code, "Giáo viên " + code).update();
        return jdbc.sql("select id from staff where code = ?").param(code).query(Long.class).single();
    }

    private static long account(JdbcClient jdbc, String username, long staff, String role) {
        jdbc.sql("insert into account (username, password_hash, staff_id, display_name, enabled, failed_logins) "
                + "values (?, 'x', ?, ?, true, 0)").params(username, staff, username).update();
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        if (role != null) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role).update();
        }
        return id;
    }
}
