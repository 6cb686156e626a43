package vn.hocba.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import vn.hocba.common.Sha256;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.Position;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.Staff;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.SignerRole;
import vn.hocba.documents.DocumentKind;

/**
 * Signs a class's year documents in the school's order into the signed store
 * ({@code ${hocba.data-dir}/signed/<class>}): each subject result sheet by its teacher(s)
 * ({@link SubjectSheetSigning}); the transcripts, the class gradebook, the correction record and the
 * report cards by the homeroom teacher; transcripts, class gradebook and correction record by the principal (progress in
 * {@code document_signature}), then the school seal; then the long-term extension (LT + LTA) of every
 * signed document. Each step can be run again: what the signer already signed is skipped, what a
 * crash left undone is finished.
 */
@Service
public class ClassSigning {

    private static final Logger log = LoggerFactory.getLogger(ClassSigning.class);

    /** How far the class is: documents each signer signs, and how many of them are signed. */
    public record Progress(int transcripts, int toSignByHomeroom, int signedByHomeroom, int toSignByPrincipal,
            int signedByPrincipal, int sealed) {
    }

    private final SigningDesk desk;
    private final SubjectSheetSigning sheets;
    private final SchoolDirectory directory;
    private final Path exportRoot;
    private final ExportPackageVersions packages;

    public ClassSigning(SigningDesk desk, SubjectSheetSigning sheets, SchoolDirectory directory,
            ExportPackageVersions packages, @Value("${hocba.data-dir}") Path dataDir) {
        this.packages = packages;
        this.desk = desk;
        this.sheets = sheets;
        this.directory = directory;
        this.exportRoot = dataDir.resolve("exports");
    }

    /** The subject teacher of {@code assignmentId} signs the class's result sheet of that subject. */
    public BatchSigner.Result signSubjectSheet(long assignmentId, Actor by) {
        return sheets.sign(assignmentId, by);
    }

    /** The homeroom teacher signs every transcript, the class gradebook and every report card (one batch). */
    public BatchSigner.Result homeroomSigns(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        Staff teacher = directory.homeroomOf(classId).orElseThrow(() -> Rejected.conflict(
                "Lớp " + schoolClass.code() + " chưa có giáo viên chủ nhiệm.")).teacher();
        ClassYearDocuments documents = desk.documents(schoolClass);
        return desk.step().run(documents, documents.homeroomSigned(), SigningStage.HOMEROOM_TEACHER,
                SignerRole.HOMEROOM_TEACHER.fieldName(), desk.person(teacher, SignerRole.HOMEROOM_TEACHER),
                teacher.fullName(), by);
    }

    /** The principal signs every transcript and the class gradebook the homeroom teacher signed (resumable). */
    public BatchSigner.Result principalSigns(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = desk.documents(schoolClass);
        requireStage(documents, documents.approved(), SigningStage.HOMEROOM_TEACHER);
        Staff principal = principalOf(schoolClass);
        return desk.step().run(documents, documents.approved(), SigningStage.PRINCIPAL, SignerRole.PRINCIPAL.fieldName(),
                desk.person(principal, SignerRole.PRINCIPAL), principal.fullName(), by);
    }

    /** The school seal on what the principal signed, then LT + LTA on every signed document not extended yet. */
    public void applySeal(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = desk.documents(schoolClass);
        requireStage(documents, documents.approved(), SigningStage.PRINCIPAL);
        String school = schoolName(schoolClass);
        desk.step().run(documents, documents.approved(), SigningStage.SCHOOL_SEAL, SignerRole.SCHOOL_SEAL.fieldName(),
                desk.seal(school), school, by);
        desk.longTerm().extend(documents);
        log.info("Class {}: seal and long-term extension done for {} documents", schoolClass.code(),
                documents.all().size());
    }

    public Progress progress(ClassId classId) {
        ClassYearDocuments documents = desk.documents(directory.schoolClass(classId));
        List<String> transcripts = documents.documents().stream()
                .filter(d -> d.kind() == DocumentKind.TRANSCRIPT).map(d -> d.id()).toList();
        int approved = transcripts.isEmpty() ? 0 : documents.approved().size();
        int homeroom = transcripts.isEmpty() ? 0 : documents.homeroomSigned().size();
        return new Progress(transcripts.size(), homeroom, count(documents, SigningStage.HOMEROOM_TEACHER), approved,
                count(documents, SigningStage.PRINCIPAL), count(documents, SigningStage.SCHOOL_SEAL));
    }

    /** The latest file of every signed document of the class, by issued document id. */
    public Map<String, Path> signedFiles(ClassId classId) {
        return desk.documents(directory.schoolClass(classId)).latestFiles();
    }

    /**
     * The class's current export package ({@code ${hocba.data-dir}/exports/<year>/<class>-v<N>.zip}),
     * once every document is signed to the end (LT/LTA). Built again as the next version whenever what it
     * would hold changed (a document superseded by a correction and signed anew, a document added); the
     * earlier versions are kept and listed as outdated ({@link #exportPackages}). Unchanged: the same file.
     */
    public Path exportPackage(ClassId classId) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        Map<String, Path> files = desk.documents(schoolClass).latestFiles();
        files.forEach((id, file) -> {
            if (!file.getFileName().toString().equals(SigningStage.LONG_TERM.fileName())) {
                throw Rejected.conflict("Văn bản " + id + " của lớp " + schoolClass.code()
                        + " chưa ký xong (chưa đóng dấu và gia hạn LTA); chưa thể lập gói xuất.");
            }
        });
        Map<String, Path> earlier = desk.earlierSignedSheets(schoolClass);
        Path folder = exportRoot.resolve(directory.year(schoolClass.yearId()).name());
        try {
            String key = ExportPackage.contentKey(files, earlier);
            var latest = packages.latest(classId.value());
            if (latest.isPresent() && latest.get().contentKey().equals(key)
                    && Files.exists(folder.resolve(latest.get().version().fileName()))) {
                return folder.resolve(latest.get().version().fileName());
            }
            int version = latest.map(l -> l.version().version() + 1).orElse(1);
            Path zip = ExportPackage.build(folder.resolve(schoolClass.code() + "-v" + version + ".zip"),
                    schoolClass.code(), version, files, earlier);
            try {
                packages.record(classId.value(), new ExportPackageVersion(version, zip.getFileName().toString(),
                        Sha256.hex(Files.readAllBytes(zip)), Files.size(zip), files.size(),
                        desk.clock().instant().truncatedTo(ChronoUnit.SECONDS), false, null), key);
            } catch (DuplicateKeyException e) {
                log.info("Export package v{} of class {} recorded concurrently", version, schoolClass.code());
            }
            log.info("Class {}: export package v{} built ({} documents)", schoolClass.code(), version, files.size());
            return zip;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot build the export package of class " + schoolClass.code(), e);
        }
    }

    /** Every version of the class's export package, the latest (current) first, earlier ones outdated. */
    public List<ExportPackageVersion> exportPackages(ClassId classId) {
        return packages.all(classId.value());
    }

    private static int count(ClassYearDocuments documents, SigningStage stage) {
        SignedFiles store = documents.store(stage);
        return (int) documents.all().stream().filter(store::hasStage).count();
    }

    private void requireStage(ClassYearDocuments documents, List<String> ids, SigningStage stage) {
        long missing = ids.stream().filter(id -> !documents.store(stage).hasStage(id)).count();
        if (missing > 0) {
            throw Rejected.conflict("Còn " + missing + " văn bản của lớp " + documents.schoolClass().code()
                    + " chưa được ký ở bước «" + stage.role().title() + "»; hãy hoàn thành bước đó trước.");
        }
    }

    private Staff principalOf(SchoolClass schoolClass) {
        var school = directory.year(schoolClass.yearId()).schoolId();
        return directory.staff(school).stream().filter(s -> s.position() == Position.PRINCIPAL).findFirst()
                .orElseThrow(() -> Rejected.conflict("Trường chưa có hiệu trưởng trong danh sách cán bộ."));
    }

    private String schoolName(SchoolClass schoolClass) {
        var school = directory.year(schoolClass.yearId()).schoolId();
        return directory.schools().stream().filter(s -> s.id().equals(school)).findFirst().orElseThrow().name()
                .toUpperCase(Locale.forLanguageTag("vi"));
    }
}
