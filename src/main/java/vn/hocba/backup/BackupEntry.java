package vn.hocba.backup;

/**
 * One file in a backup: its path inside the zip ({@code database/…} or {@code files/<area>/…}),
 * size in bytes and SHA-256 (hex).
 */
public record BackupEntry(String path, long size, String sha256) {
}
