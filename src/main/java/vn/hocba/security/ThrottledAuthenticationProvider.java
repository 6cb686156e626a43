package vn.hocba.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username and password logins (login page and token endpoint): the password is compared only
 * after {@link LoginLockout} granted an attempt for this account from this client address.
 * Unknown usernames go to the password check, which compares against a dummy hash so that the
 * answer takes as long as for a real account, and are locked out alike ({@link UnknownNameGuesses}). Comparisons take
 * turns ({@link PasswordCheckTurns}) so that logins cannot take every core from the pages.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final Accounts accounts;
    private final LoginLockout lockout;
    private final UnknownNameGuesses unknownNames;
    private final PasswordCheckTurns turns;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, Accounts accounts, LoginLockout lockout,
            UnknownNameGuesses unknownNames, PasswordCheckTurns turns) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.lockout = lockout;
        this.unknownNames = unknownNames;
        this.turns = turns;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        Optional<Account> account = request.getName() == null ? Optional.empty() : accounts.byUsername(request.getName());
        if (account.isEmpty()) {
            if (!unknownNames.claim(request.getName(), clientAddress(request))) {
                throw new LockedException("Too many failed logins for " + request.getName());
            }
            return compared(request); // against a dummy hash: wrong, as counted
        }
        LoginLockout.Attempt attempt = lockout.claim(account.get(), clientAddress(request))
                .orElseThrow(() -> new LockedException("Too many failed logins for " + request.getName()));
        Authentication result;
        try {
            result = compared(request);
        } catch (BadCredentialsException wrong) {
            lockout.failed(attempt);
            throw wrong;
        } catch (RuntimeException notCompared) {
            lockout.released(attempt);
            throw notCompared;
        }
        lockout.succeeded(attempt);
        return result;
    }

    /** The password compared with the hash in a turn ({@link PasswordCheckTurns}). */
    private Authentication compared(Authentication request) {
        return turns.take(() -> passwords.authenticate(request));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** {@code request.getRemoteAddr()} of the login request; never a client-supplied header. */
    static String clientAddress(Authentication request) {
        if (request.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
