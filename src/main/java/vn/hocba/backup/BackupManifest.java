package vn.hocba.backup;

import java.util.List;

/**
 * {@code manifest.json}, the last entry of a backup zip ({@code hocba.backup/1}).
 *
 * @param format      {@value #FORMAT}
 * @param created     when the backup was made (ISO-8601, UTC)
 * @param database    {@code h2} or {@code postgresql}
 * @param auditHead   the newest audit entry in the database copy; checkpoints past it are left out
 * @param includesKeys whether the development PKI's keys are in it ({@code --include-keys})
 * @param entries     every other entry of the zip with its size and SHA-256
 */
public record BackupManifest(String format, String created, String database, long auditHead, boolean includesKeys,
        List<BackupEntry> entries) {

    public static final String FORMAT = "hocba.backup/1";
    public static final String NAME = "manifest.json";
}
