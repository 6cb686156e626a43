package vn.hocba.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Sha256;

/**
 * Bearer tokens for API clients that are not browsers. A token is 32 random bytes; only its
 * SHA-256 is stored, so a database dump does not reveal usable tokens. Tokens expire after
 * {@link #LIFETIME}. Browsers never send them on their own, so bearer requests need no CSRF token.
 * Every request looks its token up in the database (shared by all nodes), so a revoked token is
 * refused at once everywhere.
 */
@Service
@Transactional
public class ApiTokens {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account; the caller shows it once and it is never stored in clear. */
    public IssuedToken issue(AccountId account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("delete from api_token where expires_at < ?").param(now).update();
        jdbc.sql("insert into api_token (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
                .params(account.value(), sha256(token), now, now.plus(LIFETIME)).update();
        return new IssuedToken(token, now.plus(LIFETIME).toInstant());
    }

    /** The account of a valid, unexpired token. */
    public Optional<AccountId> accountOf(String token) {
        return jdbc.sql("select account_id from api_token where token_hash = ? and expires_at > ?")
                .params(sha256(token), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class).optional().map(AccountId::new);
    }

    /** Revokes one token (the client's own, on {@code DELETE /api/auth/token}); unknown tokens are ignored. */
    public void revoke(String token) {
        jdbc.sql("delete from api_token where token_hash = ?").param(sha256(token)).update();
    }

    /** Revokes every token of {@code account}: logout, password change, account disabled. */
    public void revokeAll(AccountId account) {
        jdbc.sql("delete from api_token where account_id = ?").param(account.value()).update();
    }

    public record IssuedToken(String token, java.time.Instant expiresAt) {
    }

    private static String sha256(String token) {
        return Sha256.hex(token);
    }
}
