package vn.hocba.documents;

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
        if (Files.exists(target)) {
            throw new DocumentAlreadyStoredException(versionLabel);
        }
        Path temp = Files.createTempFile(dir, ".writing-", ".pdf");
        try {
            MessageDigest digest = sha256();
            try (OutputStream out = new DigestOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024), digest)) {
                content.writeTo(out);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            long size = Files.size(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            target.toFile().setReadOnly();
            Files.writeString(dir.resolve(versionLabel + ".pdf.sha256"), hash + "  " + target.getFileName() + "\n",
                    StandardCharsets.US_ASCII);
            return new StoredDocument(kind, versionLabel, hash, size, target.toUri());
        } catch (FileAlreadyExistsException e) {
            throw new DocumentAlreadyStoredException(versionLabel);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
