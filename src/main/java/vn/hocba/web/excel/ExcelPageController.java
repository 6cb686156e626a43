package vn.hocba.web.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.excel.ExcelUpload;
import vn.hocba.gradebook.excel.UploadPreview;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/**
 * "Nhập từ Excel": download the subject's template, upload it filled in, see the preview cell by
 * cell and apply or cancel — the same {@link ExcelUpload} preview and apply as the Excel API.
 */
@Controller
class ExcelPageController {

    private static final String PAGE = "/lop/{classId}/mon/{subjectId}/hoc-ki/{term}/excel";

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkGrids grids;
    private final ExcelUpload upload;

    ExcelPageController(AccessPolicy access, SchoolDirectory directory, MarkGrids grids, ExcelUpload upload) {
        this.access = access;
        this.directory = directory;
        this.grids = grids;
        this.upload = upload;
    }

    /** A student's row of the preview: the cells by column header. */
    record PreviewRow(int row, String code, String name, Map<String, UploadPreview.PreviewCell> cells) {
    }

    @GetMapping(PAGE)
    String page(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term, Model model) {
        Viewer viewer = access.requireTeaching(new ClassId(classId), new SubjectId(subjectId));
        fill(model, viewer, classId, subjectId, term);
        return "marks/excel";
    }

    @PostMapping(PAGE)
    String preview(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestParam("file") MultipartFile file, Model model) throws IOException {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        fill(model, viewer, classId, subjectId, term);
        try {
            UploadPreview preview = upload.preview(directory.schoolClass(id), subject, term, viewer.columns(id, subject),
                    file.getBytes(), file.getOriginalFilename(), viewer.account().username());
            model.addAttribute("preview", preview);
            model.addAttribute("previewColumns", new ArrayList<>(new LinkedHashSet<>(
                    preview.cells().stream().map(UploadPreview.PreviewCell::column).toList())));
            model.addAttribute("previewRows", rows(preview));
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
        }
        return "marks/excel";
    }

    @PostMapping(PAGE + "/ap-dung")
    String apply(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestParam String previewId, RedirectAttributes redirect) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        String base = "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term;
        try {
            ExcelUpload.Applied applied = upload.apply(previewId, directory.schoolClass(id), subject, term,
                    viewer.columns(id, subject), access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("info", "Đã lưu " + applied.changed() + " ô điểm từ tệp Excel.");
            return "redirect:" + base + "/excel";
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + base + "/excel";
        }
    }

    private void fill(Model model, Viewer viewer, long classId, long subjectId, int term) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        MarkGrid grid = grids.grid(schoolClass, new SubjectId(subjectId), term,
                viewer.columns(schoolClass.id(), new SubjectId(subjectId)));
        model.addAttribute("viewer", viewer);
        model.addAttribute("grid", grid);
        model.addAttribute("base", "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term);
        model.addAttribute("template", "/api/classes/" + classId + "/subjects/" + subjectId + "/terms/" + term + "/marks.xlsx");
    }

    private static List<PreviewRow> rows(UploadPreview preview) {
        Map<Integer, PreviewRow> rows = new LinkedHashMap<>();
        for (UploadPreview.PreviewCell c : preview.cells()) {
            rows.computeIfAbsent(c.row(), r -> new PreviewRow(r, c.studentCode(), c.studentName(), new LinkedHashMap<>()))
                    .cells().put(c.column(), c);
        }
        return List.copyOf(rows.values());
    }
}
