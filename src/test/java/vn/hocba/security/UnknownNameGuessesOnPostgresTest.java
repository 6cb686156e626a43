package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.support.AtOnce;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wrong logins with a name that has no account are counted in PostgreSQL, shared by the nodes as a real
 * account's are (session 29; attack 28 found them per node: N nodes, 5 × N guesses), and answered as for a
 * real account: guesses sent at once get exactly five password checks, and a quiet quarter hour forgets them.
 */
class UnknownNameGuessesOnPostgresTest extends AccountsOnPostgres {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void guessesOnAnotherNodeCountTowardsTheSameLockout() {
        UnknownNameGuesses otherNode = new UnknownNameGuesses(jdbc, clock, transactions);
        for (int i = 0; i < 3; i++) {
            assertThat(tokenRequest("khong.co.ai.1", "doan-" + i, "10.9.0.1").status()).isEqualTo(401);
        }
        assertThat(otherNode.claim("khong.co.ai.1", "10.9.0.1")).isTrue();
        assertThat(otherNode.claim("khong.co.ai.1", "10.9.0.1")).isTrue();

        Reply sixth = tokenRequest("khong.co.ai.1", "doan-6", "10.9.0.1");
        assertThat(sixth.status()).as("the sixth guess in all, the fourth on this node").isEqualTo(403);
        assertThat(sixth.detail()).contains("tạm khoá 15 phút");
        assertThat(otherNode.claim("khong.co.ai.1", "10.9.0.1")).as("locked on the other node too").isFalse();
        assertThat(tokenRequest("khong.co.ai.1", "doan-7", "10.9.0.2").status()).as("another address").isEqualTo(401);
    }

    @Test
    void fortyGuessesAtOnceGetFivePasswordChecksAsARealAccountDoes() throws Exception {
        List<Reply> unknown = AtOnce.call(40, () -> tokenRequest("khong.co.ai.2", "doan-mat-khau", "10.9.1.1"));
        List<Reply> real = AtOnce.call(40, () -> tokenRequest("gv25", "doan-mat-khau", "10.9.1.2"));

        for (List<Reply> replies : List.of(unknown, real)) {
            assertThat(replies.stream().filter(r -> r.status() == 401).count()).isEqualTo(Accounts.MAX_FAILED_LOGINS);
            assertThat(replies.stream().filter(r -> r.status() == 403 && r.detail().contains("tạm khoá 15 phút")).count())
                    .isEqualTo(40 - Accounts.MAX_FAILED_LOGINS);
        }
    }

    @Test
    void twentyFromManyAddressesLockTheNameForEveryAddress() {
        for (int i = 0; i < LoginLockout.MAX_FAILED_FROM_NEW_ADDRESSES; i++) {
            assertThat(tokenRequest("khong.co.ai.3", "doan", "10.9.2." + i).status()).as("guess " + (i + 1)).isEqualTo(401);
        }
        assertThat(tokenRequest("khong.co.ai.3", "doan", "10.9.3.1").status()).isEqualTo(403);
    }

    @Test
    void aQuietQuarterHourForgetsTheGuessesAndTheirRows() {
        Hands hands = new Hands(Instant.now().plus(Duration.ofDays(1)));
        UnknownNameGuesses node = new UnknownNameGuesses(jdbc, hands, transactions);
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            assertThat(node.claim("khong.co.ai.4", "10.9.4.1")).isTrue();
        }
        assertThat(node.claim("khong.co.ai.4", "10.9.4.1")).isFalse();
        hands.now = hands.now.plus(Accounts.LOCKOUT).minusSeconds(1);
        assertThat(node.claim("khong.co.ai.4", "10.9.4.1")).as("still locked").isFalse();
        hands.now = hands.now.plusSeconds(1);
        assertThat(node.claim("khong.co.ai.4", "10.9.4.1")).as("forgotten after the lockout without a try").isTrue();

        hands.now = hands.now.plus(Accounts.LOCKOUT);
        assertThat(node.claim("khong.co.ai.5", "10.9.4.1")).isTrue();
        assertThat(jdbc.sql("select count(*) from unknown_login_name where username = 'khong.co.ai.4'").query(Long.class)
                .single()).as("aged rows are deleted as new guesses come").isZero();
    }


    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now;

        Hands(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
