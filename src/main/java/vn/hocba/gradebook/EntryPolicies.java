package vn.hocba.gradebook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.hocba.schoolyear.SchoolId;

/** The entry policy of each school; the seed 000 rule when the school has not set one. */
@Service
public class EntryPolicies {

    private final JdbcClient jdbc;

    public EntryPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EntryPolicy of(SchoolId school) {
        return jdbc.sql("select regular_decimals, periodic_decimals, max_regular_columns from entry_policy where school_id = ?")
                .param(school.value())
                .query((rs, n) -> new EntryPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional()
                .orElse(EntryPolicy.SEED_000);
    }
}
