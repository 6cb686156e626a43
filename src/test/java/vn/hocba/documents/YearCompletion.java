package vn.hocba.documents;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.homeroom.ConductEntry;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.gradebook.MarkEntry;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.grading.RuleSet;
import vn.hocba.grading.RuleSets;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.grading.SchoolYear;
import vn.hocba.schoolyear.TermDates;

/**
 * Enters what the demo school leaves out of term II (regular columns from 3, mid-term where
 * missing, end-of-term, conduct, attendance months confirmed), so that a class has year results: averages, levels, promotion.
 */
public final class YearCompletion {

    private final SchoolDirectory directory;
    private final StudentRegistry registry;
    private final GradebookBulkLoad load;
    private final ClassResultsStore results;

    public YearCompletion(SchoolDirectory directory, StudentRegistry registry, GradebookBulkLoad load, ClassResultsStore results) {
        this.directory = directory;
        this.registry = registry;
        this.load = load;
        this.results = results;
    }

    public void completeTermTwo(SchoolClass schoolClass) {
        completeTermTwo(schoolClass, (student, subject) -> false);
    }

    /**
     * As {@link #completeTermTwo(SchoolClass)}, but a scored subject for which {@code fails} holds gets 0
     * in every term II assessment entered here, so that its year average falls below 5.0 (TT22 Art. 14 retest).
     */
    public void completeTermTwo(SchoolClass schoolClass, BiPredicate<EnrolledStudent, GradeSubject> fails) {
        RuleSet rules = RuleSets.standard().forCohort(
                new SchoolYear(directory.year(schoolClass.yearId()).startYear()), schoolClass.grade());
        List<MarkEntry> marks = new ArrayList<>();
        List<ConductEntry> conduct = new ArrayList<>();
        for (EnrolledStudent s : registry.roster(schoolClass.id())) {
            int n = s.numberInClass();
            for (GradeSubject gs : directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade())) {
                int required = rules.requiredRegularMarks(ClassGradebookAssembler.subject(gs));
                boolean failed = fails.test(s, gs);
                for (int column = 3; column <= required; column++) {
                    marks.add(mark(schoolClass, s, gs, MarkKind.REGULAR, column,
                            failed ? "0" : String.valueOf(5 + (n + column) % 5)));
                }
                if (schoolClass.grade() > 7) {
                    marks.add(mark(schoolClass, s, gs, MarkKind.MIDTERM, 1, failed ? "0" : "7.5"));
                }
                marks.add(mark(schoolClass, s, gs, MarkKind.FINAL, 1, failed ? "0" : (5 + n % 5) + ".5"));
            }
            conduct.add(new ConductEntry(schoolClass.id(), s.student().id(), 2, n % 4 == 0 ? "K" : "T", null));
        }
        load.marks(marks, "test");
        load.conduct(conduct, "test");
        load.confirmedMonths(schoolClass.id(), termTwoMonths(schoolClass), "test");
        results.recompute(schoolClass);
    }

    private List<YearMonth> termTwoMonths(SchoolClass schoolClass) {
        TermDates term = directory.year(schoolClass.yearId()).terms().stream().filter(t -> t.number() == 2)
                .findFirst().orElseThrow();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(term.startsOn()); !m.isAfter(YearMonth.from(term.endsOn())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static MarkEntry mark(SchoolClass c, EnrolledStudent s, GradeSubject gs, MarkKind kind, int column, String score) {
        boolean comment = gs.subject().assessment() == AssessedBy.COMMENT;
        return new MarkEntry(c.id(), gs.subject().id(), s.student().id(), 2, kind, column,
                comment ? null : new BigDecimal(score), comment ? "Đ" : null);
    }
}
