/**
 * Backup and restore of a whole installation (issue 18 item 5): the database (H2's online
 * {@code BACKUP TO}, or {@code pg_dump} of PostgreSQL in one snapshot) together with the files of
 * the data directory (issued documents, signed files, export packages, audit checkpoints), keys
 * only when asked, in one zip with a manifest of SHA-256 per entry. {@link vn.hocba.backup.InstallationBackup}
 * writes it, {@link vn.hocba.backup.InstallationRestore} brings it back into an empty installation.
 * Files are read and written through {@link vn.hocba.backup.InstallationFiles}, so that a document store
 * other than the data directory (an S3-compatible store) can be backed up by another implementation.
 * No Spring: the command line builds it from the installation's settings.
 */
package vn.hocba.backup;
