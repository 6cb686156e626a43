package vn.hocba.schoolyear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The two statements every setup service needs, written once (H2 and PostgreSQL). */
final class Sql {

    private Sql() {
    }

    /** Inserts a row and returns its generated id. */
    static long insert(JdbcClient jdbc, String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** True when {@code countSql} (a {@code select count(*)}) counts at least one row. */
    static boolean exists(JdbcClient jdbc, String countSql, Object... params) {
        return jdbc.sql(countSql).params(params).query(Long.class).single() > 0;
    }
}
