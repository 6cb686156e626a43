package vn.hocba.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log by kind of target, newest first (the admin board's "account changes"). */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} entries whose target starts with {@code targetPrefix} ("account "), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(String targetPrefix, int limit) {
        return jdbc.sql("select * from audit_entry where target like ? order by id desc limit " + Math.max(1, limit))
                .param(targetPrefix.replace("%", "") + "%").query(AuditLog::row).list();
    }
}
