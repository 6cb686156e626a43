package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.hocba.common.Rejected;

/**
 * Restores a backup into an empty installation. Before anything is written the whole backup is
 * checked (every entry against the manifest's SHA-256 and size, nothing unlisted, the same kind of
 * database) and so is the target (no tables in the database, no files in any area the backup
 * fills): a restore never mixes two schools. Then the database, then the files.
 */
public final class InstallationRestore {

    private final DatabaseCopy database;
    private final InstallationFiles files;

    public InstallationRestore(DatabaseCopy database, InstallationFiles files) {
        this.database = database;
        this.files = files;
    }

    /** @throws Rejected (Vietnamese message) when the backup is damaged or the installation is not empty */
    public BackupSummary restore(Path backup) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            BackupManifest manifest = checked(zip, backup);
            refuseUnlessEmpty(manifest);
            Path work = Files.createTempDirectory("hocba-restore");
            try {
                for (BackupEntry e : manifest.entries()) {
                    if (databaseFile(e.path())) {
                        try (InputStream in = zip.getInputStream(zip.getEntry(e.path()))) {
                            Files.copy(in, work.resolve(e.path().substring("database/".length())));
                        }
                    }
                }
                database.restore(work);
            } finally {
                try (Stream<Path> left = Files.walk(work)) {
                    left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Map<String, Integer> perArea = new LinkedHashMap<>();
            for (BackupEntry e : manifest.entries()) {
                Optional<AreaPath> target = AreaPath.of(e.path());
                if (target.isPresent()) {
                    try (InputStream in = zip.getInputStream(zip.getEntry(e.path()))) {
                        files.create(target.get().area(), target.get().path(), in);
                    }
                    perArea.merge(target.get().area().folder(), 1, Integer::sum);
                }
            }
            return new BackupSummary(backup, manifest, perArea, List.of());
        }
    }

    private static BackupManifest checked(ZipFile zip, Path backup) throws IOException {
        BackupManifest manifest = BackupZip.readManifest(zip);
        if (manifest == null || !BackupManifest.FORMAT.equals(manifest.format())) {
            throw Rejected.invalid(backup + " không phải bản sao lưu HocBa (không có " + BackupManifest.NAME + " dạng "
                    + BackupManifest.FORMAT + ").");
        }
        List<String> listed = new ArrayList<>();
        for (BackupEntry expected : manifest.entries()) {
            ZipEntry entry = zip.getEntry(expected.path());
            if (entry == null || !(databaseFile(expected.path()) || AreaPath.of(expected.path()).isPresent())) {
                throw Rejected.invalid("Bản sao lưu " + backup + " hỏng: thiếu hoặc sai tên mục " + expected.path() + ".");
            }
            BackupEntry actual = BackupZip.measure(zip, entry);
            if (actual.size() != expected.size() || !actual.sha256().equals(expected.sha256())) {
                throw Rejected.invalid("Bản sao lưu " + backup + " hỏng: mục " + expected.path() + " có SHA-256 "
                        + actual.sha256() + " (" + actual.size() + " byte), bảng kê ghi " + expected.sha256() + " ("
                        + expected.size() + " byte). Không khôi phục gì.");
            }
            listed.add(expected.path());
        }
        List<String> extra = zip.stream().map(ZipEntry::getName)
                .filter(n -> !n.equals(BackupManifest.NAME) && !listed.contains(n)).toList();
        if (!extra.isEmpty()) {
            throw Rejected.invalid("Bản sao lưu " + backup + " có mục không nằm trong bảng kê: " + extra + ".");
        }
        return manifest;
    }

    /** {@code database/<name>}: a file of the database copy, a plain name. */
    private static boolean databaseFile(String entry) {
        return entry.matches("database/[A-Za-z0-9._-]+") && !entry.endsWith("/..") && !entry.endsWith("/.");
    }

    private void refuseUnlessEmpty(BackupManifest manifest) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!manifest.database().equals(database.kind())) {
            problems.add("bản sao lưu là của cơ sở dữ liệu " + manifest.database() + ", cài đặt này dùng " + database.kind());
        }
        problems.addAll(database.contents());
        for (FileArea area : FileArea.values()) {
            if (area == FileArea.KEYS && !manifest.includesKeys()) {
                continue; // keys were not backed up: the installation's own are left alone
            }
            int present = files.list(area).size();
            if (present > 0) {
                problems.add(files.describe(area) + " đã có " + present + " tệp");
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.conflict("Chỉ khôi phục vào một cài đặt mới (cơ sở dữ liệu trống, thư mục dữ liệu trống); ở đây: "
                    + String.join("; ", problems) + ". Không khôi phục gì.");
        }
    }

    /** {@code files/<area folder>/<path>} of a backup. */
    record AreaPath(FileArea area, String path) {

        static Optional<AreaPath> of(String entry) {
            String[] parts = entry.split("/", 3);
            if (parts.length < 3 || !parts[0].equals("files") || parts[2].startsWith("/") || parts[2].contains("\\")
                    || Arrays.stream(parts[2].split("/", -1)).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                return Optional.empty();
            }
            return Arrays.stream(FileArea.values()).filter(a -> a.folder().equals(parts[1])).findFirst()
                    .map(a -> new AreaPath(a, parts[2]));
        }
    }
}
