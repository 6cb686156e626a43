package vn.hocba.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins and locks an account after {@value Accounts#MAX_FAILED_LOGINS} in a row. */
@Component
class LoginLockout {

    private final Accounts accounts;

    LoginLockout(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof HocBaUser user) {
            accounts.recordSuccessfulLogin(user.getUsername());
        }
    }
}
