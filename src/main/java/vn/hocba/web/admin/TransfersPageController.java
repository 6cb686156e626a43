package vn.hocba.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.security.Viewer;
import vn.hocba.students.Student;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.students.StudentTransfers;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * Transfers on the admin board's student pages (issue 15, item 8): a student leaves for another school
 * (chuyển đi: date and destination; the records stay, the class list drops the student from then on), and
 * a student arrives from another school into a class mid-year (chuyển đến), either an earlier student of
 * the school found by code or a new one with the profile form. {@link StudentTransfers} checks and audits.
 */
@Controller
class TransfersPageController {

    private final AdminPages pages;
    private final SchoolContext context;
    private final StudentRegistry registry;
    private final StudentTransfers transfers;

    TransfersPageController(AdminPages pages, SchoolContext context, StudentRegistry registry,
            StudentTransfers transfers) {
        this.pages = pages;
        this.context = context;
        this.registry = registry;
        this.transfers = transfers;
    }

    @PostMapping("/quan-tri/hoc-sinh/{studentId}/chuyen-di")
    String transferOut(@PathVariable long studentId, @RequestParam long lop, @RequestParam String leftOn,
            @RequestParam String destination, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        Student student = pages.student(viewer, new StudentId(studentId));
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        try {
            transfers.transferOut(student.id(), schoolClass.yearId(), YearSetupPageController.day(leftOn, "ngày chuyển đi"),
                    destination, pages.actor(viewer));
            flash.addFlashAttribute("info", "Học sinh " + student.profile().fullName() + " đã chuyển đi " + destination.strip()
                    + "; hồ sơ và điểm đã có được giữ lại.");
            return "redirect:/quan-tri/hoc-sinh?nam=" + schoolClass.yearId().value() + "&lop=" + lop;
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("leaving", Map.of("leftOn", leftOn, "destination", destination));
            return "redirect:/quan-tri/hoc-sinh/" + studentId + "?lop=" + lop;
        }
    }

    @GetMapping("/quan-tri/hoc-sinh/chuyen-den")
    String arrivalForm(@RequestParam long lop, Model model) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("student", null);
        model.addAttribute("arriving", true);
        model.addAttribute("crumbs", List.of(Crumb.link("Học sinh", "/quan-tri/hoc-sinh?nam=" + schoolClass.yearId().value()
                + "&lop=" + lop), Crumb.here("Học sinh chuyển đến")));
        return "admin/student-form";
    }

    /** An earlier student of the school, found by code, arrives back. */
    @PostMapping("/quan-tri/hoc-sinh/chuyen-den/da-co")
    String arrivalOfKnown(@RequestParam long lop, @RequestParam String knownCode, @RequestParam String arrivedOn,
            @RequestParam String origin, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        return arrival(flash, schoolClass, Map.of("knownCode", knownCode, "arrivedOn", arrivedOn, "origin", origin), () -> {
            Student student = registry.byCode(context.school(viewer).id(), knownCode.strip()).orElseThrow(() -> Rejected.notFound(
                    "Không có học sinh mã " + knownCode.strip() + " trong trường: hãy nhập hồ sơ học sinh mới ở dưới."));
            transfers.transferIn(student.id(), schoolClass.id(), YearSetupPageController.day(arrivedOn, "ngày chuyển đến"), origin,
                    pages.actor(viewer));
            return student.profile().fullName();
        });
    }

    /** A new student arrives: profile, class and transfer at once. */
    @PostMapping("/quan-tri/hoc-sinh/chuyen-den")
    String arrivalOfNew(@RequestParam long lop, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        return arrival(flash, schoolClass, form, () -> {
            StudentId id = transfers.transferInNew(StudentsPageController.profile(form), schoolClass.id(),
                    YearSetupPageController.day(form.get("arrivedOn"), "ngày chuyển đến"), form.get("origin"), pages.actor(viewer));
            return registry.student(id).profile().fullName();
        });
    }

    private String arrival(RedirectAttributes flash, SchoolClass schoolClass, Map<String, String> typed,
            java.util.function.Supplier<String> arrive) {
        try {
            String name = arrive.get();
            flash.addFlashAttribute("info", "Học sinh " + name + " đã chuyển đến lớp " + schoolClass.code() + ".");
            return "redirect:/quan-tri/hoc-sinh?nam=" + schoolClass.yearId().value() + "&lop=" + schoolClass.id().value();
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typed", new HashMap<>(typed));
            return "redirect:/quan-tri/hoc-sinh/chuyen-den?lop=" + schoolClass.id().value();
        }
    }

}
