package vn.hocba.exchange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.common.Rejected;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.Position;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.Staff;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.signing.BatchSigner;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningServices;

/**
 * Signs a class's year documents in the school's order into the signed store
 * ({@code ${hocba.data-dir}/signed/<class>}): each subject result sheet by its teacher, every
 * transcript by the homeroom teacher, then by the principal (progress in {@code document_signature}),
 * then the school seal and the long-term extension (LT + LTA) of every signed document. Each step can
 * be run again: what the signer already signed is skipped, what a crash left undone is finished.
 */
@Service
public class ClassSigning {

    private static final Logger log = LoggerFactory.getLogger(ClassSigning.class);

    /** How far the principal's batch is: transcripts signed out of all. */
    public record Progress(int transcripts, int signedByHomeroom, int signedByPrincipal, int sealed) {
    }

    private final ClassDocuments classDocuments;
    private final SchoolDirectory directory;
    private final DocumentSignatures signatures;
    private final AuditLog audit;
    private final ObjectProvider<SigningServices> services;
    private final ObjectProvider<SignerCredentials> credentials;
    private final Clock clock;
    private final Path signedRoot;
    private final Path exportRoot;
    private final TransactionTemplate transactions;

    public ClassSigning(ClassDocuments classDocuments, SchoolDirectory directory, DocumentSignatures signatures,
            AuditLog audit, ObjectProvider<SigningServices> services, ObjectProvider<SignerCredentials> credentials,
            Clock clock, PlatformTransactionManager transactionManager, @Value("${hocba.data-dir}") Path dataDir) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.classDocuments = classDocuments;
        this.directory = directory;
        this.signatures = signatures;
        this.audit = audit;
        this.services = services;
        this.credentials = credentials;
        this.clock = clock;
        this.signedRoot = dataDir.resolve("signed");
        this.exportRoot = dataDir.resolve("exports");
    }

    /** The subject teacher of {@code assignmentId} signs the class's result sheet of that subject. */
    public BatchSigner.Result signSubjectSheet(long assignmentId, Actor by) {
        TeachingAssignment assignment = directory.teachingAssignmentById(assignmentId)
                .orElseThrow(() -> Rejected.notFound("Không có phân công giảng dạy số " + assignmentId + "."));
        ClassYearDocuments documents = documents(assignment.schoolClass());
        Staff teacher = assignment.teacher();
        return step().run(documents, List.of(documents.sheetOf(assignment.subject())), SigningStage.SUBJECT_TEACHER,
                SignerRole.subjectFieldName(assignment.subject().code()),
                credentials.getObject().person(teacher.fullName(), SignerRole.SUBJECT_TEACHER.title()),
                teacher.fullName(), by);
    }

    /** The homeroom teacher signs every transcript of the class (one batch). */
    public BatchSigner.Result homeroomSigns(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        Staff teacher = directory.homeroomOf(classId).orElseThrow(() -> Rejected.conflict(
                "Lớp " + schoolClass.code() + " chưa có giáo viên chủ nhiệm.")).teacher();
        ClassYearDocuments documents = documents(schoolClass);
        return step().run(documents, documents.transcripts(), SigningStage.HOMEROOM_TEACHER,
                SignerRole.HOMEROOM_TEACHER.fieldName(), person(teacher, SignerRole.HOMEROOM_TEACHER), teacher.fullName(), by);
    }

    /** The principal signs every transcript the homeroom teacher signed (one batch, resumable). */
    public BatchSigner.Result principalSigns(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = documents(schoolClass);
        requireStage(documents, documents.transcripts(), SigningStage.HOMEROOM_TEACHER);
        Staff principal = principalOf(schoolClass);
        return step().run(documents, documents.transcripts(), SigningStage.PRINCIPAL, SignerRole.PRINCIPAL.fieldName(),
                person(principal, SignerRole.PRINCIPAL), principal.fullName(), by);
    }

    /** The school seal on every transcript the principal signed, then LT + LTA on every signed document. */
    public void applySeal(ClassId classId, Actor by) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = documents(schoolClass);
        requireStage(documents, documents.transcripts(), SigningStage.PRINCIPAL);
        String school = schoolName(schoolClass);
        step().run(documents, documents.transcripts(), SigningStage.SCHOOL_SEAL, SignerRole.SCHOOL_SEAL.fieldName(),
                credentials.getObject().seal(school), school, by);
        new LongTermExtension(services.getObject().chain(clock), signatures, clock).extend(documents);
        log.info("Class {}: seal and long-term extension done for {} documents", schoolClass.code(),
                documents.all().size());
    }

    public Progress progress(ClassId classId) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        int transcripts = documents(schoolClass).transcripts().size();
        long id = classId.value();
        return new Progress(transcripts, signatures.count(id, SigningStage.HOMEROOM_TEACHER),
                signatures.count(id, SigningStage.PRINCIPAL), signatures.count(id, SigningStage.SCHOOL_SEAL));
    }

    /** The latest file of every signed document of the class, by issued document id. */
    public Map<String, Path> signedFiles(ClassId classId) {
        return documents(directory.schoolClass(classId)).latestFiles();
    }

    /**
     * The class's export package ({@code ${hocba.data-dir}/exports/<year>/<class>.zip}), built once
     * after the long-term extension of every document.
     */
    public Path exportPackage(ClassId classId) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        Map<String, Path> files = documents(schoolClass).latestFiles();
        files.forEach((id, file) -> {
            if (!file.getFileName().toString().equals(SigningStage.LONG_TERM.fileName())) {
                throw Rejected.conflict("Văn bản " + id + " của lớp " + schoolClass.code()
                        + " chưa ký xong (chưa đóng dấu và gia hạn LTA); chưa thể lập gói xuất.");
            }
        });
        String year = directory.year(schoolClass.yearId()).name();
        try {
            return ExportPackage.build(exportRoot.resolve(year).resolve(schoolClass.code() + ".zip"),
                    schoolClass.code(), files);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot build the export package of class " + schoolClass.code(), e);
        }
    }

    private ClassYearDocuments documents(SchoolClass schoolClass) {
        return ClassYearDocuments.of(schoolClass, classDocuments.ofClass(schoolClass.id()), signedRoot,
                classDocuments::file);
    }

    private vn.hocba.signing.SigningCredential person(Staff staff, SignerRole role) {
        return credentials.getObject().person(staff.fullName(), role.title());
    }

    private SignatureStep step() {
        return new SignatureStep(services.getObject().batchSigner(), signatures, audit, clock, transactions);
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
