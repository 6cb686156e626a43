package vn.hocba.web.closing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.StudentRegistry;

/**
 * "Kiểm tra lại": the students who must retest in the teacher's subjects after the year end
 * ({@link SummerWork#retests}, the same list as the task «Nhập điểm kiểm tra lại») and the entry of
 * each result through {@link YearEnd#retest}, as {@code POST …/year-end/subjects/{s}/retests} does.
 */
@Controller
class RetestsPageController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final SummerWork summer;
    private final YearEnd yearEnd;
    private final StudentRegistry students;

    RetestsPageController(AccessPolicy access, SchoolDirectory directory, SummerWork summer, YearEnd yearEnd,
            StudentRegistry students) {
        this.access = access;
        this.directory = directory;
        this.summer = summer;
        this.yearEnd = yearEnd;
        this.students = students;
    }

    /** One retest to enter: class, subject, student. */
    record Retest(long classId, String classCode, long subjectId, String subjectName, long studentId, String studentCode,
            String studentName, boolean scored) {
    }

    @GetMapping("/thi-lai")
    String page(Model model) {
        Viewer viewer = access.current();
        List<Retest> retests = new ArrayList<>();
        for (SchoolClass schoolClass : viewer.teaching().stream().map(TeachingAssignment::schoolClass).distinct().toList()) {
            List<Long> subjects = viewer.teaching().stream().filter(t -> t.schoolClass().equals(schoolClass))
                    .map(t -> t.subject().id().value()).toList();
            var roster = students.roster(schoolClass.id());
            for (SummerWork.PendingRetest p : summer.retests(schoolClass)) {
                if (subjects.contains(p.subjectId().value())) {
                    long studentId = roster.stream().filter(e -> e.student().profile().code().equals(p.studentCode()))
                            .findFirst().orElseThrow().student().id().value();
                    boolean scored = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                            .anyMatch(g -> g.subject().id().equals(p.subjectId())
                                    && g.subject().assessment() == vn.hocba.schoolyear.AssessedBy.SCORE);
                    retests.add(new Retest(schoolClass.id().value(), schoolClass.code(), p.subjectId().value(), p.subjectName(),
                            studentId, p.studentCode(), p.studentName(), scored));
                }
            }
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("retests", retests);
        model.addAttribute("crumbs", java.util.List.of(vn.hocba.web.Crumb.here("Kiểm tra lại")));
        return "marks/retests";
    }

    @PostMapping("/thi-lai")
    String enter(@RequestParam long classId, @RequestParam long subjectId, @RequestParam long studentId,
            @RequestParam String value, RedirectAttributes redirect) {
        Viewer viewer = access.requireTeaching(new ClassId(classId), new SubjectId(subjectId));
        try {
            yearEnd.retest(directory.schoolClass(new ClassId(classId)), new SubjectId(subjectId), studentId, value,
                    access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("info", "Đã lưu điểm kiểm tra lại " + value.trim() + " của học sinh "
                    + students.student(new vn.hocba.students.StudentId(studentId)).profile().fullName() + ".");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/thi-lai";
    }
}
