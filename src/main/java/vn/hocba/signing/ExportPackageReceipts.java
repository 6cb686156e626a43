package vn.hocba.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * The clerk's side of the export packages: each built version's file, its manifest, and the receipt
 * (first download, "Đã lưu trữ"), both audited. Versions are built only by the ClassDocuments process
 * ({@link ClassSigning#exportPackage}); here they are only read and acknowledged.
 */
@Service
public class ExportPackageReceipts {

    /** A version as the clerk sees it: the package record and what the clerk did with it. */
    public record PackageState(ExportPackageVersion version, String downloadedBy, Instant downloadedAt, String archivedBy,
            Instant archivedAt) {

        /** READY (not downloaded yet), DOWNLOADED, ARCHIVED, or OUTDATED once a later version replaced it. */
        public String state() {
            if (version.outdated()) {
                return "OUTDATED";
            }
            return archivedAt != null ? "ARCHIVED" : downloadedAt != null ? "DOWNLOADED" : "READY";
        }
    }

    /** One line of {@code manifest.json}: a file of the package, its SHA-256 and size, and whether it is current. */
    public record ManifestFile(String path, String sha256, long size, boolean current) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ClassSigning signing;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final Path exportRoot;

    ExportPackageReceipts(JdbcClient jdbc, ClassSigning signing, SchoolDirectory directory, AuditLog audit, Clock clock,
            @Value("${hocba.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.signing = signing;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.exportRoot = dataDir.resolve("exports");
    }

    /** Every version of the class's package, latest first, with the clerk's receipt. */
    public List<PackageState> of(ClassId classId) {
        List<PackageState> states = new ArrayList<>();
        for (ExportPackageVersion v : signing.exportPackages(classId)) {
            states.add(jdbc.sql("select downloaded_by, downloaded_at, archived_by, archived_at from export_package_receipt "
                            + "where class_id = ? and version = ?").params(classId.value(), v.version())
                    .query((rs, n) -> new PackageState(v, rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
                            instant(rs.getTimestamp(4))))
                    .optional().orElse(new PackageState(v, null, null, null, null)));
        }
        return states;
    }

    /** The state of the latest package of every class of the year that has one (class id → state), in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, PackageState> latestOfYear(vn.hocba.schoolyear.SchoolYearId year) {
        java.util.Map<Long, PackageState> latest = new java.util.HashMap<>();
        jdbc.sql("select p.*, r.downloaded_by, r.downloaded_at, r.archived_by, r.archived_at from export_package p "
                + "join school_class c on c.id = p.class_id left join export_package_receipt r on r.class_id = p.class_id "
                + "and r.version = p.version where c.school_year_id = ? "
                + "and p.version = (select max(x.version) from export_package x where x.class_id = p.class_id)")
                .param(year.value()).query(rs -> {
                    latest.put(rs.getLong("class_id"), new PackageState(ExportPackageVersions.row(rs, 0),
                            rs.getString("downloaded_by"), instant(rs.getTimestamp("downloaded_at")), rs.getString("archived_by"),
                            instant(rs.getTimestamp("archived_at"))));
                });
        return latest;
    }

    /** The zip of a version, recording (and auditing) the first download. */
    @Transactional
    public Path download(SchoolClass schoolClass, int version, Actor by) {
        Path zip = file(schoolClass, version);
        ensureRow(schoolClass, version);
        int first = jdbc.sql("update export_package_receipt set downloaded_by = ?, downloaded_at = ? where class_id = ? "
                + "and version = ? and downloaded_at is null").params(by.username(), Timestamp.from(clock.instant()),
                schoolClass.id().value(), version).update();
        if (first > 0) {
            audit.append(new AuditRecord(by, "EXPORT_PACKAGE_DOWNLOADED", "export package " + schoolClass.code() + " v" + version,
                    null, zip.getFileName().toString(), null, null));
        }
        return zip;
    }

    /** "Đã lưu trữ": the clerk confirms the version is archived (once; audited). Refused before it was downloaded. */
    @Transactional
    public void archived(SchoolClass schoolClass, int version, Actor by) {
        file(schoolClass, version);
        ensureRow(schoolClass, version);
        int changed = jdbc.sql("update export_package_receipt set archived_by = ?, archived_at = ? where class_id = ? "
                + "and version = ? and archived_at is null and downloaded_at is not null").params(by.username(),
                Timestamp.from(clock.instant()), schoolClass.id().value(), version).update();
        if (changed == 0 && state(schoolClass, version).downloadedAt() == null) {
            throw Rejected.conflict("Gói xuất phiên bản " + version + " của lớp " + schoolClass.code()
                    + " chưa được tải về; hãy tải về và lưu trữ trước khi xác nhận.");
        }
        if (changed > 0) {
            audit.append(new AuditRecord(by, "EXPORT_PACKAGE_ARCHIVED", "export package " + schoolClass.code() + " v" + version,
                    null, "archived", null, null));
        }
    }

    /** The files listed in the version's {@code manifest.json}. */
    public List<ManifestFile> manifest(SchoolClass schoolClass, int version) {
        try (InputStream in = Files.newInputStream(file(schoolClass, version)); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    List<ManifestFile> files = new ArrayList<>();
                    for (JsonNode f : JSON.readTree(zip.readNBytes(4 * 1024 * 1024)).path("files")) {
                        files.add(new ManifestFile(f.path("path").asText(), f.path("sha256").asText(), f.path("size").asLong(),
                                f.path("current").asBoolean()));
                    }
                    return files;
                }
            }
            throw Rejected.conflict("Gói xuất phiên bản " + version + " của lớp " + schoolClass.code() + " không có manifest.json.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PackageState state(SchoolClass schoolClass, int version) {
        return of(schoolClass.id()).stream().filter(s -> s.version().version() == version).findFirst().orElseThrow();
    }

    private Path file(SchoolClass schoolClass, int version) {
        Optional<ExportPackageVersion> found = signing.exportPackages(schoolClass.id()).stream()
                .filter(v -> v.version() == version).findFirst();
        ExportPackageVersion v = found.orElseThrow(() -> Rejected.notFound("Lớp " + schoolClass.code()
                + " không có gói xuất phiên bản " + version + "."));
        Path zip = exportRoot.resolve(directory.year(schoolClass.yearId()).name()).resolve(v.fileName());
        if (!Files.exists(zip)) {
            throw Rejected.conflict("Tệp " + v.fileName() + " của gói xuất lớp " + schoolClass.code()
                    + " không còn trong thư mục lưu trữ của máy chủ.");
        }
        return zip;
    }

    private void ensureRow(SchoolClass schoolClass, int version) {
        jdbc.sql("insert into export_package_receipt (class_id, version) select ?, ? where not exists "
                + "(select 1 from export_package_receipt where class_id = ? and version = ?)")
                .params(schoolClass.id().value(), version, schoolClass.id().value(), version).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
