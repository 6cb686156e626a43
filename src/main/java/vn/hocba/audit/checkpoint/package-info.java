/**
 * Checkpoints of the audit chain kept outside the database ({@code ${hocba.data-dir}/audit-checkpoints}):
 * the document ({@link vn.hocba.audit.checkpoint.CheckpointDocument}, JSON), its CAdES detached
 * signature by the school seal with a signature time-stamp and a separate RFC 3161 time-stamp of the
 * JSON ({@link vn.hocba.audit.checkpoint.CheckpointSignature}), where they lie
 * ({@link vn.hocba.audit.checkpoint.CheckpointFiles}: a folder, {@link vn.hocba.audit.checkpoint.CheckpointDirectory},
 * or the object store, {@link vn.hocba.audit.checkpoint.CheckpointObjects}) and which seal and TSA make them
 * ({@link vn.hocba.audit.checkpoint.CheckpointSeal}). Internal to the audit module.
 */
package vn.hocba.audit.checkpoint;
