package vn.hocba.security;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;

/**
 * Writes to the audit log the staff links that migration V60 removed where several accounts
 * shared one staff record (the audit chain is hashed in Java, so the migration left them in
 * {@code account_link_repair}). Runs once per removed link, also when several nodes start at once.
 */
@Component
class AccountLinkRepairs {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AccountLinkRepairs(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Repair(long accountId, String username, long staffId, String keptUsername) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void audit() {
        List<Repair> repairs = jdbc.sql("""
                select r.account_id, a.username, r.staff_id, k.username as kept
                from account_link_repair r join account a on a.id = r.account_id join account k on k.id = r.kept_account_id
                order by r.account_id""")
                .query((rs, n) -> new Repair(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        for (Repair repair : repairs) {
            if (jdbc.sql("delete from account_link_repair where account_id = ?").param(repair.accountId()).update() > 0) {
                audit.append(new AuditRecord(Actor.system("migration V60"), "ACCOUNT_UNLINKED", "account " + repair.username(),
                        "staff id " + repair.staffId(), null,
                        "one account per staff record: the link stays on " + repair.keptUsername(), null));
            }
        }
    }
}
