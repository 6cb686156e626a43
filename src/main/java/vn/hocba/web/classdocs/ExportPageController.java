package vn.hocba.web.classdocs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.ExportPackageReceipts;
import vn.hocba.signing.ExportPackageReceipts.ManifestFile;
import vn.hocba.signing.ExportPackageReceipts.PackageState;
import vn.hocba.signing.RecordedSignatures;
import vn.hocba.signing.RecordedSignatures.RecordedSignature;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.workflow.PendingApprovals;

/**
 * "Xuất văn bản" for the clerk (văn thư): each class's export package with its state (ready, downloaded,
 * archived, outdated after a correction), the versions, the manifest as a table, the download, and the
 * "Đã lưu trữ" confirmation that also ends the ClassDocuments process when it waits for it.
 */
@Controller
class ExportPageController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final ExportPackageReceipts receipts;
    private final RecordedSignatures signatures;
    private final ClassDocumentsWorkflow workflow;
    private final PendingApprovals pending;

    ExportPageController(AccessPolicy access, SchoolContext context, SchoolDirectory directory,
            ExportPackageReceipts receipts, RecordedSignatures signatures, ClassDocumentsWorkflow workflow,
            PendingApprovals pending) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.receipts = receipts;
        this.signatures = signatures;
        this.workflow = workflow;
        this.pending = pending;
    }

    /** A class in the school table: its latest package version, if any. */
    record ClassPackage(SchoolClass schoolClass, PackageState latest, int versions) {
    }

    /** A manifest line with the document's recorded signatures (PDF files). */
    record ManifestRow(String path, String kind, String sha256, long size, boolean current, List<RecordedSignature> signatures) {
    }

    @GetMapping("/xuat")
    String school(Model model) {
        Viewer viewer = clerk();
        List<ClassPackage> classes = new ArrayList<>();
        for (SchoolClass c : directory.classes(context.activeYear(viewer).id())) {
            List<PackageState> states = receipts.of(c.id());
            classes.add(new ClassPackage(c, states.isEmpty() ? null : states.get(0), states.size()));
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("classes", classes);
        model.addAttribute("crumbs", List.of(Crumb.here("Gói xuất")));
        return "exports";
    }

    @GetMapping("/xuat/lop/{classId}")
    String ofClass(@PathVariable long classId, @RequestParam(required = false) Integer version, Model model) {
        Viewer viewer = clerk();
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        List<PackageState> states = receipts.of(schoolClass.id());
        PackageState shown = states.stream().filter(s -> version == null || s.version().version() == version).findFirst()
                .orElse(null);
        model.addAttribute("viewer", viewer);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("states", states);
        model.addAttribute("crumbs", List.of(Crumb.link("Gói xuất", "/xuat"), Crumb.here("Lớp " + schoolClass.code())));
        model.addAttribute("shown", shown);
        model.addAttribute("manifest", shown == null ? List.of() : manifest(schoolClass, shown.version().version()));
        return "export-class";
    }

    @GetMapping("/xuat/lop/{classId}/goi/{version}.zip")
    ResponseEntity<FileSystemResource> download(@PathVariable long classId, @PathVariable int version) {
        Viewer viewer = clerk();
        Path zip = receipts.download(directory.schoolClass(new ClassId(classId)), version, access.actor(viewer, actingRole(viewer)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(zip.getFileName().toString()).build().toString())
                .body(new FileSystemResource(zip));
    }

    @PostMapping("/xuat/lop/{classId}/goi/{version}/luu-tru")
    String archived(@PathVariable long classId, @PathVariable int version, RedirectAttributes flash) {
        Viewer viewer = clerk();
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        try {
            var actor = access.actor(viewer, actingRole(viewer));
            receipts.archived(schoolClass, version, actor);
            boolean waiting = pending.open().stream().anyMatch(p -> p.kind() == PendingApprovals.Kind.ARCHIVE_PACKAGE
                    && p.classId() == classId);
            if (waiting) {
                workflow.archived(schoolClass, actor);
            }
            flash.addFlashAttribute("info", "Đã xác nhận lưu trữ gói xuất phiên bản " + version + " của lớp "
                    + schoolClass.code() + ".");
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/xuat/lop/" + classId + "?version=" + version;
    }

    private List<ManifestRow> manifest(SchoolClass schoolClass, int version) {
        Map<String, List<RecordedSignature>> byDocument = signatures.ofClass(schoolClass.id());
        List<ManifestRow> rows = new ArrayList<>();
        for (ManifestFile f : receipts.manifest(schoolClass, version)) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            String kind = f.path().endsWith(".pdf") ? "PDF/A-3b đã ký" : f.path().endsWith(".xml") ? "Dữ liệu XML" : "Tệp";
            rows.add(new ManifestRow(f.path(), f.current() ? kind : kind + " (bản đã thay thế)", f.sha256(), f.size(),
                    f.current(), f.path().endsWith(".pdf") ? byDocument.getOrDefault(id, List.of()) : List.of()));
        }
        return rows;
    }

    private static Role actingRole(Viewer viewer) {
        return viewer.has(Role.CLERK) ? Role.CLERK : Role.PRINCIPAL;
    }

    private Viewer clerk() {
        Viewer viewer = access.current();
        if (!viewer.has(Role.CLERK) && !viewer.has(Role.PRINCIPAL)) {
            throw Rejected.forbidden("Chỉ văn thư (hoặc Hiệu trưởng) được tải và lưu trữ gói xuất văn bản đã ký.");
        }
        return viewer;
    }
}
