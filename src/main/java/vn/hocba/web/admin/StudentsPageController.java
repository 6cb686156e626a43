package vn.hocba.web.admin;

import java.time.LocalDate;
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
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Viewer;
import vn.hocba.students.Sex;
import vn.hocba.students.Student;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentProfiles;
import vn.hocba.students.StudentRegistry;
import vn.hocba.students.StudentTransfers;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * Students for the admin board (issue 15, item 8): the class lists of a year, a new student with the
 * profile and the class, editing a profile, moving a student to another class of the year, the year's
 * transfers (made on {@link TransfersPageController}'s forms). The checks and messages are {@link StudentRegistry}'s and {@link StudentProfiles}' (the setup API's).
 */
@Controller
class StudentsPageController {

    private final AdminPages pages;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final StudentRegistry registry;
    private final StudentProfiles profiles;
    private final StudentTransfers transfers;

    StudentsPageController(AdminPages pages, SchoolContext context, SchoolDirectory directory, StudentRegistry registry,
            StudentProfiles profiles, StudentTransfers transfers) {
        this.pages = pages;
        this.context = context;
        this.directory = directory;
        this.registry = registry;
        this.profiles = profiles;
        this.transfers = transfers;
    }

    @GetMapping("/quan-tri/hoc-sinh")
    String list(@RequestParam(required = false) Long nam, @RequestParam(required = false) Long lop, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = nam == null ? pages.defaultYear(viewer) : pages.year(viewer, nam);
        List<SchoolClass> classes = directory.classes(year.id());
        SchoolClass shown = classes.stream().filter(c -> lop == null || c.id().value() == lop).findFirst().orElse(null);
        model.addAttribute("years", directory.years(context.school(viewer).id()));
        model.addAttribute("year", year);
        model.addAttribute("classes", classes);
        model.addAttribute("shown", shown);
        model.addAttribute("roster", shown == null ? List.of() : registry.roster(shown.id()));
        model.addAttribute("movements", transfers.ofYear(year.id()));
        model.addAttribute("crumbs", List.of(Crumb.here("Học sinh")));
        return "admin/students";
    }

    @GetMapping("/quan-tri/hoc-sinh/moi")
    String newStudent(@RequestParam long lop, Model model) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("student", null);
        model.addAttribute("crumbs", List.of(Crumb.link("Học sinh", "/quan-tri/hoc-sinh?nam=" + schoolClass.yearId().value()
                + "&lop=" + lop), Crumb.here("Thêm học sinh")));
        return "admin/student-form";
    }

    @PostMapping("/quan-tri/hoc-sinh/moi")
    String create(@RequestParam long lop, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, lop);
        String back = "/quan-tri/hoc-sinh?nam=" + schoolClass.yearId().value() + "&lop=" + lop;
        try {
            StudentId id = registerAndEnrol(viewer, schoolClass, profile(form));
            flash.addFlashAttribute("info", "Đã thêm học sinh " + registry.student(id).profile().fullName() + " vào lớp "
                    + schoolClass.code() + ".");
            return "redirect:" + back;
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typed", form);
            return "redirect:/quan-tri/hoc-sinh/moi?lop=" + lop;
        }
    }

    @GetMapping("/quan-tri/hoc-sinh/{studentId}")
    String edit(@PathVariable long studentId, @RequestParam(required = false) Long lop, Model model) {
        Viewer viewer = pages.board();
        Student student = pages.student(viewer, new StudentId(studentId));
        SchoolClass schoolClass = lop == null ? null : pages.schoolClass(viewer, lop);
        model.addAttribute("student", student);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("otherClasses", schoolClass == null ? List.of()
                : directory.classes(schoolClass.yearId()).stream().filter(c -> !c.id().equals(schoolClass.id())).toList());
        model.addAttribute("crumbs", List.of(Crumb.link("Học sinh", "/quan-tri/hoc-sinh" + (lop == null ? "" : "?lop=" + lop)),
                Crumb.here(student.profile().fullName())));
        return "admin/student-form";
    }

    @PostMapping("/quan-tri/hoc-sinh/{studentId}")
    String save(@PathVariable long studentId, @RequestParam(required = false) Long lop, @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        Viewer viewer = pages.board();
        pages.student(viewer, new StudentId(studentId));
        String back = "/quan-tri/hoc-sinh/" + studentId + (lop == null ? "" : "?lop=" + lop);
        return pages.change(flash, back, form, () -> {
            profiles.update(new StudentId(studentId), profile(form), pages.actor(viewer));
            return "Đã lưu sơ yếu lí lịch.";
        });
    }

    @PostMapping("/quan-tri/hoc-sinh/{studentId}/chuyen-lop")
    String move(@PathVariable long studentId, @RequestParam long toClassId, @RequestParam long lop, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        pages.student(viewer, new StudentId(studentId));
        SchoolClass to = pages.schoolClass(viewer, toClassId);
        String[] moved = new String[1];
        String back = pages.change(flash, "/quan-tri/hoc-sinh/" + studentId + "?lop=" + lop, Map.of(), () -> {
            profiles.moveToClass(new StudentId(studentId), to.id(), pages.actor(viewer));
            moved[0] = "/quan-tri/hoc-sinh?nam=" + to.yearId().value() + "&lop=" + to.id().value();
            return "Đã chuyển học sinh sang lớp " + to.code() + ".";
        });
        return moved[0] == null ? back : "redirect:" + moved[0];
    }

    private StudentId registerAndEnrol(Viewer viewer, SchoolClass schoolClass, StudentProfile profile) {
        return profiles.registerInClass(context.school(viewer).id(), profile, schoolClass.id());
    }

    /** The profile typed in the form; the services check it (ProfileCheck) and name what is wrong. */
    static StudentProfile profile(Map<String, String> f) {
        Sex sex = switch (f.getOrDefault("sex", "")) {
            case "NAM" -> Sex.NAM;
            case "NU" -> Sex.NU;
            default -> null;
        };
        LocalDate birth = YearSetupPageController.day(f.get("dateOfBirth"), "ngày sinh");
        return new StudentProfile(f.get("code"), blank(f.get("nationalId")), f.get("fullName"), sex, birth, blank(f.get("placeOfBirth")),
                blank(f.get("ethnicity")), blank(f.get("policyStatus")), blank(f.get("address")),
                parent(f.get("fatherName"), f.get("fatherOccupation")), parent(f.get("motherName"), f.get("motherOccupation")),
                parent(f.get("guardianName"), f.get("guardianOccupation")));
    }

    private static StudentProfile.Parent parent(String name, String occupation) {
        return blank(name) == null ? null : new StudentProfile.Parent(name, blank(occupation));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
