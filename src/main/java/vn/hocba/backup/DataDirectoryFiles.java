package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The installation's files in folders on disk: the data directory's, or where each area is configured. */
public final class DataDirectoryFiles implements InstallationFiles {

    /** Folders of the data directory held otherwise: the embedded database (dumped by {@link H2Copy}). */
    private static final List<String> DATABASE = List.of("db");

    private final Path dataDir;
    private final Map<FileArea, Path> roots;

    /**
     * @param dataDir         {@code hocba.data-dir}
     * @param checkpoints     {@code hocba.audit.checkpoints.directory}
     * @param developmentPki  {@code hocba.signing.development-pki}
     */
    public DataDirectoryFiles(Path dataDir, Path checkpoints, Path developmentPki) {
        this.dataDir = dataDir;
        roots = new EnumMap<>(FileArea.class);
        for (FileArea area : FileArea.values()) {
            roots.put(area, dataDir.resolve(area.folder()));
        }
        roots.put(FileArea.AUDIT_CHECKPOINTS, checkpoints);
        roots.put(FileArea.KEYS, developmentPki);
    }

    @Override
    public List<String> list(FileArea area) throws IOException {
        Path root = roots.get(area);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public InputStream open(FileArea area, String path) throws IOException {
        return Files.newInputStream(resolve(area, path));
    }

    @Override
    public void create(FileArea area, String path, InputStream content) throws IOException {
        Path file = resolve(area, path);
        Files.createDirectories(file.getParent());
        Files.copy(content, file);
    }

    @Override
    public List<String> unknown() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> top = Files.list(dataDir)) {
            return top.filter(p -> !DATABASE.contains(p.getFileName().toString()))
                    .filter(p -> roots.values().stream().noneMatch(r -> r.toAbsolutePath().normalize()
                            .equals(p.toAbsolutePath().normalize())))
                    .map(Path::toString).sorted().toList();
        }
    }

    @Override
    public String describe(FileArea area) {
        return roots.get(area).toString();
    }

    /** A path inside the area's folder; anything leading out of it ({@code ..}, absolute) is refused. */
    private Path resolve(FileArea area, String path) {
        Path root = roots.get(area).toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (path.isEmpty() || Path.of(path).isAbsolute() || !file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a path inside " + root + ": " + path);
        }
        return file;
    }
}
