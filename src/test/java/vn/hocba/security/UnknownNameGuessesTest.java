package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Names without an account are counted as {@link LoginLockout} counts real ones (attack 28). */
class UnknownNameGuessesTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");

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

    @Test
    void fiveFromOneAddressLockThatAddressForFifteenQuietMinutes() {
        Hands clock = new Hands();
        UnknownNameGuesses guesses = new UnknownNameGuesses(clock);
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            assertThat(guesses.allowed("khong.co", "10.0.0.1")).isTrue();
            guesses.failed("khong.co", "10.0.0.1");
        }
        assertThat(guesses.allowed("khong.co", "10.0.0.1")).isFalse();
        assertThat(guesses.allowed("khong.co", "10.0.0.2")).as("another address").isTrue();
        assertThat(guesses.allowed("KHONG.CO", "10.0.0.1")).as("another name, as accounts are looked up").isTrue();
        clock.now = clock.now.plus(Accounts.LOCKOUT).minus(Duration.ofSeconds(1));
        assertThat(guesses.allowed("khong.co", "10.0.0.1")).isFalse();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(guesses.allowed("khong.co", "10.0.0.1")).as("forgotten after the lockout without a try").isTrue();
    }

    @Test
    void twentyFromManyAddressesLockTheNameForEveryAddress() {
        UnknownNameGuesses guesses = new UnknownNameGuesses(new Hands());
        for (int i = 0; i < LoginLockout.MAX_FAILED_FROM_NEW_ADDRESSES; i++) {
            assertThat(guesses.allowed("khong.co", "10.0.1." + i)).isTrue();
            guesses.failed("khong.co", "10.0.1." + i);
        }
        assertThat(guesses.allowed("khong.co", "10.0.2.1")).isFalse();
    }

    @Test
    void theMemoryHoldsABoundedNumberOfNamesTheOldestGoingFirst() {
        UnknownNameGuesses guesses = new UnknownNameGuesses(new Hands());
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            guesses.failed("dau.tien", "10.0.0.1");
        }
        for (int n = 0; n < UnknownNameGuesses.MAX_NAMES; n++) {
            guesses.failed("ten." + n, "10.0.0.1");
        }
        assertThat(guesses.allowed("dau.tien", "10.0.0.1")).as("the oldest name made room").isTrue();
        assertThat(guesses.allowed("ten." + (UnknownNameGuesses.MAX_NAMES - 1), "10.0.0.1")).isTrue();
    }
}
