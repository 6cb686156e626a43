package vn.hocba.web.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.GenerationRun;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.SignedVersions;
import vn.hocba.documents.DocumentKind;

/** Issuing a class's documents (PDF/A-3b), listing them and downloading one. */
@RestController
@Tag(name = "Học bạ và sổ sách", description = "Tạo, liệt kê và tải học bạ, sổ theo dõi, bảng kết quả môn, phiếu liên lạc, biên bản sửa điểm")
class DocumentsApiController {

    private final AccessPolicy access;
    private final ClassDocuments documents;
    private final Accounts accounts;
    private final SignedVersions signed;

    DocumentsApiController(AccessPolicy access, ClassDocuments documents, Accounts accounts, SignedVersions signed) {
        this.access = access;
        this.documents = documents;
        this.accounts = accounts;
        this.signed = signed;
    }

    /** An issued document version as the API shows it. */
    record DocumentView(String id, String documentId, int version, String supersedes, String supersededBy, String kind,
            String kindName, String scope, String className, Long studentId, String studentName, String sha256,
            String dataSha256, long size, Instant createdAt, String createdBy, String download, String verification) {

        static DocumentView of(IssuedDocument d) {
            return new DocumentView(d.id(), d.documentId(), d.version(), d.supersedes().orElse(null),
                    d.supersededBy().orElse(null), d.kind().name(), d.kind().displayName(), d.scope().name(),
                    d.className(), d.studentId().orElse(null), d.studentName().orElse(null), d.sha256(), d.dataSha256(),
                    d.size(), d.createdAt(), d.createdBy(), "/api/documents/" + d.id(), "/xac-minh/" + d.id());
        }
    }

    /**
     * A generation run as the API shows it: progress ({@code done} of {@code total} documents), and once
     * COMPLETED its documents (issued anew or unchanged); a FAILED run says what went wrong.
     */
    record GenerationView(long id, String status, int done, int total, String error, Instant startedAt,
            Instant finishedAt, Integer issued, Integer unchanged, List<DocumentView> documents, String progress) {
    }

    @PostMapping("/api/classes/{classId}/documents")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Tạo các văn bản của lớp cho một học kì hoặc cả năm (TERM_1, TERM_2, YEAR), chạy nền",
            description = "Trả về ngay lần tạo văn bản và địa chỉ theo dõi tiến độ. Văn bản của lần tạo chỉ được phát "
                    + "hành khi lần tạo xong (tất cả hoặc không); lần tạo bị ngắt được tiếp tục ở lần yêu cầu sau. "
                    + "Văn bản có dữ liệu không đổi được giữ nguyên; văn bản có dữ liệu thay đổi (sau sửa điểm) "
                    + "được phát hành phiên bản mới thay thế phiên bản trước.")
    GenerationView generate(@PathVariable long classId, @RequestParam(defaultValue = "YEAR") AssessmentScope scope) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireDocumentIssuing(id);
        GenerationRun run = documents.start(id, scope, access.actor(viewer, actingRole(viewer)),
                username -> accounts.byUsername(username).map(Account::displayName).orElse(username));
        return view(run, viewer);
    }

    @GetMapping("/api/classes/{classId}/document-generations/{runId}")
    @Operation(summary = "Tiến độ một lần tạo văn bản của lớp (đã tạo bao nhiêu trên tổng số); khi xong, các văn bản")
    GenerationView generation(@PathVariable long classId, @PathVariable long runId) {
        Viewer viewer = access.requireReadClass(new ClassId(classId));
        GenerationRun run = documents.run(runId).filter(r -> r.classId() == classId).orElseThrow(() -> Rejected.notFound(
                "Lớp không có lần tạo văn bản số " + runId + "."));
        return view(run, viewer);
    }

    /**
     * The run as {@code viewer} may see it: its documents filtered as in {@link #list}. Each document's data
     * hash is the key to its public verification page and page picture, so a subject teacher must not get the
     * hashes of the transcripts and report cards (every subject's results) from here either.
     */
    private GenerationView view(GenerationRun run, Viewer viewer) {
        boolean completed = run.completed();
        List<IssuedDocument> all = completed ? documents.current(new ClassId(run.classId()), run.scope(), run.kinds()) : null;
        List<DocumentView> list = completed ? all.stream().filter(d -> readable(viewer, d)).map(DocumentView::of).toList()
                : null;
        Integer issued = completed ? documents.issuedBy(run.id()) : null;
        return new GenerationView(run.id(), run.status().name(), run.done(), run.total(), run.error().orElse(null),
                run.startedAt(), run.finishedAt().orElse(null), issued, completed ? all.size() - issued : null, list,
                "/api/classes/" + run.classId() + "/document-generations/" + run.id());
    }

    @GetMapping("/api/classes/{classId}/documents")
    @Operation(summary = "Các văn bản đã phát hành của lớp, mọi phiên bản")
    List<DocumentView> list(@PathVariable long classId) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        return documents.ofClass(id).stream().filter(d -> readable(viewer, d)).map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "Tải tệp PDF/A của một phiên bản văn bản: tệp đã ký mới nhất khi đã ký, nếu chưa thì bản gốc")
    ResponseEntity<InputStreamResource> download(@PathVariable String id) {
        IssuedDocument document = documents.find(id).orElseThrow(() -> notFound(id));
        Viewer viewer = access.requireReadClass(new ClassId(document.classId()));
        if (!readable(viewer, document)) {
            access.requireReadWholeClass(new ClassId(document.classId()), "học bạ, sổ theo dõi, phiếu liên lạc");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.id() + ".pdf").build().toString())
                .header("X-Content-SHA256", signed.sha256(document))
                .body(new InputStreamResource(signed.open(document)));
    }

    static Rejected notFound(String id) {
        return Rejected.notFound("Không có văn bản mã " + id + ". Hãy kiểm tra lại mã in ở chân trang văn bản.");
    }

    private static Role actingRole(Viewer viewer) {
        for (Role role : List.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.CLERK)) {
            if (viewer.has(role)) {
                return role;
            }
        }
        return Role.HOMEROOM_TEACHER;
    }

    /**
     * Whole-class readers read every document of the class; a subject teacher only the result sheets
     * of the subjects they teach there (the sheet's document id ends with the subject code).
     */
    private static boolean readable(Viewer viewer, IssuedDocument document) {
        ClassId id = new ClassId(document.classId());
        return viewer.seesWholeClass(id) || document.kind() == DocumentKind.SUBJECT_RESULT_SHEET
                && viewer.teaching().stream().filter(t -> t.schoolClass().id().equals(id))
                        .anyMatch(t -> document.documentId().endsWith("-" + t.subject().code()));
    }
}
