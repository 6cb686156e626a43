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
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.AssignmentSetup;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;

/**
 * Step 5 of the guided year setup: homeroom and teaching assignments per class (co-teachers of an
 * integrated subject with their column ranges). Same services and messages as the setup API.
 */
@Controller
class AssignmentsPageController {

    private final AdminPages pages;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final AssignmentSetup assignments;

    AssignmentsPageController(AdminPages pages, SchoolContext context, SchoolDirectory directory, AssignmentSetup assignments) {
        this.pages = pages;
        this.context = context;
        this.directory = directory;
        this.assignments = assignments;
    }

    /** One class on the assignments page: homeroom teacher, teaching assignments, the grade's subjects. */
    record ClassAssignments(SchoolClass schoolClass, String homeroom, List<TeachingAssignment> teaching, List<GradeSubject> subjects) {
    }

    @GetMapping("/quan-tri/nam-hoc/{yearId}/phan-cong")
    String page(@PathVariable long yearId, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        model.addAttribute("classes", directory.classes(year.id()).stream().map(c -> new ClassAssignments(c,
                directory.homeroomOf(c.id()).map(h -> h.teacher().fullName()).orElse(null),
                directory.teachingAssignmentsOfClass(c.id()), directory.gradeSubjects(year.id(), c.grade()))).toList());
        model.addAttribute("staff", directory.staff(context.school(viewer).id()));
        pages.steps(model, 5, year, "Chủ nhiệm, giảng dạy");
        return "admin/assignments";
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/phan-cong/chu-nhiem")
    String homeroom(@PathVariable long yearId, @RequestParam long classId, @RequestParam long staffId, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = classOfYear(viewer, yearId, classId);
        return pages.change(flash, back(yearId, classId), Map.of(), () -> {
            assignments.assignHomeroom(schoolClass.id(), new StaffId(staffId));
            return "Đã phân công " + directory.staffMember(new StaffId(staffId)).fullName() + " chủ nhiệm lớp " + schoolClass.code() + ".";
        });
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/phan-cong/giang-day")
    String teaching(@PathVariable long yearId, @RequestParam long classId, @RequestParam long subjectId, @RequestParam long staffId,
            @RequestParam(required = false) Integer firstColumn, @RequestParam(required = false) Integer lastColumn,
            RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = classOfYear(viewer, yearId, classId);
        return pages.change(flash, back(yearId, classId), Map.of(), () -> {
            ColumnRange columns = new ColumnRange(firstColumn, lastColumn);
            assignments.assignTeaching(schoolClass.id(), new SubjectId(subjectId), new StaffId(staffId), columns);
            return "Đã phân công " + directory.staffMember(new StaffId(staffId)).fullName() + " dạy lớp " + schoolClass.code()
                    + " (" + columns + ").";
        });
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/phan-cong/giang-day/{assignmentId}/xoa")
    String removeTeaching(@PathVariable long yearId, @PathVariable long assignmentId, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        TeachingAssignment ta = directory.teachingAssignmentById(assignmentId)
                .orElseThrow(() -> Rejected.notFound("Không có phân công giảng dạy mã số " + assignmentId + "."));
        classOfYear(viewer, yearId, ta.schoolClass().id().value());
        return pages.change(flash, back(yearId, ta.schoolClass().id().value()), Map.of(), () -> {
            assignments.removeTeaching(assignmentId);
            return "Đã bỏ phân công " + ta.teacher().fullName() + " dạy " + ta.subject().name() + " lớp " + ta.schoolClass().code() + ".";
        });
    }

    private SchoolClass classOfYear(Viewer viewer, long yearId, long classId) {
        AcademicYear year = pages.year(viewer, yearId);
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        if (!schoolClass.yearId().equals(year.id())) {
            throw Rejected.notFound("Lớp mã số " + classId + " không thuộc năm học " + year.name() + ".");
        }
        return schoolClass;
    }

    private static String back(long yearId, long classId) {
        return "/quan-tri/nam-hoc/" + yearId + "/phan-cong#lop-" + classId;
    }
}
