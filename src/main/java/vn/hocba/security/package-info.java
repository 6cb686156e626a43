/**
 * Accounts, login and rights. One account per person (bcrypt hashes, lockout after repeated
 * failures, expiring sessions, bearer tokens for API clients). Roles held by an account are
 * PRINCIPAL, VICE_PRINCIPAL, ADMIN_BOARD, DEPARTMENT_HEAD and CLERK; HOMEROOM_TEACHER and
 * SUBJECT_TEACHER are derived from the assignments of the active school year. What a person may
 * reach is decided on the server for every request by {@link vn.hocba.security.AccessPolicy}.
 */
package vn.hocba.security;
