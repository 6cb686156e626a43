package vn.hocba.signing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.hocba.common.Rejected;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.CurriculumSubject;
import vn.hocba.storage.ObjectStore;

/**
 * The current (not superseded) year documents of one class that are signed, with where their
 * issued originals and their signed stages lie (the object store, {@code signed/<class>/…}): its subject result sheets (by their teachers), its
 * transcripts, class gradebook and correction record (homeroom teacher, principal, seal) and its
 * report cards (homeroom teacher).
 */
record ClassYearDocuments(SchoolClass schoolClass, List<IssuedDocument> documents, ObjectStore objects,
        String signedPrefix, Function<IssuedDocument, byte[]> original, SignedFiles.Recorded recorded) {

    private static final Set<DocumentKind> SIGNED = Set.of(DocumentKind.TRANSCRIPT, DocumentKind.SUBJECT_RESULT_SHEET,
            DocumentKind.CLASS_GRADEBOOK, DocumentKind.REPORT_CARD, DocumentKind.CORRECTION_RECORD);

    static ClassYearDocuments of(SchoolClass schoolClass, List<IssuedDocument> all, ObjectStore objects,
            Function<IssuedDocument, byte[]> original, SignedFiles.Recorded recorded) {
        List<IssuedDocument> current = all.stream()
                .filter(d -> d.scope() == AssessmentScope.YEAR && !d.superseded() && SIGNED.contains(d.kind()))
                .toList();
        return new ClassYearDocuments(schoolClass, current, objects, signedPrefix(schoolClass.code()), original, recorded);
    }

    /** Where the signed objects of class {@code classCode} are: {@code signed/<class code>}. */
    static String signedPrefix(String classCode) {
        return "signed/" + classCode;
    }

    /** The transcripts, which the homeroom teacher, the principal and the seal sign. */
    List<String> transcripts() {
        List<String> transcripts = ids(DocumentKind.TRANSCRIPT);
        if (transcripts.isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa có học bạ cả năm để ký: hãy tạo văn bản cả năm "
                    + "(sau khi giáo viên bộ môn đã ký bảng kết quả môn).");
        }
        return transcripts;
    }

    /**
     * Transcripts, the class gradebook and the correction record (biên bản sửa điểm, when corrections
     * were applied; issue 13 item 11): signed by the homeroom teacher, the principal and the seal.
     */
    List<String> approved() {
        return Stream.of(transcripts(), ids(DocumentKind.CLASS_GRADEBOOK), ids(DocumentKind.CORRECTION_RECORD))
                .flatMap(List::stream).toList();
    }

    /** What the homeroom teacher signs: transcripts, the class gradebook and the report cards. */
    List<String> homeroomSigned() {
        return Stream.concat(approved().stream(), ids(DocumentKind.REPORT_CARD).stream()).toList();
    }

    List<String> sheets() {
        return ids(DocumentKind.SUBJECT_RESULT_SHEET);
    }

    List<String> all() {
        return documents.stream().map(IssuedDocument::id).toList();
    }

    /** The id of the subject's result sheet (document id {@code KQ-...-<subject code>}). */
    String sheetOf(CurriculumSubject subject) {
        return documents.stream()
                .filter(d -> d.kind() == DocumentKind.SUBJECT_RESULT_SHEET && d.documentId().endsWith("-" + subject.code()))
                .map(IssuedDocument::id).findFirst()
                .orElseThrow(() -> Rejected.conflict("Lớp " + schoolClass.code() + " chưa có bảng kết quả môn "
                        + subject.name() + " cả năm: hãy tạo văn bản cả năm trước."));
    }

    /** The same documents, their stages' hashes read through {@code hashes}. */
    ClassYearDocuments recordedAs(SignedFiles.Recorded hashes) {
        return new ClassYearDocuments(schoolClass, documents, objects, signedPrefix, original, hashes);
    }

    SignedFiles store(SigningStage stage) {
        return store(stage, 1);
    }

    /** The store of signer {@code part} of {@code stage} (co-teachers sign a sheet in turn). */
    SignedFiles store(SigningStage stage, int part) {
        Map<String, IssuedDocument> byId = documents.stream()
                .collect(Collectors.toMap(IssuedDocument::id, Function.identity()));
        return new SignedFiles(objects, signedPrefix, id -> original.apply(byId.get(id)), recorded, stage, part);
    }

    /** The latest signed object of every document, empty where nothing is signed yet; by document id. */
    Map<String, Optional<SignedFiles.SignedFile>> latestFiles() {
        Map<String, Optional<SignedFiles.SignedFile>> latest = new TreeMap<>();
        documents.forEach(d -> latest.put(d.id(), SignedFiles.latest(objects, signedPrefix, d.id())));
        return latest;
    }

    /** The stage after which a document of this kind is complete and extended to LT/LTA. */
    static SigningStage lastStage(DocumentKind kind) {
        return switch (kind) {
            case SUBJECT_RESULT_SHEET -> SigningStage.SUBJECT_TEACHER;
            case REPORT_CARD -> SigningStage.HOMEROOM_TEACHER;
            default -> SigningStage.SCHOOL_SEAL;
        };
    }

    private List<String> ids(DocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).map(IssuedDocument::id).toList();
    }
}
