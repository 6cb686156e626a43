package vn.hocba.web.homeroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.gradebook.closing.SubjectSigners;
import vn.hocba.web.closing.SigningStates;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.PersonNames;

/** Lớp chủ nhiệm at a glance: is the term ready to close, and if not, what is missing and whose it is. */
@Controller
class ClassOverviewPageController {

    /** One subject of the class: its teachers, entry progress and sign-off. */
    record SubjectLine(String name, List<String> teachers, int entered, int required, int percent, String signOff,
            boolean signed) {
    }

    private final ClassPage page;
    private final SchoolDirectory directory;
    private final EntryProgress progress;
    private final Readiness readiness;
    private final SignOffs signOffs;
    private final AttendanceMonths months;
    private final StudentRegistry students;
    private final PersonNames people;
    private final SubjectSigners signers;

    ClassOverviewPageController(ClassPage page, SchoolDirectory directory, EntryProgress progress, Readiness readiness,
            SignOffs signOffs, AttendanceMonths months, StudentRegistry students, PersonNames people, SubjectSigners signers) {
        this.signers = signers;
        this.students = students;
        this.page = page;
        this.directory = directory;
        this.progress = progress;
        this.readiness = readiness;
        this.signOffs = signOffs;
        this.months = months;
        this.people = people;
    }

    @GetMapping("/lop/{classId}/chu-nhiem")
    String overview(@PathVariable long classId, @RequestParam(name = "hocKi", required = false) Integer hocKi, Model model) {
        SchoolClass schoolClass = page.readable(classId, "tổng quan lớp chủ nhiệm", model);
        int term = ClassPage.term(hocKi == null ? page.currentTerm(schoolClass) : hocKi);
        model.addAttribute("term", term);
        page.titled(model, schoolClass, "overview", "Tổng quan lớp chủ nhiệm", vn.hocba.web.Crumb.termLabel(term));
        List<MissingEntry> missing = readiness.missing(schoolClass, term);
        model.addAttribute("subjects", subjects(schoolClass, term));
        model.addAttribute("months", months.months(schoolClass, term));
        model.addAttribute("conductMissing", missing.stream().filter(m -> m.subject() == null).count());
        model.addAttribute("incomplete", gaps(schoolClass, missing));
        model.addAttribute("missingCount", missing.size());
        return "homeroom/overview";
    }

    /** One student with incomplete results: what is missing, grouped by subject ("Toán: ĐĐGgk, ĐĐGck"). */
    record StudentGap(String name, int count, String summary) {
    }

    private List<StudentGap> gaps(SchoolClass schoolClass, List<MissingEntry> missing) {
        Map<String, String> names = students.roster(schoolClass.id()).stream().collect(Collectors.toMap(
                e -> e.student().profile().code(), e -> e.numberInClass() + ". " + e.student().profile().fullName(), (a, b) -> a));
        Map<String, String> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .collect(Collectors.toMap(g -> g.subject().code(), g -> g.subject().name(), (a, b) -> a));
        Map<String, Map<String, List<String>>> byStudent = new LinkedHashMap<>();
        for (MissingEntry m : missing) {
            String subject = m.subject() == null ? "Rèn luyện" : subjects.getOrDefault(m.subject().value(), m.subject().value());
            byStudent.computeIfAbsent(m.student().value(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(subject, s -> new java.util.ArrayList<>()).add(m.subject() == null ? "chưa xếp loại" : m.column());
        }
        return byStudent.entrySet().stream().map(e -> new StudentGap(names.getOrDefault(e.getKey(), e.getKey()),
                e.getValue().values().stream().mapToInt(List::size).sum(),
                e.getValue().entrySet().stream().map(s -> s.getKey() + ": " + String.join(", ", s.getValue()))
                        .collect(Collectors.joining("; ")))).toList();
    }

    private List<SubjectLine> subjects(SchoolClass schoolClass, int term) {
        List<TeachingAssignment> teaching = directory.teachingAssignmentsOfClass(schoolClass.id());
        List<EntryProgress.Line> lines = progress.of(schoolClass.yearId(), term).stream()
                .filter(l -> l.classCode().equals(schoolClass.code())).toList();
        List<SignOff> signed = signOffs.of(schoolClass, term);
        return signers.of(schoolClass, signed).stream().map(signing -> {
            GradeSubject gs = signing.subject();
            List<EntryProgress.Line> mine = lines.stream().filter(l -> l.subjectCode().equals(gs.subject().code())).toList();
            int entered = mine.stream().mapToInt(EntryProgress.Line::entered).sum();
            int required = mine.stream().mapToInt(EntryProgress.Line::required).sum();
            List<String> teachers = teaching.stream().filter(t -> t.subject().id().equals(gs.subject().id()))
                    .map(t -> t.teacher().fullName() + (t.columns().isWhole() ? "" : " (" + t.columns() + ")")).toList();
            int percent = required == 0 ? 100 : entered * 100 / required;
            // Signed only when every teacher assigned to the subject signed (co-teachers each sign their part).
            return new SubjectLine(gs.subject().name(), teachers, entered, required, percent,
                    SigningStates.of(signing, signed, people, "Đã ký xác nhận"), signing.signed());
        }).toList();
    }
}
