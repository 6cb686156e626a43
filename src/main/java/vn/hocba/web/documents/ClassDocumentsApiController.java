package vn.hocba.web.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.signing.ClassSigning;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.pades.BatchSigner;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.signing.ExportPackageVersion;
import vn.hocba.signing.ExportPackageFile;

/** The ClassDocuments process through the API: each person signs their part, the clerk archives. */
@RestController
@RequestMapping("/api/classes/{classId}/year-documents")
@Tag(name = "Ký số văn bản cả năm", description = "Tạo văn bản → GVBM ký bảng môn → GVCN ký học bạ → Hiệu trưởng ký → đóng dấu, LTA → gói xuất → văn thư lưu trữ")
class ClassDocumentsApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final ClassDocumentsWorkflow workflow;
    private final ClassSigning signing;

    ClassDocumentsApiController(AccessPolicy access, SchoolDirectory directory, ClassDocumentsWorkflow workflow,
            ClassSigning signing) {
        this.access = access;
        this.directory = directory;
        this.workflow = workflow;
        this.signing = signing;
    }

    record Started(String processInstanceId) {
    }

    record Signed(int signed, int alreadySigned) {
        static Signed of(BatchSigner.Result result) {
            return new Signed(result.signed().size(), result.alreadySigned().size());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bắt đầu lập và ký văn bản cả năm của lớp (Hiệu trưởng, Phó hiệu trưởng, văn thư hoặc GVCN)")
    Started start(@PathVariable long classId) {
        Viewer viewer = access.requireDocumentIssuing(new ClassId(classId));
        return new Started(workflow.start(schoolClass(classId), access.actor(viewer, Role.PRINCIPAL)));
    }

    @PostMapping("/subject-sheet/signature")
    @Operation(summary = "GVBM ký số bảng kết quả môn mình dạy của lớp")
    Signed signSubjectSheet(@PathVariable long classId) {
        Viewer viewer = access.current();
        return Signed.of(workflow.signSubjectSheet(schoolClass(classId), access.actor(viewer, Role.SUBJECT_TEACHER)));
    }

    @PostMapping("/homeroom-signature")
    @Operation(summary = "GVCN ký số học bạ của cả lớp (một lần cho cả lớp)")
    Signed homeroomSigns(@PathVariable long classId) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        return Signed.of(workflow.homeroomSigns(schoolClass(classId), access.actor(viewer, Role.HOMEROOM_TEACHER)));
    }

    @PostMapping("/principal-signature")
    @Operation(summary = "Hiệu trưởng ký số học bạ của lớp (một lần cho cả lớp; làm lại được nếu bị ngắt)")
    Signed principalSigns(@PathVariable long classId) {
        Viewer viewer = access.requirePrincipal("ký số học bạ của lớp");
        return Signed.of(workflow.principalSigns(schoolClass(classId), access.actor(viewer, Role.PRINCIPAL)));
    }

    @GetMapping("/progress")
    @Operation(summary = "Tiến độ ký học bạ của lớp: số học bạ đã được GVCN, Hiệu trưởng ký và đóng dấu")
    ClassSigning.Progress progress(@PathVariable long classId) {
        access.requireReadClass(new ClassId(classId));
        return signing.progress(new ClassId(classId));
    }

    @GetMapping("/package")
    @Operation(summary = "Văn thư tải gói xuất của lớp (PDF đã ký, XML dữ liệu, manifest.json)")
    ResponseEntity<InputStreamResource> download(@PathVariable long classId) {
        clerk();
        ExportPackageFile zip = workflow.currentExportPackage(schoolClass(classId));
        // Streamed from the document store (checked against its recorded SHA-256 before the first byte).
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip")).contentLength(zip.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(zip.fileName()).build().toString())
                .header("X-Content-SHA256", zip.sha256())
                .body(new InputStreamResource(signing.openExportPackage(zip)));
    }

    @GetMapping("/packages")
    @Operation(summary = "Các phiên bản gói xuất của lớp: phiên bản mới nhất là hiện hành, các phiên bản trước đã lỗi thời "
            + "(outdated) vì có văn bản trong đó đã được thay thế")
    List<ExportPackageVersion> packages(@PathVariable long classId) {
        access.requireReadClass(new ClassId(classId));
        return signing.exportPackages(new ClassId(classId));
    }

    @PostMapping("/archived")
    @Operation(summary = "Văn thư xác nhận đã tải về và lưu trữ gói xuất; quy trình kết thúc")
    void archived(@PathVariable long classId) {
        workflow.archived(schoolClass(classId), access.actor(clerk(), Role.CLERK));
    }

    private Viewer clerk() {
        Viewer viewer = access.current();
        if (!List.of(Role.CLERK, Role.PRINCIPAL).stream().anyMatch(viewer::has)) {
            throw Rejected.forbidden("Chỉ văn thư (hoặc Hiệu trưởng) được tải và lưu trữ gói xuất văn bản đã ký.");
        }
        return viewer;
    }

    private SchoolClass schoolClass(long classId) {
        return directory.schoolClass(new ClassId(classId));
    }
}
