package vn.hocba.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;

/**
 * Throttles password guessing without handing anyone a way to lock a person out.
 *
 * <p>Every password check first <em>claims</em> an attempt with one atomic {@code UPDATE … SET
 * failures = failures + 1 … WHERE failures < limit} on the row of (account, client address); the
 * database's row lock makes parallel requests take turns, so 40 guesses sent at once get
 * {@value Accounts#MAX_FAILED_LOGINS} password checks and 35 refusals. A wrong password keeps its
 * claim, the right one clears the row. The {@value Accounts#MAX_FAILED_LOGINS}th failure locks that
 * address out of that account for {@link Accounts#LOCKOUT}; other addresses are not affected, so
 * guessing from one machine cannot lock the principal out of theirs.
 *
 * <p>Guesses spread over many addresses are capped per account: addresses from which the account
 * has not logged in within {@link #KNOWN_FOR} also claim on the account row, and after
 * {@value #MAX_FAILED_FROM_NEW_ADDRESSES} failures from such addresses the account is locked for
 * new addresses only; the person still logs in from the machines they used before.
 *
 * <p>A lockout never ends sessions or revokes tokens (it is about guessing, not about the person).
 * Counts age out when no attempt came for {@link Accounts#LOCKOUT}. The client address is
 * {@code request.getRemoteAddr()}: behind a reverse proxy configure Tomcat's RemoteIpValve
 * (trusted proxies) so that it is the client's; {@code X-Forwarded-For} is never read here.
 */
@Component
class LoginLockout {

    /** Failures from addresses the account never logged in from that lock it for such addresses. */
    static final int MAX_FAILED_FROM_NEW_ADDRESSES = 20;
    /** How long an address the account logged in from stays "known". */
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate newTransaction;

    LoginLockout(JdbcClient jdbc, Clock clock, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One claimed password check: {@code known} when the account logged in from this address before. */
    record Attempt(Account account, String address, boolean known) {
    }

    /**
     * Claims one password check for {@code account} from {@code address} (committed at once, before
     * the password is compared); empty when that address, or new addresses, are locked out.
     */
    Optional<Attempt> claim(Account account, String address) {
        String from = address == null ? "unknown" : address.substring(0, Math.min(address.length(), 100));
        insertRowIfAbsent(account, from);
        return Optional.ofNullable(newTransaction.execute(status -> claimInTransaction(account, from)));
    }

    /** The password was wrong: the claim stays counted; the last allowed failure locks and is audited. */
    void failed(Attempt attempt) {
        newTransaction.executeWithoutResult(status -> {
            OffsetDateTime now = now();
            OffsetDateTime until = now.plus(Accounts.LOCKOUT);
            long id = attempt.account().id().value();
            String username = attempt.account().username();
            if (jdbc.sql("update login_throttle set locked_until = ? where account_id = ? and address = ? "
                    + "and failures >= ? and locked_until is null")
                    .params(until, id, attempt.address(), Accounts.MAX_FAILED_LOGINS).update() > 0) {
                audit.append(new AuditRecord(new Actor("system:login", null, attempt.address()), "ACCOUNT_LOCKED",
                        "account " + username, null, "locked for " + Accounts.LOCKOUT + " from " + attempt.address(),
                        Accounts.MAX_FAILED_LOGINS + " failed logins in a row from this address", null));
            }
            if (!attempt.known() && jdbc.sql("update account set locked_until = ? where id = ? and failed_logins >= ? "
                    + "and locked_until is null").params(until, id, MAX_FAILED_FROM_NEW_ADDRESSES).update() > 0) {
                audit.append(new AuditRecord(new Actor("system:login", null, attempt.address()), "ACCOUNT_LOCKED",
                        "account " + username, null, "locked for " + Accounts.LOCKOUT + " from new addresses",
                        MAX_FAILED_FROM_NEW_ADDRESSES + " failed logins from addresses never used by the account", null));
            }
        });
    }

    /** The password was right: this address starts afresh and becomes known. */
    void succeeded(Attempt attempt) {
        newTransaction.executeWithoutResult(status -> {
            long id = attempt.account().id().value();
            jdbc.sql("update login_throttle set failures = 0, locked_until = null, last_success_at = ? "
                    + "where account_id = ? and address = ?").params(now(), id, attempt.address()).update();
            jdbc.sql("update account set failed_logins = 0 where id = ? and locked_until is null").param(id).update();
        });
    }

    /** The password was never compared (a disabled account): the claim is given back. */
    void released(Attempt attempt) {
        newTransaction.executeWithoutResult(status -> {
            long id = attempt.account().id().value();
            jdbc.sql("update login_throttle set failures = failures - 1 where account_id = ? and address = ? and failures > 0")
                    .params(id, attempt.address()).update();
            if (!attempt.known()) {
                jdbc.sql("update account set failed_logins = failed_logins - 1 where id = ? and failed_logins > 0")
                        .param(id).update();
            }
        });
    }

    /** True while some address, or every new address, is locked out of {@code account}. */
    boolean isLocked(Account account) {
        OffsetDateTime now = now();
        return account.lockedUntil() != null && account.lockedUntil().isAfter(now.toInstant())
                || jdbc.sql("select count(*) from login_throttle where account_id = ? and locked_until > ?")
                        .params(account.id().value(), now).query(Long.class).single() > 0;
    }

    private Attempt claimInTransaction(Account account, String address) {
        OffsetDateTime now = now();
        OffsetDateTime aged = now.minus(Accounts.LOCKOUT);
        long id = account.id().value();
        jdbc.sql("update login_throttle set failures = 0, locked_until = null where account_id = ? and address = ? "
                + "and (locked_until <= ? or (locked_until is null and last_attempt_at <= ?))")
                .params(id, address, now, aged).update();
        if (jdbc.sql("update login_throttle set failures = failures + 1, last_attempt_at = ? where account_id = ? "
                + "and address = ? and failures < ? and locked_until is null")
                .params(now, id, address, Accounts.MAX_FAILED_LOGINS).update() == 0) {
            return null;
        }
        boolean known = jdbc.sql("select count(*) from login_throttle where account_id = ? and address = ? "
                + "and last_success_at > ?").params(id, address, now.minus(KNOWN_FOR)).query(Long.class).single() > 0;
        if (!known && !claimForNewAddress(id, now, aged)) {
            jdbc.sql("update login_throttle set failures = failures - 1 where account_id = ? and address = ?")
                    .params(id, address).update();
            return null;
        }
        return new Attempt(account, address, known);
    }

    private boolean claimForNewAddress(long id, OffsetDateTime now, OffsetDateTime aged) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ? "
                + "and (locked_until <= ? or (locked_until is null and failed_login_at <= ?))").params(id, now, aged).update();
        return jdbc.sql("update account set failed_logins = failed_logins + 1, failed_login_at = ? where id = ? "
                + "and failed_logins < ? and locked_until is null")
                .params(now, id, MAX_FAILED_FROM_NEW_ADDRESSES).update() > 0;
    }

    /** A concurrent first attempt may insert the row too: the loser's duplicate is harmless. */
    private void insertRowIfAbsent(Account account, String address) {
        long id = account.id().value();
        try {
            newTransaction.executeWithoutResult(status -> {
                if (jdbc.sql("insert into login_throttle (account_id, address, failures) select ?, ?, 0 where not exists "
                        + "(select 1 from login_throttle where account_id = ? and address = ?)")
                        .params(id, address, id, address).update() > 0) {
                    jdbc.sql("delete from login_throttle where account_id = ? and failures = 0 and locked_until is null "
                            + "and coalesce(last_success_at, last_attempt_at) < ?").params(id, now().minus(KNOWN_FOR)).update();
                }
            });
        } catch (DuplicateKeyException raced) {
            // the other request created it; claim on it
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
