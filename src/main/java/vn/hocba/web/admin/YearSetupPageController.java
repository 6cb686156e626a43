package vn.hocba.web.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.hocbaso.StudentIdentifiers;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolData;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearSetup;
import vn.hocba.security.Viewer;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.SchoolContext;

/**
 * Steps 1–4 of the admin board's guided year setup (issue 15, item 7): the school's data (with the
 * MOET school code and the district), the years with their two terms, the subjects of each grade with
 * their periods, the classes. Each form calls the service the setup API calls, so the checks and
 * messages are the API's.
 */
@Controller
class YearSetupPageController {

    private final AdminPages pages;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final SchoolData schoolData;
    private final StudentIdentifiers identifiers;
    private final YearSetup years;
    private final StudentRegistry students;
    private final TransactionTemplate transactions;

    YearSetupPageController(AdminPages pages, SchoolContext context, SchoolDirectory directory, SchoolData schoolData,
            StudentIdentifiers identifiers, YearSetup years, StudentRegistry students, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.pages = pages;
        this.context = context;
        this.directory = directory;
        this.schoolData = schoolData;
        this.identifiers = identifiers;
        this.years = years;
        this.students = students;
    }

    /** A grade's curriculum in the subjects step. */
    record GradeCurriculum(int grade, List<GradeSubject> subjects) {
    }

    /** A class in the classes step, with its homeroom teacher and number of students. */
    record ClassRow(long id, String code, int grade, String homeroom, int students) {
    }

    @GetMapping("/quan-tri/truong")
    String school(Model model) {
        Viewer viewer = pages.board();
        SchoolId school = context.school(viewer).id();
        model.addAttribute("school", schoolData.of(school));
        model.addAttribute("moetCode", identifiers.schoolCode(school).orElse(""));
        pages.steps(model, 1, pages.defaultYear(viewer), "Thông tin trường");
        return "admin/school";
    }

    @PostMapping("/quan-tri/truong")
    String saveSchool(@RequestParam String name, @RequestParam String province, @RequestParam(required = false) String district,
            @RequestParam(required = false) String commune, @RequestParam String moetCode, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        SchoolId school = context.school(viewer).id();
        // A refusal comes back with what was typed in every field, not the stored values.
        Map<String, String> typed = new HashMap<>();
        typed.put("name", name);
        typed.put("province", province);
        typed.put("district", district == null ? "" : district);
        typed.put("commune", commune == null ? "" : commune);
        typed.put("moetCode", moetCode);
        // Two services, one save: a refusal of either (a mistyped code, a blank name) leaves both as they were.
        return pages.change(flash, "/quan-tri/truong", typed, () -> transactions.execute(status -> {
            identifiers.setSchoolCode(school, moetCode == null ? null : moetCode.trim(), pages.actor(viewer));
            schoolData.update(school, name, province, district, commune, pages.actor(viewer));
            return "Đã lưu thông tin trường.";
        }));
    }

    @GetMapping("/quan-tri/nam-hoc")
    String years(Model model) {
        Viewer viewer = pages.board();
        List<AcademicYear> all = directory.years(context.school(viewer).id());
        model.addAttribute("years", all);
        int next = all.stream().mapToInt(AcademicYear::startYear).max().orElse(LocalDate.now().getYear() - 1) + 1;
        model.addAttribute("nextStart", next);
        pages.steps(model, 2, pages.defaultYear(viewer), "Năm học, học kì");
        return "admin/years";
    }

    @PostMapping("/quan-tri/nam-hoc")
    String createYear(@RequestParam int startYear, @RequestParam String term1Start, @RequestParam String term1End,
            @RequestParam String term2Start, @RequestParam String term2End, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        Map<String, String> typed = Map.of("startYear", String.valueOf(startYear), "term1Start", term1Start,
                "term1End", term1End, "term2Start", term2Start, "term2End", term2End);
        String[] created = new String[1];
        String back = pages.change(flash, "/quan-tri/nam-hoc", typed, () -> {
            List<TermDates> terms = List.of(new TermDates(1, day(term1Start, "ngày bắt đầu học kì I"), day(term1End, "ngày kết thúc học kì I")),
                    new TermDates(2, day(term2Start, "ngày bắt đầu học kì II"), day(term2End, "ngày kết thúc học kì II")));
            created[0] = String.valueOf(years.createYear(context.school(viewer).id(), startYear, terms).value());
            return "Đã tạo năm học " + AcademicYear.nameOf(startYear) + " với hai học kì. Bước tiếp: môn học theo khối.";
        });
        return created[0] == null ? back : "redirect:/quan-tri/nam-hoc/" + created[0] + "/mon-hoc";
    }

    @GetMapping("/quan-tri/nam-hoc/{yearId}/mon-hoc")
    String subjects(@PathVariable long yearId, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        List<GradeCurriculum> grades = new ArrayList<>();
        for (int grade : grades(viewer)) {
            grades.add(new GradeCurriculum(grade, directory.gradeSubjects(year.id(), grade)));
        }
        model.addAttribute("grades", grades);
        model.addAttribute("subjects", directory.subjects(context.school(viewer).id()));
        pages.steps(model, 3, year, "Môn học theo khối");
        return "admin/subjects";
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/mon-hoc")
    String addSubject(@PathVariable long yearId, @RequestParam int grade, @RequestParam long subjectId,
            @RequestParam String periods, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        Map<String, String> typed = Map.of("grade", String.valueOf(grade), "subjectId", String.valueOf(subjectId), "periods", periods);
        return pages.change(flash, "/quan-tri/nam-hoc/" + yearId + "/mon-hoc", typed, () -> {
            years.addGradeSubject(year.id(), grade, new SubjectId(subjectId), periods(periods));
            String name = directory.gradeSubjects(year.id(), grade).stream().filter(g -> g.subject().id().value() == subjectId)
                    .map(g -> g.subject().name()).findFirst().orElse("");
            return "Đã thêm môn " + name + " vào chương trình khối " + grade + " (" + periods.trim() + " tiết/năm).";
        });
    }

    @GetMapping("/quan-tri/nam-hoc/{yearId}/lop")
    String classes(@PathVariable long yearId, Model model) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        model.addAttribute("classes", directory.classes(year.id()).stream().map(c -> new ClassRow(c.id().value(), c.code(), c.grade(),
                directory.homeroomOf(c.id()).map(h -> h.teacher().fullName()).orElse(null), students.enrolledCount(c.id()))).toList());
        model.addAttribute("gradeChoices", grades(viewer));
        pages.steps(model, 4, year, "Lớp");
        return "admin/classes";
    }

    @PostMapping("/quan-tri/nam-hoc/{yearId}/lop")
    String createClass(@PathVariable long yearId, @RequestParam String code, @RequestParam int grade, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        return pages.change(flash, "/quan-tri/nam-hoc/" + yearId + "/lop", Map.of("code", code, "grade", String.valueOf(grade)), () -> {
            years.createClass(year.id(), code, grade);
            return "Đã tạo lớp " + code.trim() + " (khối " + grade + ").";
        });
    }

    /** Grades of the school's level: THCS 6–9, THPT 10–12. */
    private List<Integer> grades(Viewer viewer) {
        return "THPT".equals(context.school(viewer).level()) ? List.of(10, 11, 12) : List.of(6, 7, 8, 9);
    }

    static LocalDate day(String text, String what) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid("Thiếu hoặc sai " + what + " «" + text + "» (chọn ngày trong lịch).");
        }
    }

    private static BigDecimal periods(String text) {
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            throw Rejected.invalid("Số tiết/năm «" + text + "» không phải là số (như 140 hoặc 52,5).");
        }
    }
}
