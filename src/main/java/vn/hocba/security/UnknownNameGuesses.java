package vn.hocba.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wrong logins with a username that has no account, counted as {@link LoginLockout} counts them for a
 * real one, so that the answers do not tell whether a username exists: five from one address lock that
 * address, twenty from all addresses lock the name (an unknown name has no address it logged in from),
 * forgotten {@link Accounts#LOCKOUT} after the last failure. Each guess <em>claims</em> its failure before
 * the password is compared, with one atomic {@code UPDATE … WHERE failures < limit} (a password for a name
 * without an account is always wrong, so the claim is the failure): 40 guesses sent at once get five
 * answers "wrong password" and 35 "locked", as for a real account.
 *
 * <p>In the database ({@code unknown_login_name}), shared by every node as {@code login_throttle} is:
 * counted in each node's memory, N nodes gave an attacker 5 × N guesses per name before "locked" while a
 * real account's count is shared. A row starts afresh once its last failure is {@link Accounts#LOCKOUT}
 * old; such rows are deleted as new failures come, so the table holds the last quarter hour's names.
 */
@Component
class UnknownNameGuesses {

    /** The address of the row that counts a name's failures from all addresses (no client address is "*"). */
    static final String ALL_ADDRESSES = "*";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    UnknownNameGuesses(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts one failed guess of {@code username} from {@code address} (committed before the password is
     * compared); false when that address, or every address, is locked out of the name: the guess is then
     * answered as for a locked account and nothing is counted.
     */
    boolean claim(String username, String address) {
        String name = cut(username);
        String from = address == null ? "unknown" : cut(address);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime aged = now.minus(Accounts.LOCKOUT);
        insertRowIfAbsent(name, from, now, aged);
        insertRowIfAbsent(name, ALL_ADDRESSES, now, aged);
        return Boolean.TRUE.equals(newTransaction.execute(status -> {
            if (!claimOn(name, from, Accounts.MAX_FAILED_LOGINS, now, aged)) {
                return false;
            }
            if (!claimOn(name, ALL_ADDRESSES, LoginLockout.MAX_FAILED_FROM_NEW_ADDRESSES, now, aged)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** One more failure on the row, unless it holds {@code limit} already; an aged row starts from nought. */
    private boolean claimOn(String name, String address, int limit, OffsetDateTime now, OffsetDateTime aged) {
        return jdbc.sql("update unknown_login_name set failures = case when last_failed_at <= ? then 1 else failures + 1 end, "
                + "last_failed_at = ? where username = ? and address = ? and (failures < ? or last_failed_at <= ?)")
                .params(aged, now, name, address, limit, aged).update() > 0;
    }

    /** A concurrent first guess may insert the row too: the loser's duplicate is harmless. */
    private void insertRowIfAbsent(String name, String address, OffsetDateTime now, OffsetDateTime aged) {
        try {
            newTransaction.executeWithoutResult(status -> {
                if (jdbc.sql("insert into unknown_login_name (username, address, failures, last_failed_at) "
                        + "select ?, ?, 0, ? where not exists (select 1 from unknown_login_name where username = ? and address = ?)")
                        .params(name, address, now, name, address).update() > 0) {
                    jdbc.sql("delete from unknown_login_name where last_failed_at <= ?").param(aged).update();
                }
            });
        } catch (DuplicateKeyException raced) {
            // the other guess created it; claim on it
        }
    }

    /** As accounts are looked up: the name exactly as typed, cut to the column. */
    private static String cut(String text) {
        String s = text == null ? "" : text;
        return s.length() <= 100 ? s : s.substring(0, 100);
    }
}
