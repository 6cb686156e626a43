/**
 * The audit log: every change to marks, conduct, attendance, locks, corrections, accounts and
 * documents is appended by {@link vn.hocba.audit.AuditLog} in the transaction of the change.
 * Entries are hash-chained and append-only (a database trigger refuses UPDATE and DELETE);
 * {@link vn.hocba.audit.AuditVerifier} reports the first broken link. A leaf module.
 */
package vn.hocba.audit;
