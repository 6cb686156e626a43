package vn.hocba.web.excel;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.excel.UploadPreview;
import vn.hocba.gradebook.excel.WholeClassPreview;
import vn.hocba.gradebook.excel.WholeClassUpload;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.homeroom.ClassPage;

/**
 * Sổ điểm cả lớp bằng Excel (GVCN): download the whole-class workbook of a term (the API's file),
 * upload it filled in, see the preview of every sheet cell by cell, apply all or nothing. The same
 * {@link WholeClassUpload} as the API: cells of subjects the uploader does not teach are refused.
 */
@Controller
class ClassExcelPageController {

    /** The cells of one sheet worth looking at (everything but UNCHANGED), with the sheet's counts. */
    record Sheet(String code, String name, boolean taught, UploadPreview.Counts counts, boolean applicable, List<String> problems,
            List<UploadPreview.PreviewCell> cells) {
    }

    private final ClassPage page;
    private final AccessPolicy access;
    private final WholeClassUpload wholeClass;

    ClassExcelPageController(ClassPage page, AccessPolicy access, WholeClassUpload wholeClass) {
        this.page = page;
        this.access = access;
        this.wholeClass = wholeClass;
    }

    @GetMapping("/lop/{classId}/excel")
    String show(@PathVariable long classId, @RequestParam(name = "hocKi", required = false) Integer hocKi, Model model) {
        SchoolClass schoolClass = page.readable(classId, "sổ điểm cả lớp", model);
        int term = ClassPage.term(hocKi == null ? page.currentTerm(schoolClass) : hocKi);
        model.addAttribute("term", term);
        page.titled(model, schoolClass, "excel", "Sổ điểm cả lớp bằng Excel", vn.hocba.web.Crumb.termLabel(term));
        model.addAttribute("download", "/api/classes/" + classId + "/terms/" + term + "/gradebook.xlsx");
        return "excel/class";
    }

    @PostMapping("/lop/{classId}/excel/xem-truoc")
    String preview(@PathVariable long classId, @RequestParam int hocKi, @RequestParam(required = false) MultipartFile file,
            Model model) throws IOException {
        Viewer viewer = access.requireReadClass(new ClassId(classId));
        SchoolClass schoolClass = page.readable(classId, "sổ điểm cả lớp", model);
        try {
            if (file == null || file.isEmpty()) {
                throw Rejected.invalid("Hãy chọn tệp Excel (.xlsx) sổ điểm cả lớp đã điền.");
            }
            WholeClassPreview preview = wholeClass.preview(schoolClass, ClassPage.term(hocKi), ExcelApiController.teaching(viewer,
                    schoolClass.id()), file.getBytes(), file.getOriginalFilename(), viewer.account().username());
            model.addAttribute("preview", preview);
            model.addAttribute("sheets", preview.sheets().stream().map(s -> new Sheet(s.subjectCode(), s.subjectName(), s.taught(),
                    s.preview().counts(), s.preview().applicable(), s.preview().problems(), s.preview().cells().stream()
                            .filter(c -> c.outcome() != UploadPreview.Outcome.UNCHANGED).toList())).toList());
            Map<String, String> ids = new LinkedHashMap<>();
            preview.sheets().forEach(s -> ids.put(s.subjectCode(), s.preview().id()));
            model.addAttribute("previewIds", ids);
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
        }
        return show(classId, hocKi, model);
    }

    @PostMapping("/lop/{classId}/excel/ap-dung")
    String apply(@PathVariable long classId, @RequestParam int hocKi, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.requireReadClass(new ClassId(classId));
        SchoolClass schoolClass = page.readable(classId, "sổ điểm cả lớp", model);
        Map<String, String> ids = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("preview_")) {
                ids.put(k.substring("preview_".length()), v);
            }
        });
        try {
            WholeClassUpload.Applied applied = wholeClass.apply(schoolClass, ClassPage.term(hocKi), ids,
                    ExcelApiController.teaching(viewer, schoolClass.id()), access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("saved", "Đã lưu " + applied.changed() + " điểm từ tệp Excel.");
            return "redirect:/lop/" + classId + "/excel?hocKi=" + hocKi;
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage() + " Hãy tải tệp lên lại để xem trước.");
            return show(classId, hocKi, model);
        }
    }
}
