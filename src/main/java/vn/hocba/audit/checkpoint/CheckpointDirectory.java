package vn.hocba.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints in a folder (the single-node default): {@code <root>/<chain id>/<entry id, 12 digits>/} holds
 * {@code checkpoint.json}, its signature {@code checkpoint.json.p7s} and its time-stamp {@code checkpoint.json.tst}. A checkpoint's
 * directory is written complete under a temporary name and then renamed into place, so it is either
 * absent or complete, and of two nodes anchoring the same head only the first writes it.
 */
public final class CheckpointDirectory implements CheckpointFiles {

    /** A checkpoint's folder name: its entry id in 12 digits. */
    private static final Pattern ENTRY_ID = Pattern.compile("\\d{12}");

    private final Path root;

    public CheckpointDirectory(Path root) {
        this.root = root;
    }

    @Override
    public String root() {
        return root.toString();
    }

    @Override
    public String location(String chain, long entryId) {
        return root.resolve(chain).resolve(String.format("%012d", entryId)).toString();
    }

    private static Stored stored(long entryId, Path directory) {
        return new Stored(entryId, directory.toString(), part -> Files.readAllBytes(directory.resolve(part)));
    }

    @Override
    public List<Stored> of(String chain) {
        Path directory = root.resolve(chain);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        return entryIds(directory).stream().map(directory::resolve).filter(d -> Files.exists(d.resolve(JSON)))
                .map(d -> stored(Long.parseLong(d.getFileName().toString()), d)).toList();
    }

    /**
     * The last of {@link #of}, found by checking the folders from the highest entry id down until one is complete
     * (normally the first): every audit anchor asks this, one is made per signing batch, so a year end leaves
     * thousands of folders, and checking each for its {@code checkpoint.json} (a file system call, and the name
     * pattern compiled again per name) made every anchor cost in proportion to all the checkpoints ever made.
     */
    @Override
    public Optional<Stored> newest(String chain) {
        Path directory = root.resolve(chain);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<String> names = entryIds(directory);
        for (int i = names.size() - 1; i >= 0; i--) {
            Path d = directory.resolve(names.get(i));
            if (Files.exists(d.resolve(JSON))) {
                return Optional.of(stored(Long.parseLong(names.get(i)), d));
            }
        }
        return Optional.empty();
    }

    /** The names of the folders in {@code directory} that are entry ids, lowest first (12 digits: name order). */
    private static List<String> entryIds(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(d -> d.getFileName().toString()).filter(n -> ENTRY_ID.matcher(n).matches()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
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

    @Override
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
