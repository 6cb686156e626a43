package vn.hocba.web;

import org.springframework.stereotype.Component;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;

/**
 * Who did something, as a page names them: the person's full name from the school's records with the account
 * name after it ("Đỗ Thị Hạnh (gv04)"), as Duyệt names people; the account name alone when no account has it
 * (a system actor).
 */
@Component
public class PersonNames {

    private final Accounts accounts;

    PersonNames(Accounts accounts) {
        this.accounts = accounts;
    }

    /** "Đỗ Thị Hạnh (gv04)". */
    public String of(String username) {
        return accounts.byUsername(username).map(Account::displayName).filter(n -> !n.isBlank() && !n.equals(username))
                .map(n -> n + " (" + username + ")").orElse(username);
    }
}
