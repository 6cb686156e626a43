package vn.hocba.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.Subject;
import vn.hocba.common.Rejected;

/**
 * The current (not superseded) year documents of one class that are signed: its subject result
 * sheets and its transcripts, with where their issued originals and their signed stages lie.
 */
record ClassYearDocuments(SchoolClass schoolClass, List<IssuedDocument> documents, Path signedDirectory,
        Function<IssuedDocument, Path> originalFile) {

    static ClassYearDocuments of(SchoolClass schoolClass, List<IssuedDocument> all, Path signedRoot,
            Function<IssuedDocument, Path> originalFile) {
        List<IssuedDocument> current = all.stream()
                .filter(d -> d.scope() == AssessmentScope.YEAR && !d.superseded())
                .filter(d -> d.kind() == DocumentKind.TRANSCRIPT || d.kind() == DocumentKind.SUBJECT_RESULT_SHEET)
                .toList();
        if (current.stream().noneMatch(d -> d.kind() == DocumentKind.TRANSCRIPT)) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa có học bạ cả năm để ký: hãy tạo văn bản cả năm trước.");
        }
        return new ClassYearDocuments(schoolClass, current, signedRoot.resolve(schoolClass.code()), originalFile);
    }

    List<String> transcripts() {
        return ids(DocumentKind.TRANSCRIPT);
    }

    List<String> all() {
        return documents.stream().map(IssuedDocument::id).toList();
    }

    /** The id of the subject's result sheet (document id {@code KQ-...-<subject code>}). */
    String sheetOf(Subject subject) {
        return documents.stream()
                .filter(d -> d.kind() == DocumentKind.SUBJECT_RESULT_SHEET && d.documentId().endsWith("-" + subject.code()))
                .map(IssuedDocument::id).findFirst()
                .orElseThrow(() -> Rejected.conflict("Lớp " + schoolClass.code() + " chưa có bảng kết quả môn "
                        + subject.name() + " cả năm: hãy tạo văn bản cả năm trước."));
    }

    SignedFiles store(SigningStage stage) {
        Map<String, IssuedDocument> byId = documents.stream()
                .collect(Collectors.toMap(IssuedDocument::id, Function.identity()));
        return new SignedFiles(signedDirectory, id -> originalFile.apply(byId.get(id)), stage);
    }

    /** The latest signed file of every document (the issued original where nothing is signed yet). */
    Map<String, Path> latestFiles() {
        return documents.stream().collect(Collectors.toMap(IssuedDocument::id,
                d -> SignedFiles.latest(signedDirectory, d.id()).orElseGet(() -> originalFile.apply(d))));
    }

    private List<String> ids(DocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).map(IssuedDocument::id).toList();
    }
}
