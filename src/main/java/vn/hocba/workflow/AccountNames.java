package vn.hocba.workflow;

import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;

/**
 * The full name of the person behind an account name, as documents print it (issue 13 item 11: the
 * correction record's "requested, confirmed, approved by" column); the account name itself when no
 * such account exists (a system actor).
 */
@Component
class AccountNames implements UnaryOperator<String> {

    private final Accounts accounts;

    AccountNames(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String apply(String username) {
        return accounts.byUsername(username).map(Account::displayName).orElse(username);
    }
}
