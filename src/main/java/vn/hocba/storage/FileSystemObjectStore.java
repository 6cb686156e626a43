package vn.hocba.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects as files under one directory ({@code ${hocba.data-dir}}: keys are the paths HocBa always used,
 * {@code documents/…}, {@code signed/…}, {@code exports/…}). A file is written to a temporary file
 * beside its target and hard-linked into place, which fails when the target exists: a file is either
 * absent or complete and never replaced. The hash recorded with a file is its {@code .sha256} file
 * where there is one (issued documents); otherwise reads are checked against the database's hash.
 */
public final class FileSystemObjectStore implements ObjectStore {

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredObject put(String key, String document, Content content) {
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".writing-", ".part");
            try {
                MessageDigest digest = VerifyingInputStream.sha256();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                    content.writeTo(out);
                }
                StoredObject written = new StoredObject(key, HexFormat.of().formatHex(digest.digest()),
                        Files.size(temporary));
                try {
                    Files.createLink(target, temporary);
                } catch (FileAlreadyExistsException e) {
                    return sameAsStored(written, document);
                }
                if (key.startsWith("documents/")) {
                    target.toFile().setReadOnly(); // as issued documents always were
                }
                return written;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw StoredObjectException.unwritable(document, e);
        }
    }

    private StoredObject sameAsStored(StoredObject written, String document) {
        StoredObject stored = stat(written.key()).orElseThrow();
        if (!stored.sha256().equals(written.sha256())) {
            throw new ObjectAlreadyStoredException(document);
        }
        return stored;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String hash = recorded(file).orElse(null);
            if (hash == null) {
                try (InputStream in = Files.newInputStream(file)) {
                    MessageDigest digest = VerifyingInputStream.sha256();
                    in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                    hash = HexFormat.of().formatHex(digest.digest());
                }
            }
            return Optional.of(new StoredObject(key, hash, Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key, String expectedSha256, String document) {
        Path file = file(key);
        try {
            Optional<String> recorded = recorded(file);
            if (expectedSha256 != null && recorded.isPresent() && !recorded.get().equalsIgnoreCase(expectedSha256.trim())) {
                throw StoredObjectException.altered(document, expectedSha256.trim(), recorded.get());
            }
            return new VerifyingInputStream(Files.newInputStream(file), expectedSha256 != null ? expectedSha256
                    : recorded.orElse(null), document);
        } catch (NoSuchFileException e) {
            throw StoredObjectException.missing(document);
        } catch (IOException e) {
            throw StoredObjectException.unreadable(document, e);
        }
    }

    /** The whole file in one read, checked as {@link #open} checks it ({@link StoredFileBytes}). */
    @Override
    public byte[] read(String key, String expectedSha256, String document) {
        Path file = file(key);
        try {
            return StoredFileBytes.read(file, recorded(file), expectedSha256, document);
        } catch (NoSuchFileException e) {
            throw StoredObjectException.missing(document);
        } catch (IOException e) {
            throw StoredObjectException.unreadable(document, e);
        }
    }

    /** The store's own file, after checking its bytes. */
    @Override
    public Path localFile(String key, String expectedSha256, String document, Path cacheDirectory) {
        verify(key, expectedSha256, document);
        return file(key);
    }

    @Override
    public boolean discardUnrecorded(String key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(sidecar(file));
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path directory = root.resolve(prefix);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> !k.endsWith(".sha256") && k.chars().noneMatch(c -> c == ' ')
                            && java.util.Arrays.stream(k.split("/")).noneMatch(p -> p.startsWith(".")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "thư mục " + root;
    }

    /**
     * Deletes what writes that never finished left behind: a process killed while writing leaves its
     * {@code .writing-*.part} beside the target, whose key was never linked, so no object is touched.
     * Only files last modified before {@code before} go, so a write still under way elsewhere is left.
     *
     * @return the number of files deleted
     */
    public int removeUnfinishedWrites(Instant before) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> unfinished = files.filter(f -> f.getFileName().toString().startsWith(".writing-")
                    && f.getFileName().toString().endsWith(".part") && Files.isRegularFile(f)).toList();
            int deleted = 0;
            for (Path file : unfinished) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sha256sum-format file beside an object (issued documents keep one). */
    public void recordHash(String key, String sha256) {
        Path file = file(key);
        try {
            Files.writeString(sidecar(file), sha256 + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String key) {
        return root.resolve(ObjectKeys.checked(key));
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    private static Optional<String> recorded(Path file) throws IOException {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        String hash = Files.readString(sidecar, StandardCharsets.US_ASCII).split(" ")[0].trim();
        return hash.isEmpty() ? Optional.empty() : Optional.of(hash);
    }
}
