package vn.hocba.signing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.SignedSheetReference;
import vn.hocba.documents.SignedSheets;
import vn.hocba.documents.SubjectMarksTable;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningCredential;

/**
 * The subject result sheets of a class (signing profile, decision 1): each is signed by every
 * teacher of its subject, co-teachers of an integrated subject one after another in column order,
 * each in a box of their own; then extended to LT/LTA, after which it is final and the transcripts
 * and the class gradebook refer to it ({@link SignedSheets}): by its version, the SHA-256 of that
 * final file and its signers.
 */
@Service
public class SubjectSheetSigning implements SignedSheets {

    private final SigningDesk desk;
    private final SchoolDirectory directory;
    private final ClassDocuments classDocuments;

    SubjectSheetSigning(SigningDesk desk, SchoolDirectory directory, ClassDocuments classDocuments) {
        this.desk = desk;
        this.directory = directory;
        this.classDocuments = classDocuments;
    }

    /**
     * The teachers who sign each sheet of the class, in order: per subject, one teaching assignment
     * per teacher in column order (the first co-teacher signs first).
     */
    public List<List<Long>> signingOrder(ClassId classId) {
        Map<SubjectId, List<Long>> perSubject = new LinkedHashMap<>();
        for (List<TeachingAssignment> teachers : coTeachersBySubject(classId).values()) {
            perSubject.put(teachers.get(0).subject().id(), teachers.stream().map(TeachingAssignment::id).toList());
        }
        return new ArrayList<>(perSubject.values());
    }

    /**
     * {@link #signingOrder} without the subjects whose current sheet all its teachers have signed: a run
     * after a correction asks only the teachers of the sheet that changed (issue 13 item 11).
     */
    public List<List<Long>> pendingSigningOrder(ClassId classId) {
        ClassYearDocuments documents = desk.documents(directory.schoolClass(classId));
        List<List<Long>> pending = new ArrayList<>();
        for (List<TeachingAssignment> teachers : coTeachersBySubject(classId).values()) {
            String sheet = documents.sheetOf(teachers.get(0).subject());
            if (!documents.store(SigningStage.SUBJECT_TEACHER, teachers.size()).hasStage(sheet)) {
                pending.add(teachers.stream().map(TeachingAssignment::id).toList());
            }
        }
        return pending;
    }

    /** The teacher of {@code assignmentId} signs the class's sheet of that subject, after the co-teachers before them. */
    public BatchSigner.Result sign(long assignmentId, Actor by) {
        TeachingAssignment assignment = directory.teachingAssignmentById(assignmentId)
                .orElseThrow(() -> Rejected.notFound("Không có phân công giảng dạy số " + assignmentId + "."));
        List<TeachingAssignment> teachers = coTeachersBySubject(assignment.schoolClass().id())
                .get(assignment.subject().id());
        int part = teachers.stream().map(t -> t.teacher().id()).toList().indexOf(assignment.teacher().id()) + 1;
        ClassYearDocuments documents = desk.documents(assignment.schoolClass());
        String sheet = documents.sheetOf(assignment.subject());
        if (part > 1 && !documents.store(SigningStage.SUBJECT_TEACHER, part - 1).hasStage(sheet)) {
            throw Rejected.conflict("Bảng kết quả môn " + assignment.subject().name() + " lớp "
                    + assignment.schoolClass().code() + ": " + teachers.get(part - 2).teacher().fullName()
                    + " chưa ký. Các giáo viên cùng dạy một môn ký lần lượt theo thứ tự cột điểm; hãy chờ lượt của bạn.");
        }
        SigningCredential credential = desk.person(assignment.teacher(), SignerRole.SUBJECT_TEACHER);
        var records = desk.records().prepareSubject(assignment.schoolClass().id(), assignment.subject().code(), part,
                credential, desk.credentialCheck());
        return RecordsAlongside.run(desk.records(), records, credential, by, c -> desk.step().run(documents,
                List.of(sheet), SigningStage.SUBJECT_TEACHER, part,
                SubjectMarksTable.signatureField(assignment.subject().code(), part, teachers.size()), c,
                assignment.teacher().fullName(), by));
    }

    /**
     * Makes every sheet of the class final once all its teachers signed: LT + LTA, once (a sheet
     * already extended is skipped). Refused while a teacher has not signed.
     */
    public void finish(ClassId classId) {
        SchoolClass schoolClass = directory.schoolClass(classId);
        ClassYearDocuments documents = desk.documents(schoolClass);
        for (List<TeachingAssignment> teachers : coTeachersBySubject(classId).values()) {
            String sheet = documents.sheetOf(teachers.get(0).subject());
            for (int part = 1; part <= teachers.size(); part++) {
                if (!documents.store(SigningStage.SUBJECT_TEACHER, part).hasStage(sheet)) {
                    throw Rejected.conflict("Bảng kết quả môn " + teachers.get(0).subject().name() + " lớp "
                            + schoolClass.code() + " chưa được " + teachers.get(part - 1).teacher().fullName()
                            + " ký; chưa thể lập học bạ tham chiếu bảng này.");
                }
            }
        }
        desk.longTerm().extend(documents, documents.sheets());
    }

    @Override
    public Optional<SignedSheetReference> of(String sheetDocumentId) {
        return classDocuments.currentVersion(sheetDocumentId).flatMap(sheet -> desk.signatures()
                .sha256(sheet.id(), SigningStage.LONG_TERM)
                .map(sha256 -> new SignedSheetReference(sheet.id(), sha256,
                        desk.signatures().subjectTeachers(sheet.id()))));
    }

    /** Per subject taught in the class, one assignment per teacher, in column order. */
    private Map<SubjectId, List<TeachingAssignment>> coTeachersBySubject(ClassId classId) {
        Map<SubjectId, List<TeachingAssignment>> bySubject = new LinkedHashMap<>();
        for (TeachingAssignment a : directory.teachingAssignmentsOfClass(classId)) {
            List<TeachingAssignment> teachers = bySubject.computeIfAbsent(a.subject().id(), k -> new ArrayList<>());
            if (teachers.stream().noneMatch(t -> t.teacher().id().equals(a.teacher().id()))) {
                teachers.add(a);
            }
        }
        return bySubject;
    }
}
