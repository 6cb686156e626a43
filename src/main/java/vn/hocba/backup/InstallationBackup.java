package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup: first the database copy (its newest audit entry noted), then the files. Files
 * are immutable once written and a document's file is written before its row commits, so every file
 * the database copy refers to is on disk when the files are read; checkpoints of audit entries
 * newer than the copy are left out (they would report the copy's chain as cut). Keys — the
 * development PKI, and any PKCS#12/JKS/key file elsewhere — only with {@code includeKeys}.
 */
public final class InstallationBackup {

    private static final List<FileArea> ALWAYS = List.of(FileArea.DOCUMENTS, FileArea.SIGNED, FileArea.EXPORTS,
            FileArea.AUDIT_CHECKPOINTS);
    private static final List<String> KEY_FILES = List.of(".p12", ".pfx", ".jks", ".key", ".p8", ".pk8");

    private final DatabaseCopy database;
    private final InstallationFiles files;
    private final Clock clock;

    public InstallationBackup(DatabaseCopy database, InstallationFiles files, Clock clock) {
        this.database = database;
        this.files = files;
        this.clock = clock;
    }

    /** Writes the backup to {@code out} (through a temporary file beside it, moved into place at the end). */
    public BackupSummary write(Path out, boolean includeKeys) throws IOException {
        Path work = Files.createTempDirectory("hocba-backup");
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            long head = database.dump(work);
            Map<String, Integer> perArea = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            List<BackupEntry> entries = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                for (Path f : listed(work)) {
                    try (InputStream in = Files.newInputStream(f)) {
                        entries.add(BackupZip.add(zip, "database/" + f.getFileName(), in));
                    }
                }
                List<FileArea> areas = new ArrayList<>(ALWAYS);
                if (includeKeys) {
                    areas.add(FileArea.KEYS);
                }
                for (FileArea area : areas) {
                    perArea.put(area.folder(), copyArea(zip, area, head, includeKeys, entries, notes));
                }
                files.unknown().forEach(u -> notes.add("không sao lưu (HocBa không biết thư mục này): " + u));
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now(clock).toString(),
                        database.kind(), head, includeKeys, entries);
                BackupZip.writeManifest(zip, manifest);
                zip.finish();
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new BackupSummary(out, manifest, perArea, notes);
            }
        } finally {
            Files.deleteIfExists(partial);
            try (Stream<Path> left = Files.walk(work)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int copyArea(ZipOutputStream zip, FileArea area, long head, boolean includeKeys, List<BackupEntry> entries,
            List<String> notes) throws IOException {
        int count = 0;
        for (String path : files.list(area)) {
            if (!includeKeys && area != FileArea.KEYS && isKey(path)) {
                notes.add("khoá không được sao lưu (thêm --include-keys): " + files.describe(area) + "/" + path);
            } else if (area == FileArea.AUDIT_CHECKPOINTS && checkpointEntry(path) > head) {
                notes.add("mốc kiểm toán mới hơn bản sao cơ sở dữ liệu, bỏ qua: " + path);
            } else {
                try (InputStream in = files.open(area, path)) {
                    entries.add(BackupZip.add(zip, "files/" + area.folder() + "/" + path, in));
                }
                count++;
            }
        }
        return count;
    }

    private static boolean isKey(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return KEY_FILES.stream().anyMatch(name::endsWith);
    }

    /** {@code <chain id>/<entry id, 12 digits>/checkpoint.json} → the entry id (0 when the path is not like that). */
    static long checkpointEntry(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 && parts[1].matches("\\d{1,18}") ? Long.parseLong(parts[1]) : 0;
    }

    private static List<Path> listed(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
