package vn.hocba.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stored file read whole, with the checks of {@link VerifyingInputStream}: the bytes are refused unless their
 * SHA-256 is the expected one (the database's, else the one recorded beside the file). The file's size is known, so
 * it is read into one array of that size and hashed in one pass: a stream read into a growing list of 8 KiB
 * buffers and copied once more cost about twice as much CPU (a class's export reads ≈ 40 MB of signed PDFs).
 */
final class StoredFileBytes {

    private StoredFileBytes() {
    }

    /**
     * @param recorded the hash recorded beside the file, if any
     * @param expectedSha256 the hash the database recorded; null where it has none yet
     */
    static byte[] read(Path file, Optional<String> recorded, String expectedSha256, String document) {
        if (expectedSha256 != null && recorded.isPresent() && !recorded.get().equalsIgnoreCase(expectedSha256.trim())) {
            throw StoredObjectException.altered(document, expectedSha256.trim(), recorded.get());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw StoredObjectException.missing(document);
        } catch (IOException e) {
            throw StoredObjectException.unreadable(document, e);
        }
        String expected = expectedSha256 != null ? expectedSha256 : recorded.orElse(null);
        if (expected != null) {
            String actual = HexFormat.of().formatHex(VerifyingInputStream.sha256().digest(bytes));
            if (!expected.trim().equalsIgnoreCase(actual)) {
                throw StoredObjectException.altered(document, expected.trim(), actual);
            }
        }
        return bytes;
    }
}
