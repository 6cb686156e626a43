package vn.hocba.documents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stores documents as files {@code <dir>/<kind>/<versionLabel>.pdf} with a
 * {@code .pdf.sha256} file next to each (sha256sum format). Bytes are streamed to a temporary
 * file and moved into place without replacing anything; the stored file is made read-only.
 * Storing the same version again with identical bytes is a no-op (a retried class generation),
 * with different bytes it is refused.
 */
public final class FileSystemDocumentStore implements DocumentStore {

    private final Path root;

    public FileSystemDocumentStore(Path root) {
        this.root = root;
    }

    @Override
    public StoredDocument store(DocumentKind kind, String versionLabel, Content content) throws IOException {
        Path dir = Files.createDirectories(root.resolve(kind.templateName()));
        Path target = dir.resolve(versionLabel + ".pdf");
        Path hashFile = dir.resolve(versionLabel + ".pdf.sha256");
        Path temp = Files.createTempFile(dir, ".writing-", ".pdf");
        try {
            MessageDigest digest = sha256();
            try (OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024), digest)) {
                content.writeTo(out);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            long size = Files.size(temp);
            if (Files.exists(target)) {
                return sameAsStored(kind, versionLabel, hash, size, target, hashFile);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            target.toFile().setReadOnly();
            Files.writeString(hashFile, hash + "  " + target.getFileName() + "\n", StandardCharsets.US_ASCII);
            return new StoredDocument(kind, versionLabel, hash, size, target.toUri());
        } catch (FileAlreadyExistsException e) {
            throw new DocumentAlreadyStoredException(versionLabel);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Where version {@code versionLabel} of {@code kind} is (or would be) stored, relative to the root. */
    public static String relativePath(DocumentKind kind, String versionLabel) {
        return kind.templateName() + "/" + versionLabel + ".pdf";
    }

    /**
     * Removes the file of a version that was written but never recorded as issued (its
     * transaction rolled back), so that the version label can be issued again. The caller must
     * have checked, under a lock, that no record refers to it: recorded documents are never removed.
     */
    @Override
    public boolean discardUnrecorded(DocumentKind kind, String versionLabel) throws IOException {
        Path target = root.resolve(relativePath(kind, versionLabel));
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".sha256"));
        return Files.deleteIfExists(target);
    }

    /**
     * Rendering is deterministic, so a retried generation produces the very same bytes: accept
     * that as already done; anything else under the same version label is refused.
     */
    private static StoredDocument sameAsStored(DocumentKind kind, String versionLabel, String hash, long size,
            Path target, Path hashFile) throws IOException {
        String stored = Files.exists(hashFile) ? Files.readString(hashFile, StandardCharsets.US_ASCII).split(" ")[0] : "";
        if (!stored.equals(hash)) {
            throw new DocumentAlreadyStoredException(versionLabel);
        }
        return new StoredDocument(kind, versionLabel, hash, size, target.toUri());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
