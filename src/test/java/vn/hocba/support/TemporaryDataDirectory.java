package vn.hocba.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh data directory (documents, keys, exports) for one test class, removed afterwards. */
public final class TemporaryDataDirectory {

    private TemporaryDataDirectory() {
    }

    /** Creates the directory and points {@code hocba.data-dir} at it. */
    public static Path register(DynamicPropertyRegistry registry, String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            registry.add("hocba.data-dir", dir::toString);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
