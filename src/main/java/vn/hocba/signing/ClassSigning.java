package vn.hocba.signing;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import vn.hocba.common.Sha256;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
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
import vn.hocba.pades.SigningCredential;
import vn.hocba.hocbaso.IssuingCredential;
import vn.hocba.hocbaso.SlotRole;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.storage.StoredObject;

/**
 * Signs a class's year documents in the school's order into the signed store
 * (the object store's {@code signed/<class>}): each subject result sheet by its teacher(s)
 * ({@link SubjectSheetSigning}); the transcripts, the class gradebook, the correction record and the
 * report cards by the homeroom teacher; transcripts, class gradebook and correction record by the principal (progress in
 * {@code document_signature}), then the school seal; then the long-term extension (LT + LTA) of every
 * signed document. Each step can be run again: what the signer already signed is skipped, what a
 * crash left undone is finished.
 */
@Service
public class ClassSigning implements IssuingCredential {

    private static final Logger log = LoggerFactory.getLogger(ClassSigning.class);

    /** How far the class is: documents each signer signs, and how many of them are signed. */
    public record Progress(int transcripts, int toSignByHomeroom, int signedByHomeroom, int toSignByPrincipal,
            int signedByPrincipal, int sealed) {
    }

    private final SigningDesk desk;
    private final SubjectSheetSigning sheets;
    private final SchoolDirectory directory;
    private final Path cache;
    private final ExportPackageVersions packages;

    public ClassSigning(SigningDesk desk, SubjectSheetSigning sheets, SchoolDirectory directory,
            ExportPackageVersions packages, @Value("${hocba.data-dir}") Path dataDir) {
        this.packages = packages;
        this.desk = desk;
        this.sheets = sheets;
        this.directory = directory;
        this.cache = dataDir.resolve("cache");
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
        SigningCredential credential = desk.person(teacher, SignerRole.HOMEROOM_TEACHER);
        return RecordsAlongside.run(desk.records(), desk.records().prepare(classId, SlotRole.HOMEROOM_TEACHER, credential,
                desk.credentialCheck()), credential, by, c -> desk.step().run(documents, documents.homeroomSigned(),
                SigningStage.HOMEROOM_TEACHER, SignerRole.HOMEROOM_TEACHER.fieldName(), c, teacher.fullName(), by));
    }

    /** The principal signs every transcript and the class gradebook the homeroom teacher signed (resumable). */
    public BatchSigner.Result principalSigns(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = desk.documents(schoolClass);
        requireStage(documents, documents.approved(), SigningStage.HOMEROOM_TEACHER);
        Staff principal = principalOf(schoolClass);
        SigningCredential credential = desk.person(principal, SignerRole.PRINCIPAL);
        return RecordsAlongside.run(desk.records(), desk.records().prepare(classId, SlotRole.PRINCIPAL, credential,
                desk.credentialCheck()), credential, by, c -> desk.step().run(documents, documents.approved(),
                SigningStage.PRINCIPAL, SignerRole.PRINCIPAL.fieldName(), c, principal.fullName(), by));
    }

    /** The school seal on what the principal signed, then LT + LTA on every signed document not extended yet. */
    public void applySeal(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = desk.documents(schoolClass);
        requireStage(documents, documents.approved(), SigningStage.PRINCIPAL);
        String school = schoolName(schoolClass);
        SigningCredential seal = desk.seal(school);
        // The issuing slot of every record first, so that each sealed transcript carries its record signed in
        // every slot (added in the seal's signature revision, which covers it; issue 17 item 2). A batch seal
        // credential (remote service) is asked twice: once for the records, once for the PDFs.
        desk.records().sign(desk.records().prepare(classId, SlotRole.ISSUER, seal, desk.credentialCheck()), seal, by);
        Map<String, Long> students = new TreeMap<>();
        documents.documents().stream().filter(d -> d.kind() == DocumentKind.TRANSCRIPT && d.studentId().isPresent())
                .forEach(d -> students.put(d.id(), d.studentId().get()));
        desk.step().run(documents, documents.approved(), SigningStage.SCHOOL_SEAL, 1, SignerRole.SCHOOL_SEAL.fieldName(),
                seal, school, by, new RecordsInSealedTranscripts(desk.sealedRecords(), classId, students,
                        desk.clock().instant()));
        desk.longTerm().extend(documents);
        log.info("Class {}: seal and long-term extension done for {} documents", schoolClass.code(),
                documents.all().size());
    }

    /** The school's issuing certificate (the seal's organisation certificate) for the class's học bạ số packages. */
    @Override
    public SigningCredential of(ClassId classId) {
        return desk.seal(schoolName(directory.schoolClass(classId)));
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

    /**
     * The latest file of every signed document of the class (the issued original where nothing is signed
     * yet), by issued document id, as checked local files (the filesystem store's own, else the node's cache).
     */
    public Map<String, Path> signedFiles(ClassId classId) {
        ClassYearDocuments documents = desk.documents(directory.schoolClass(classId));
        Map<String, Path> files = new TreeMap<>();
        Map<String, Optional<SignedFiles.SignedFile>> latest = documents.latestFiles();
        for (IssuedDocument d : documents.documents()) {
            files.put(d.id(), latest.get(d.id()).map(f -> desk.objects().localFile(f.key(), recorded(f), d.id(), cache))
                    .orElseGet(() -> desk.objects().localFile(desk.originalKey(d), d.sha256(), d.id(), cache)));
        }
        return files;
    }

    /**
     * The class's current export package ({@code exports/<year>/<class>-v<N>.zip} in the object store) as
     * a checked local file; see {@link #currentExportPackage}.
     */
    public Path exportPackage(ClassId classId) {
        ExportPackageFile file = currentExportPackage(classId);
        return desk.objects().localFile(file.key(), file.sha256(), file.fileName(), cache);
    }

    /** The package's bytes streamed from the store, checked completely before the first byte is returned. */
    public InputStream openExportPackage(ExportPackageFile file) {
        desk.objects().verify(file.key(), file.sha256(), file.fileName());
        return desk.objects().open(file.key(), file.sha256(), file.fileName());
    }

    /**
     * The class's current export package, once every document is signed to the end (LT/LTA). Built again
     * as the next version whenever what it would hold changed (a document superseded by a correction and
     * signed anew, a document added); the earlier versions are kept and listed as outdated
     * ({@link #exportPackages}). Unchanged: the same object. A package written by a step that stopped before
     * recording it is the same bytes when built again (fixed entry times), so the resumed step records it.
     */
    public ExportPackageFile currentExportPackage(ClassId classId) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        Map<String, SignedFiles.SignedFile> files = new TreeMap<>();
        desk.documents(schoolClass).latestFiles().forEach((id, file) -> {
            if (file.filter(SignedFiles.SignedFile::longTerm).isEmpty()) {
                throw Rejected.conflict("Văn bản " + id + " của lớp " + schoolClass.code()
                        + " chưa ký xong (chưa đóng dấu và gia hạn LTA); chưa thể lập gói xuất.");
            }
            files.put(id, file.get());
        });
        Map<String, SignedFiles.SignedFile> earlier = desk.earlierSignedSheets(schoolClass);
        String folder = "exports/" + directory.year(schoolClass.yearId()).name() + "/";
        // The học bạ số class package of the released records, signed with the school's issuing certificate.
        Map<String, byte[]> hocbaso = new TreeMap<>();
        Map<String, String> hocbasoHashes = new TreeMap<>();
        desk.classPackages().current(classId, desk.seal(schoolName(schoolClass))).ifPresent(p -> {
            hocbaso.put("hocbaso/" + p.fileName(), p.zip());
            hocbasoHashes.put("hocbaso/" + p.fileName(), p.sha256());
        });
        // Every document's recorded hash in one query (the key and each file's read check use it).
        SignedFiles.Recorded recorded = desk.signatures().recordedOfClass(classId.value());
        String key = ExportPackage.contentKey(hashes(files, recorded), hashes(earlier, recorded), hocbasoHashes);
        var latest = packages.latest(classId.value());
        int version = latest.filter(l -> l.contentKey().equals(key)).map(l -> l.version().version())
                .orElseGet(() -> latest.map(l -> l.version().version() + 1).orElse(1));
        String fileName = schoolClass.code() + "-v" + version + ".zip";
        if (latest.isPresent() && latest.get().contentKey().equals(key) && desk.objects().exists(folder + fileName)) {
            ExportPackageVersion v = latest.get().version();
            return new ExportPackageFile(v.fileName(), folder + v.fileName(), v.sha256(), v.sizeBytes());
        }
        StoredObject stored = desk.objects().put(folder + fileName, fileName, out -> ExportPackage.write(out,
                schoolClass.code(), version, readers(files, recorded), readers(earlier, recorded), hocbaso));
        if (latest.isEmpty() || !latest.get().contentKey().equals(key)) {
            try {
                packages.record(classId.value(), new ExportPackageVersion(version, fileName, stored.sha256(),
                        stored.size(), files.size(), desk.clock().instant().truncatedTo(ChronoUnit.SECONDS), false, null),
                        key);
            } catch (DuplicateKeyException e) {
                log.info("Export package v{} of class {} recorded concurrently", version, schoolClass.code());
            }
        }
        log.info("Class {}: export package v{} built ({} documents)", schoolClass.code(), version, files.size());
        return new ExportPackageFile(fileName, folder + fileName, stored.sha256(), stored.size());
    }

    private String recorded(SignedFiles.SignedFile file) {
        return desk.signatures().recordedSha256(file.documentId(), file.stage().key(file.part()));
    }

    private Map<String, String> hashes(Map<String, SignedFiles.SignedFile> files, SignedFiles.Recorded recorded) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((id, f) -> {
            String sha256 = recorded.sha256(f.documentId(), f.stage().key(f.part()));
            hashes.put(id, sha256 != null ? sha256 : Sha256.hex(read(f, null)));
        });
        return hashes;
    }

    /** Each file read when the package is written, checked against its recorded hash (which the manifest then lists). */
    private Map<String, Supplier<ExportPackage.SignedPdf>> readers(Map<String, SignedFiles.SignedFile> files,
            SignedFiles.Recorded recorded) {
        Map<String, Supplier<ExportPackage.SignedPdf>> readers = new TreeMap<>();
        files.forEach((id, f) -> readers.put(id, () -> {
            String sha256 = recorded.sha256(f.documentId(), f.stage().key(f.part()));
            return new ExportPackage.SignedPdf(read(f, sha256), sha256);
        }));
        return readers;
    }

    private byte[] read(SignedFiles.SignedFile file, String recordedSha256) {
        return desk.objects().read(file.key(), recordedSha256, file.documentId());
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
