package vn.hocba.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.hocba.gradebook.homeroom.AbsenceEntry;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.grading.RuleSets;
import vn.hocba.gradebook.homeroom.ConductEntry;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.gradebook.MarkEntry;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.grading.SchoolYear;

/**
 * Term I marks, conduct, absences and attendance months complete for every class but 9A2 (two students lack the
 * Toán end-of-term mark, so its readiness check has something to report); term II partly
 * entered: regular columns 1-2 everywhere, mid-term marks in grades 6-7.
 */
@Service
class DemoGradebook {

    private static final String BY = "demo";
    private static final RuleSets RULES = RuleSets.standard();
    private static final List<String> CONDUCT = List.of("T", "T", "T", "T", "T", "T", "K", "K", "K", "Đ");

    private final SchoolDirectory directory;
    private final StudentRegistry registry;
    private final GradebookBulkLoad load;
    private final ClassResultsStore results;
    private final AttendanceMonths attendance;

    DemoGradebook(SchoolDirectory directory, StudentRegistry registry, GradebookBulkLoad load, ClassResultsStore results,
            AttendanceMonths attendance) {
        this.results = results;
        this.attendance = attendance;
        this.directory = directory;
        this.registry = registry;
        this.load = load;
    }

    void fill(List<String> codes, Map<String, ClassId> classes) {
        DemoNames random = new DemoNames(20260117L);
        List<MarkEntry> marks = new ArrayList<>();
        List<ConductEntry> conduct = new ArrayList<>();
        List<AbsenceEntry> absences = new ArrayList<>();
        for (String code : codes) {
            ClassId schoolClass = classes.get(code);
            var target = directory.schoolClass(schoolClass);
            List<GradeSubject> subjects = directory.gradeSubjects(target.yearId(), target.grade());
            for (EnrolledStudent s : registry.roster(schoolClass)) {
                double ability = Math.max(3.8, Math.min(9.7, 7.0 + 1.3 * random.nextGaussian()));
                for (GradeSubject gs : subjects) {
                    boolean missingFinal = code.equals("9A2") && gs.subject().code().equals("TOAN")
                            && (s.numberInClass() == 3 || s.numberInClass() == 7);
                    marks.addAll(term(random, schoolClass, s, gs, 1, ability, !missingFinal, true, requiredRegular(gs, target.grade())));
                    marks.addAll(term(random, schoolClass, s, gs, 2, ability, false, target.grade() <= 7, 2));
                }
                conduct.add(new ConductEntry(schoolClass, s.student().id(), 1, CONDUCT.get(random.nextInt(CONDUCT.size())),
                        null));
                for (int d = random.nextInt(7); d > 0; d--) {
                    absences.add(new AbsenceEntry(schoolClass, s.student().id(),
                            LocalDate.of(2025, 9, 8).plusDays(d * 9L + random.nextInt(5)), random.nextInt(3) > 0));
                }
            }
        }
        load.marks(marks, BY);
        load.conduct(conduct, BY);
        load.absences(absences, BY);
        // The homeroom teachers have confirmed term I's attendance; term II's months are still open (readiness lists them).
        classes.values().forEach(c -> load.confirmedMonths(c, attendance.months(directory.schoolClass(c), 1).stream()
                .map(MonthConfirmation::month).toList(), BY));
        classes.values().forEach(c -> results.recompute(directory.schoolClass(c)));
    }

    private static List<MarkEntry> term(DemoNames random, ClassId schoolClass, EnrolledStudent s, GradeSubject gs,
            int term, double ability, boolean withFinal, boolean withMidterm, int regularColumns) {
        List<MarkEntry> marks = new ArrayList<>();
        double subjectAbility = ability + 0.6 * random.nextGaussian();
        for (int column = 1; column <= regularColumns; column++) {
            marks.add(mark(random, schoolClass, s, gs, term, MarkKind.REGULAR, column, subjectAbility, 0));
        }
        if (withMidterm) {
            marks.add(mark(random, schoolClass, s, gs, term, MarkKind.MIDTERM, 1, subjectAbility, 1));
        }
        if (withFinal) {
            marks.add(mark(random, schoolClass, s, gs, term, MarkKind.FINAL, 1, subjectAbility, 1));
        }
        return marks;
    }

    private static MarkEntry mark(DemoNames random, ClassId schoolClass, EnrolledStudent s, GradeSubject gs, int term,
            MarkKind kind, int column, double ability, int decimals) {
        if (gs.subject().assessment() == AssessedBy.COMMENT) {
            String level = random.nextInt(40) == 0 ? "CĐ" : "Đ";
            return new MarkEntry(schoolClass, gs.subject().id(), s.student().id(), term, kind, column, null, level);
        }
        double raw = Math.max(0, Math.min(10, ability + 1.1 * random.nextGaussian()));
        // Seed 000: regular marks are whole numbers, periodic marks have one decimal.
        BigDecimal score = BigDecimal.valueOf(raw).setScale(decimals, RoundingMode.HALF_UP);
        return new MarkEntry(schoolClass, gs.subject().id(), s.student().id(), term, kind, column, score, null);
    }

    /** The required regular marks of the subject (TT22 Art. 6), from the results engine's rule set. */
    private static int requiredRegular(GradeSubject gs, int grade) {
        return RULES.forCohort(new SchoolYear(DemoSetup.START_YEAR), grade)
                .requiredRegularMarks(ClassGradebookAssembler.subject(gs));
    }

}
