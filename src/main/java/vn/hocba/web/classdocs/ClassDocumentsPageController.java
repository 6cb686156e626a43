package vn.hocba.web.classdocs;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.web.Crumb;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.documents.PagePreviews;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.ClassSigning;
import vn.hocba.signing.RecordedSignatures;
import vn.hocba.signing.RecordedSignatures.RecordedSignature;
import vn.hocba.signing.SignedVersions;
import vn.hocba.workflow.PendingApprovals;

/**
 * "Văn bản của lớp": every document version with its state and signatures, page previews rendered on
 * the server, and the principal's "Ký tất cả" whose progress (n of m) the page polls from the server.
 */
@Controller
class ClassDocumentsPageController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final ClassDocuments documents;
    private final SignedVersions signed;
    private final RecordedSignatures signatures;
    private final ClassSigning signing;
    private final PagePreviews previews;
    private final PendingApprovals pending;
    private final SignAllRuns runs;

    ClassDocumentsPageController(AccessPolicy access, SchoolDirectory directory, ClassDocuments documents,
            SignedVersions signed, RecordedSignatures signatures, ClassSigning signing, PagePreviews previews,
            PendingApprovals pending, SignAllRuns runs) {
        this.access = access;
        this.directory = directory;
        this.documents = documents;
        this.signed = signed;
        this.signatures = signatures;
        this.signing = signing;
        this.previews = previews;
        this.pending = pending;
        this.runs = runs;
    }

    /** One document version as a row of the table. */
    record Row(String id, String kind, String student, int version, String scope, boolean current, String supersedes,
            String supersededBy, List<RecordedSignature> signatures) {
    }

    /** The progress the page polls: {@code done} of {@code total} signed by the principal, the last run's outcome. */
    record SignAllProgress(int done, int total, boolean running, boolean open, String error, Map<String, String> failed) {
    }

    @GetMapping("/lop/{classId}/tai-lieu")
    String page(@PathVariable long classId, Model model) {
        Viewer viewer = reader(classId);
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        Map<String, List<RecordedSignature>> byDocument = signatures.ofClass(schoolClass.id());
        List<Row> rows = documents.ofClass(schoolClass.id()).stream()
                .sorted(Comparator.comparing((IssuedDocument d) -> d.kind().ordinal())
                        .thenComparing(d -> d.studentName().orElse("")).thenComparing(IssuedDocument::version))
                .map(d -> new Row(d.id(), d.kind().displayName(), d.studentName().orElse(""), d.version(),
                        d.scope().label(), d.supersededBy().isEmpty(), d.supersedes().orElse(null),
                        d.supersededBy().orElse(null), byDocument.getOrDefault(d.id(), List.of())))
                .toList();
        model.addAttribute("viewer", viewer);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("rows", rows);
        model.addAttribute("crumbs", List.of(Crumb.schoolClass(schoolClass, null), Crumb.here("Văn bản")));
        model.addAttribute("progress", progress(schoolClass));
        model.addAttribute("canSign", viewer.has(Role.PRINCIPAL));
        model.addAttribute("ownKeySteps", ownKeySteps(viewer, schoolClass.id()));
        return "class-documents";
    }

    /** The signing steps of this class the viewer may do with their own token or phone (page {@code /ki-so}). */
    private static List<OwnKeyStep> ownKeySteps(Viewer viewer, ClassId schoolClass) {
        List<OwnKeyStep> steps = new java.util.ArrayList<>();
        if (viewer.teachesIn(schoolClass)) {
            steps.add(new OwnKeyStep("SUBJECT_SHEET", "Ký bảng kết quả môn học"));
        }
        if (viewer.isHomeroomTeacherOf(schoolClass)) {
            steps.add(new OwnKeyStep("HOMEROOM", "Giáo viên chủ nhiệm ký học bạ, sổ theo dõi và phiếu liên lạc"));
        }
        if (viewer.has(Role.PRINCIPAL)) {
            steps.add(new OwnKeyStep("PRINCIPAL", "Hiệu trưởng ký học bạ và sổ theo dõi"));
        }
        return steps;
    }

    /** A link to the own-key signing page for one step. */
    record OwnKeyStep(String step, String label) {
    }

    @GetMapping("/lop/{classId}/tai-lieu/{versionId}")
    String preview(@PathVariable long classId, @PathVariable String versionId, Model model) {
        Viewer viewer = reader(classId);
        IssuedDocument document = document(classId, versionId);
        model.addAttribute("viewer", viewer);
        model.addAttribute("schoolClass", directory.schoolClass(new ClassId(classId)));
        model.addAttribute("document", document);
        model.addAttribute("pages", previews.pages(signed.file(document)));
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        model.addAttribute("crumbs", List.of(Crumb.schoolClass(schoolClass, null),
                Crumb.link("Văn bản", "/lop/" + classId + "/tai-lieu"), Crumb.here(document.kind().displayName())));
        return "class-document-preview";
    }

    @GetMapping("/lop/{classId}/tai-lieu/{versionId}/trang/{page}.png")
    ResponseEntity<FileSystemResource> pageImage(@PathVariable long classId, @PathVariable String versionId,
            @PathVariable int page) {
        reader(classId);
        IssuedDocument document = document(classId, versionId);
        Path png = previews.page(document.id(), signed.sha256(document), signed.file(document), page);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(png));
    }

    @PostMapping("/lop/{classId}/tai-lieu/ky-tat-ca")
    String signAll(@PathVariable long classId, RedirectAttributes flash) {
        Viewer viewer = access.requirePrincipal("ký số học bạ của lớp");
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        if (!signable(schoolClass)) {
            flash.addFlashAttribute("error", "Học bạ lớp " + schoolClass.code()
                    + " chưa đến bước Hiệu trưởng ký (GVCN chưa ký hết) hoặc đã ký xong.");
        } else if (!runs.start(schoolClass, access.actor(viewer, Role.PRINCIPAL))) {
            flash.addFlashAttribute("info", "Đang ký học bạ lớp " + schoolClass.code() + ".");
        }
        return "redirect:/lop/" + classId + "/tai-lieu";
    }

    @GetMapping("/lop/{classId}/tai-lieu/tien-do")
    @ResponseBody
    SignAllProgress progressOf(@PathVariable long classId) {
        reader(classId);
        return progress(directory.schoolClass(new ClassId(classId)));
    }

    private SignAllProgress progress(SchoolClass schoolClass) {
        ClassSigning.Progress p = signing.progress(schoolClass.id());
        SignAllRuns.Run run = runs.last(schoolClass.id().value());
        return new SignAllProgress(p.signedByPrincipal(), p.toSignByPrincipal(), run != null && run.running(),
                signable(schoolClass), run == null ? null : run.error(),
                run == null ? Map.of() : new LinkedHashMap<>(run.failed()));
    }

    private boolean signable(SchoolClass schoolClass) {
        return pending.open().stream().anyMatch(p -> p.kind() == PendingApprovals.Kind.SIGN_DOCUMENTS
                && p.classId() == schoolClass.id().value());
    }

    private Viewer reader(long classId) {
        return access.requireReadWholeClass(new ClassId(classId), "văn bản của lớp");
    }

    private IssuedDocument document(long classId, String versionId) {
        IssuedDocument document = documents.find(versionId).filter(d -> d.classId() == classId)
                .orElseThrow(() -> Rejected.notFound("Lớp không có văn bản mã " + versionId + "."));
        return document;
    }
}
