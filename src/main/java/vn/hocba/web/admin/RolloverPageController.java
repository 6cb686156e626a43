package vn.hocba.web.admin;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.gradebook.closing.StudentPromotions;
import vn.hocba.gradebook.closing.StudentPromotions.Outcome;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.RolloverPreview;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearRollover;
import vn.hocba.security.Viewer;

/**
 * Step 6 of the guided year setup: the rollover to the next year. First the preview of what it would
 * create (classes moved up, curriculum, assignments) and the form that creates the next year; then, once
 * the next year exists, the students' places by the final year-end decisions ({@link StudentPromotions}),
 * shown per class before anything is written, applied with one button (again later for the classes whose
 * decisions become final: nobody is moved twice).
 */
@Controller
class RolloverPageController {

    private final AdminPages pages;
    private final RolloverPreview preview;
    private final YearRollover rollover;
    private final StudentPromotions promotions;

    RolloverPageController(AdminPages pages, RolloverPreview preview, YearRollover rollover, StudentPromotions promotions) {
        this.pages = pages;
        this.preview = preview;
        this.rollover = rollover;
        this.promotions = promotions;
    }

    @GetMapping("/quan-tri/nam-hoc/{yearId}/chuyen-nam")
    String rollover(@PathVariable long yearId, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        model.addAttribute("preview", preview.of(year.id()));
        model.addAttribute("plan", promotions.plan(year.id()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("nextStart", year.startYear() + 1);
        pages.steps(model, 6, year, "Chuyển năm học");
        return "admin/rollover";
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/chuyen-nam")
    String rollOver(@PathVariable long yearId, @RequestParam String term1Start, @RequestParam String term1End,
            @RequestParam String term2Start, @RequestParam String term2End,
            @RequestParam(defaultValue = "false") boolean copyAssignments, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        Map<String, String> typed = Map.of("term1Start", term1Start, "term1End", term1End, "term2Start", term2Start, "term2End", term2End);
        return pages.change(flash, "/quan-tri/nam-hoc/" + yearId + "/chuyen-nam", typed, () -> {
            var terms = List.of(
                    new TermDates(1, YearSetupPageController.day(term1Start, "ngày bắt đầu học kì I"),
                            YearSetupPageController.day(term1End, "ngày kết thúc học kì I")),
                    new TermDates(2, YearSetupPageController.day(term2Start, "ngày bắt đầu học kì II"),
                            YearSetupPageController.day(term2End, "ngày kết thúc học kì II")));
            rollover.rollOver(year.id(), terms, copyAssignments);
            return "Đã tạo năm học " + AcademicYear.nameOf(year.startYear() + 1) + " từ năm học " + year.name()
                    + ". Bây giờ xếp lớp cho học sinh theo kết quả xét lên lớp.";
        });
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/chuyen-nam/xep-lop")
    String placeStudents(@PathVariable long yearId, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        return pages.change(flash, "/quan-tri/nam-hoc/" + yearId + "/chuyen-nam", Map.of(), () -> {
            Map<Outcome, Long> done = promotions.apply(year.id(), pages.actor(viewer));
            return "Đã xếp lớp năm học " + AcademicYear.nameOf(year.startYear() + 1) + ": "
                    + done.getOrDefault(Outcome.PROMOTED, 0L) + " học sinh lên lớp, "
                    + done.getOrDefault(Outcome.RETAINED, 0L) + " ở lại lớp, "
                    + done.getOrDefault(Outcome.GRADUATES, 0L) + " ra trường.";
        });
    }
}
