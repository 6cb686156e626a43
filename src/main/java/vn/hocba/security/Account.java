package vn.hocba.security;

import java.time.Instant;
import java.util.Set;
import vn.hocba.schoolyear.StaffId;

/** A person's account. {@code passwordHash} is a bcrypt hash; {@code lockedUntil} is set after failed logins. */
public record Account(AccountId id, String username, String passwordHash, String displayName, StaffId staffId,
        Set<Role> roles, boolean enabled, int failedLogins, Instant lockedUntil) {
}
