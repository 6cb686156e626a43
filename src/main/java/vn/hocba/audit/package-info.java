/**
 * The audit log: every change to marks, conduct, attendance, locks, corrections, accounts and
 * documents is appended by {@link vn.hocba.audit.AuditLog} in the transaction of the change.
 * Entries are hash-chained and append-only (a database trigger refuses UPDATE and DELETE);
 * {@link vn.hocba.audit.AuditCheckpoints} anchors the chain's head outside the database (checkpoints
 * signed with the school seal and time-stamped, under the data directory or, with
 * {@code hocba.storage.type=s3}, in the shared object store) at every lock, signing batch
 * and daily; {@link vn.hocba.audit.AuditVerifier} reports the first broken link and what was changed,
 * removed or inserted since a checkpoint. Depends on the signing library (seal, TSA, trust anchors) and
 * the object store.
 */
package vn.hocba.audit;
