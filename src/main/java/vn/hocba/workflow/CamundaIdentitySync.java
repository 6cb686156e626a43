package vn.hocba.workflow;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;

/**
 * Gives the principal and the admin board their Camunda identities: a Camunda user per account
 * (same id, a random password never used: they log in through HocBa, see {@link CamundaWebappLogin}),
 * the admin board in {@code camunda-admin} (Cockpit, when switched on; read-only, see security), and
 * each in a group named after their role,
 * which the models use as candidate group (e.g. Task_PrincipalApprove → principal). Runs at every
 * start, after the demo school is created.
 */
@Component
class CamundaIdentitySync {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CamundaIdentitySync.class);

    private final IdentityService identity;
    private final Accounts accounts;

    CamundaIdentitySync(IdentityService identity, Accounts accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncAtStart() {
        try {
            sync();
        } catch (RuntimeException e) {
            // Another node sharing the database may be doing the same at this moment; the next start completes it.
            log.warn("Camunda identities not fully synchronised: {}", e.getMessage());
        }
    }

    void sync() {
        group(Groups.CAMUNDA_ADMIN, "Camunda administrators");
        for (Role role : new Role[] {Role.PRINCIPAL, Role.ADMIN_BOARD, Role.VICE_PRINCIPAL, Role.CLERK}) {
            group(groupOf(role), role.title());
            for (Account account : accounts.withRole(role)) {
                user(account);
                member(account.username(), groupOf(role));
                if (role == Role.ADMIN_BOARD) {
                    member(account.username(), Groups.CAMUNDA_ADMIN);
                }
            }
        }
    }

    /** Camunda's id of the group of a role, e.g. {@code principal} (Camunda ids allow only letters and digits). */
    static String groupOf(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
    }

    private void user(Account account) {
        if (identity.createUserQuery().userId(account.username()).singleResult() == null) {
            User user = identity.newUser(account.username());
            user.setFirstName(account.displayName());
            user.setLastName("");
            user.setPassword(UUID.randomUUID().toString());
            identity.saveUser(user);
        }
    }

    private void member(String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }
}
