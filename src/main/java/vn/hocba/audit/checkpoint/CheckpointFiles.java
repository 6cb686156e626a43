package vn.hocba.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where checkpoints lie: {@code <root>/<chain id>/<entry id, 12 digits>/} holds {@code checkpoint.json},
 * its signature {@code checkpoint.json.p7s} and its time-stamp {@code checkpoint.json.tst}. A checkpoint's
 * directory is written complete under a temporary name and then renamed into place, so it is either
 * absent or complete, and of two nodes anchoring the same head only the first writes it.
 */
public final class CheckpointFiles {

    public static final String JSON = "checkpoint.json";
    public static final String SIGNATURE = JSON + ".p7s";
    public static final String TIME_STAMP = JSON + ".tst";

    private final Path root;

    public CheckpointFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** One stored checkpoint's directory. */
    public record Stored(long entryId, Path directory) {

        public byte[] json() throws IOException {
            return Files.readAllBytes(directory.resolve(JSON));
        }

        public byte[] signature() throws IOException {
            return Files.readAllBytes(directory.resolve(SIGNATURE));
        }

        public byte[] timeStamp() throws IOException {
            return Files.readAllBytes(directory.resolve(TIME_STAMP));
        }
    }

    /** The checkpoints of {@code chain}, oldest (lowest entry id) first. */
    public List<Stored> of(String chain) {
        Path directory = root.resolve(chain);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(d -> d.getFileName().toString().matches("\\d{12}") && Files.exists(d.resolve(JSON)))
                    .map(d -> new Stored(Long.parseLong(d.getFileName().toString()), d))
                    .sorted(Comparator.comparingLong(Stored::entryId)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Stored> newest(String chain) {
        List<Stored> all = of(chain);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Chains other than {@code chain} that have at least one checkpoint here. */
    public List<String> otherChains(String chain) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> !name.equals(chain) && !name.startsWith(".") && !of(name).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a checkpoint; false when one of that chain and entry id exists already (made by another node). */
    public boolean write(String chain, long entryId, byte[] json, byte[] signature, byte[] timeStamp) {
        Path chainDirectory = root.resolve(chain);
        Path target = chainDirectory.resolve(String.format("%012d", entryId));
        try {
            Files.createDirectories(chainDirectory);
            if (Files.exists(target)) {
                return false;
            }
            Path temporary = Files.createTempDirectory(chainDirectory, ".writing-");
            try {
                Files.write(temporary.resolve(JSON), json);
                Files.write(temporary.resolve(SIGNATURE), signature);
                Files.write(temporary.resolve(TIME_STAMP), timeStamp);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException e) {
                if (Files.exists(target.resolve(JSON))) {
                    return false; // another node anchored this head first (rename onto its directory failed)
                }
                throw e;
            } finally {
                delete(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint " + target, e);
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
