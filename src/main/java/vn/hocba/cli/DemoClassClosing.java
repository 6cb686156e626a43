package vn.hocba.cli;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.MarkEntry;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.homeroom.ConductEntry;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.RuleSet;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.SchoolYear;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;

/**
 * Development only (the demo school, {@code demo-close-class}, and tests): brings a demo class to the
 * end of its year through the domain services, never the engine's tables. {@link #completeTermTwo}
 * enters what the demo school leaves out of term II (regular columns from 3, mid-term where missing,
 * end-of-term, conduct, attendance months confirmed) so that the class has year results; {@link #close}
 * locks both terms, proposes and approves the year-end lists (TT22 Art. 14-15), enters every retest and
 * summer conduct rating and makes the decisions final, as the principal would on "Kết thúc năm học".
 */
public record DemoClassClosing(SchoolDirectory directory, StudentRegistry registry, GradebookLocks locks, YearEnd yearEnd,
        SummerWork summer, GradebookBulkLoad load, ClassResultsStore results, Actor principal, String principalName,
        String source) {

    /** Term II completed for every student and subject. */
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
        load.marks(marks, source);
        load.conduct(conduct, source);
        load.confirmedMonths(schoolClass.id(), termTwoMonths(schoolClass), source);
        results.recompute(schoolClass);
    }

    /** Both terms locked, then {@link #closeAfterLocks}. */
    public void close(SchoolClass schoolClass) {
        for (int term = 1; term <= 2; term++) {
            locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                    "Chốt học kì (" + source + ")"), principal, principalName);
        }
        closeAfterLocks(schoolClass);
    }

    /** The year-end lists proposed, approved, retests and summer conduct entered, the decisions final. */
    public void closeAfterLocks(SchoolClass schoolClass) {
        yearEnd.decide(schoolClass, YearEnd.Stage.PROPOSED, null, principal);
        yearEnd.decide(schoolClass, YearEnd.Stage.APPROVED, null, principal);
        Map<String, Long> ids = registry.roster(schoolClass.id()).stream().map(EnrolledStudent::student)
                .collect(Collectors.toMap(s -> s.profile().code(), s -> s.id().value()));
        List<String> training = results.compute(schoolClass).students().stream()
                .filter(s -> s.promotion() == Promotion.SUMMER_TRAINING_PENDING).map(s -> s.code().value()).toList();
        load.conduct(training.stream().map(code -> new ConductEntry(schoolClass.id(), new StudentId(ids.get(code)), 3, "Đ",
                null)).toList(), source);
        results.recompute(schoolClass);
        for (SummerWork.PendingRetest r : summer.retests(schoolClass)) {
            boolean comment = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                    .anyMatch(g -> g.subject().id().equals(r.subjectId()) && g.subject().assessment() == AssessedBy.COMMENT);
            yearEnd.retest(schoolClass, r.subjectId(), ids.get(r.studentCode()), comment ? "Đ" : "8.0", principal);
        }
        results.recompute(schoolClass);
        yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, null, principal);
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
