package vn.hocba.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.Student;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * What every admin board page shares: the ADMIN_BOARD check (the API's {@link AccessPolicy#requireSetup}),
 * the year of the address (only the viewer's school's), the guided sequence's steps, and running a change
 * so that a refusal comes back to the form with the service's own message and what was typed.
 */
@Component
class AdminPages {

    /** One step of the guided year setup. */
    record Step(int number, String label, String href, boolean current) {
    }

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final StudentRegistry registry;

    AdminPages(AccessPolicy access, SchoolContext context, SchoolDirectory directory, StudentRegistry registry) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.registry = registry;
    }

    /** The class {@code id} of a year of the viewer's school; 404 for another school's. */
    SchoolClass schoolClass(Viewer viewer, long id) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(id));
        year(viewer, schoolClass.yearId().value());
        return schoolClass;
    }

    /** The student {@code id} of the viewer's school; 404 for another school's. */
    Student student(Viewer viewer, StudentId id) {
        Student student = registry.student(id);
        if (registry.byCode(context.school(viewer).id(), student.profile().code()).filter(s -> s.id().equals(id)).isEmpty()) {
            throw Rejected.notFound("Không có học sinh mã số " + id.value() + " trong trường.");
        }
        return student;
    }

    Viewer board() {
        return access.requireSetup();
    }

    Actor actor(Viewer viewer) {
        return access.actor(viewer, Role.ADMIN_BOARD);
    }

    /** The year {@code id} of the viewer's school; 404 for another school's. */
    AcademicYear year(Viewer viewer, long id) {
        AcademicYear year = directory.year(new SchoolYearId(id));
        if (!year.schoolId().equals(context.school(viewer).id())) {
            throw Rejected.notFound("Không có năm học mã số " + id + " trong trường.");
        }
        return year;
    }

    /** The year pages open by default: the latest planned one being set up, else the active one. */
    AcademicYear defaultYear(Viewer viewer) {
        List<AcademicYear> years = directory.years(context.school(viewer).id());
        return years.stream().filter(y -> y.status() == AcademicYear.Status.PLANNED).reduce((a, b) -> b)
                .orElseGet(() -> context.activeYear(viewer));
    }

    /** The steps of the guided sequence, {@code current} (1–6) marked; year steps go to {@code year}. */
    void steps(Model model, int current, AcademicYear year, String title) {
        String y = year == null ? null : "/quan-tri/nam-hoc/" + year.id().value();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(1, "Thông tin trường", "/quan-tri/truong", current == 1));
        steps.add(new Step(2, "Năm học, học kì", "/quan-tri/nam-hoc", current == 2));
        if (y != null) {
            steps.add(new Step(3, "Môn học theo khối", y + "/mon-hoc", current == 3));
            steps.add(new Step(4, "Lớp", y + "/lop", current == 4));
            steps.add(new Step(5, "Chủ nhiệm, giảng dạy", y + "/phan-cong", current == 5));
            steps.add(new Step(6, "Chuyển năm học", y + "/chuyen-nam", current == 6));
        }
        model.addAttribute("steps", steps);
        model.addAttribute("year", year);
        List<Crumb> crumbs = new ArrayList<>(List.of(Crumb.link("Thiết lập năm học", "/quan-tri/truong")));
        if (year != null && current > 2) {
            crumbs.add(Crumb.link("Năm học " + year.name(), "/quan-tri/nam-hoc"));
        }
        crumbs.add(Crumb.here(title));
        model.addAttribute("crumbs", crumbs);
    }

    /** Runs {@code change}; its message goes to the next page as "info", a refusal's as "error" with the typed values. */
    String change(RedirectAttributes flash, String back, Map<String, String> typed, Supplier<String> change) {
        try {
            flash.addFlashAttribute("info", change.get());
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typed", typed);
        }
        return "redirect:" + back;
    }
}
