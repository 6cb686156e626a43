package vn.hocba.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a backup or a restore did.
 *
 * @param file     the backup file
 * @param manifest its manifest
 * @param perArea  files per area (documents, signed, exports, audit-checkpoints, pki)
 * @param notes    files left out (keys without {@code --include-keys}, checkpoints newer than the database copy)
 *                 and folders of the data directory the backup does not know
 */
public record BackupSummary(Path file, BackupManifest manifest, Map<String, Integer> perArea, List<String> notes) {

    /** The size of every entry together. */
    public long bytes() {
        return manifest.entries().stream().mapToLong(BackupEntry::size).sum();
    }
}
