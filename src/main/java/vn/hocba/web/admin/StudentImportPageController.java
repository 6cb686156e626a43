package vn.hocba.web.admin;

import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.security.Viewer;
import vn.hocba.students.NationalRosterImport;
import vn.hocba.students.NationalRosterPreview;
import vn.hocba.students.NationalRosterRow.Outcome;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * Importing the students of a year from the national education database's export (issue 15, item 8):
 * upload, the preview of every row (new, changed, unchanged, skipped, invalid with the reason per cell),
 * then "Ghi vào HocBa", all or nothing ({@link NationalRosterImport}).
 */
@Controller
class StudentImportPageController {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final AdminPages pages;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final NationalRosterImport imports;

    StudentImportPageController(AdminPages pages, SchoolContext context, SchoolDirectory directory, NationalRosterImport imports) {
        this.pages = pages;
        this.context = context;
        this.directory = directory;
        this.imports = imports;
    }

    @GetMapping("/quan-tri/hoc-sinh/nhap")
    String form(@RequestParam(required = false) Long nam, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = nam == null ? pages.defaultYear(viewer) : pages.year(viewer, nam);
        model.addAttribute("years", directory.years(context.school(viewer).id()));
        model.addAttribute("year", year);
        model.addAttribute("classes", directory.classes(year.id()));
        model.addAttribute("crumbs", List.of(Crumb.link("Học sinh", "/quan-tri/hoc-sinh"), Crumb.here("Nhập từ CSDL ngành")));
        return "admin/import";
    }

    @PostMapping("/quan-tri/hoc-sinh/nhap")
    String upload(@RequestParam long yearId, @RequestParam("file") MultipartFile file, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        try {
            if (file.isEmpty()) {
                throw Rejected.invalid("Chưa chọn tệp Excel xuất từ CSDL ngành.");
            }
            if (file.getSize() > MAX_BYTES) {
                throw Rejected.invalid("Tệp lớn hơn 5 MB; danh sách học sinh của một trường thường nhỏ hơn nhiều.");
            }
            NationalRosterPreview preview = imports.preview(year.id(), file.getBytes(), viewer.account().username());
            return "redirect:/quan-tri/hoc-sinh/nhap/" + preview.id();
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "Không nhận được tệp; hãy tải lên lại.");
        }
        return "redirect:/quan-tri/hoc-sinh/nhap?nam=" + yearId;
    }

    @GetMapping("/quan-tri/hoc-sinh/nhap/{previewId}")
    String preview(@PathVariable String previewId, Model model) {
        Viewer viewer = pages.board();
        NationalRosterPreview preview = imports.stored(previewId, viewer.account().username());
        model.addAttribute("preview", preview);
        model.addAttribute("year", directory.year(new SchoolYearId(preview.yearId())));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("crumbs", List.of(Crumb.link("Học sinh", "/quan-tri/hoc-sinh"),
                Crumb.link("Nhập từ CSDL ngành", "/quan-tri/hoc-sinh/nhap"), Crumb.here("Xem trước")));
        return "admin/import-preview";
    }

    @PostMapping("/quan-tri/hoc-sinh/nhap/{previewId}/ghi")
    String apply(@PathVariable String previewId, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        try {
            NationalRosterPreview done = imports.apply(previewId, viewer.account().username(), pages.actor(viewer));
            flash.addFlashAttribute("info", "Đã ghi " + done.count(Outcome.NEW) + " học sinh mới, cập nhật "
                    + done.count(Outcome.CHANGED) + " hồ sơ; " + done.count(Outcome.UNCHANGED) + " không đổi, "
                    + done.count(Outcome.SKIPPED) + " bỏ qua.");
            return "redirect:/quan-tri/hoc-sinh?nam=" + done.yearId();
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/quan-tri/hoc-sinh/nhap";
        }
    }
}
