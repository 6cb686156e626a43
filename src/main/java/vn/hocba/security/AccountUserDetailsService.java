package vn.hocba.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and the token endpoint; lockouts are {@link ThrottledAuthenticationProvider}'s. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public HocBaUser loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .map(a -> new HocBaUser(a, false))
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }
}
