package vn.hocba.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and bearer tokens. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public HocBaUser loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .map(a -> new HocBaUser(a, accounts.isLocked(a)))
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }
}
