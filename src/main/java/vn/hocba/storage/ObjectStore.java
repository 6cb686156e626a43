package vn.hocba.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Immutable objects under keys such as {@code documents/transcript/HB-…-v1.pdf} or
 * {@code signed/6A1/HB-…-v1/3-hieu-truong.pdf}. An object appears under its key only once complete;
 * a key is written once: putting it again with the same bytes (a resumed step) returns the stored
 * object, with other bytes it is refused ({@link ObjectAlreadyStoredException}). Every read names the
 * document it serves ({@code document}) so that a missing or altered object is reported as that
 * document, never as a path; {@code expectedSha256} is the hash the database recorded (null where the
 * database has none yet: then the hash the store recorded with the object is checked).
 */
public interface ObjectStore {

    /** Writes an object's bytes to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Stores {@code key} once (see above); {@code document} names it in errors. */
    StoredObject put(String key, String document, Content content);

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key);

    /** The object's hash and size as recorded with it, if it exists. */
    Optional<StoredObject> stat(String key);

    /**
     * Opens the object for streaming, after checking it is there and its recorded hash matches
     * {@code expectedSha256}; the stream checks the bytes themselves when it reaches the end.
     *
     * @throws StoredObjectException when the object is missing or altered
     */
    InputStream open(String key, String expectedSha256, String document);

    /** Removes an object no record refers to (a write whose transaction rolled back). Callers check that first. */
    boolean discardUnrecorded(String key);

    /**
     * Removes an object whose retention has ended (a superseded version, see the retention setting): the
     * database keeps its record and hash. Callers never pass an object of a current version.
     */
    default boolean retire(String key) {
        return discardUnrecorded(key);
    }

    /** Keys under {@code prefix} (which ends with {@code /}), in key order. */
    List<String> list(String prefix);

    /** Where the store is, for logs and the operator (no credentials). */
    String describe();

    /**
     * A checked local file of the object, for code that needs a file (a node-local cache under
     * {@code cacheDirectory}, by key: keys are never rewritten, so a cached copy never goes stale). The
     * filesystem store returns its own file.
     */
    default Path localFile(String key, String expectedSha256, String document, Path cacheDirectory) {
        Path copy = cacheDirectory.resolve(ObjectKeys.checked(key));
        try {
            if (Files.isRegularFile(copy)) {
                return copy;
            }
            Files.createDirectories(copy.getParent());
            Path temporary = Files.createTempFile(copy.getParent(), ".copy-", ".part");
            try (InputStream in = open(key, expectedSha256, document)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return copy;
        } catch (IOException e) {
            throw StoredObjectException.unreadable(document, e);
        }
    }

    /** The whole object, checked against {@code expectedSha256} (or its recorded hash) before it is returned. */
    default byte[] read(String key, String expectedSha256, String document) {
        try (InputStream in = open(key, expectedSha256, document)) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getCause() instanceof StoredObjectException s) {
                throw s;
            }
            throw StoredObjectException.unreadable(document, e);
        }
    }

    /**
     * Reads the whole object once, hashing it without holding it in memory, and fails when it is missing
     * or its bytes do not match: what a download does before it sends the first byte.
     */
    default StoredObject verify(String key, String expectedSha256, String document) {
        long size = 0;
        try (InputStream in = open(key, expectedSha256, document)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
            }
        } catch (IOException e) {
            if (e.getCause() instanceof StoredObjectException s) {
                throw s;
            }
            throw StoredObjectException.unreadable(document, e);
        }
        return new StoredObject(key, expectedSha256 != null ? expectedSha256
                : stat(key).map(StoredObject::sha256).orElse(null), size);
    }
}
