package vn.hocba.documents;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.homeroom.ConductEntry;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.grading.Promotion;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;

/**
 * Closes the school year of a class whose marks are complete (see {@link YearCompletion}) the short
 * way, through the domain services rather than the processes: both terms locked, the year-end lists
 * proposed and approved, every retest and summer conduct rating entered, the decisions final.
 */
public record YearClosing(SchoolDirectory directory, StudentRegistry registry, GradebookLocks locks, YearEnd yearEnd,
        SummerWork summer, GradebookBulkLoad load, ClassResultsStore results) {

    private static final Actor PRINCIPAL = new Actor("hieutruong", "PRINCIPAL", "test");

    public void close(SchoolClass schoolClass) {
        for (int term = 1; term <= 2; term++) {
            locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                    "Chốt học kì (kiểm thử)"), PRINCIPAL, "Lê Văn Triển");
        }
        closeAfterLocks(schoolClass);
    }

    /** As {@link #close} once both terms are locked. */
    public void closeAfterLocks(SchoolClass schoolClass) {
        yearEnd.decide(schoolClass, YearEnd.Stage.PROPOSED, null, PRINCIPAL);
        yearEnd.decide(schoolClass, YearEnd.Stage.APPROVED, null, PRINCIPAL);
        Map<String, Long> ids = registry.roster(schoolClass.id()).stream().map(EnrolledStudent::student)
                .collect(Collectors.toMap(s -> s.profile().code(), s -> s.id().value()));
        List<String> training = results.compute(schoolClass).students().stream()
                .filter(s -> s.promotion() == Promotion.SUMMER_TRAINING_PENDING).map(s -> s.code().value()).toList();
        load.conduct(training.stream().map(code -> new ConductEntry(schoolClass.id(), new StudentId(ids.get(code)), 3, "Đ",
                null)).toList(), "test");
        results.recompute(schoolClass);
        for (SummerWork.PendingRetest r : summer.retests(schoolClass)) {
            boolean comment = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                    .anyMatch(g -> g.subject().id().equals(r.subjectId()) && g.subject().assessment() == AssessedBy.COMMENT);
            yearEnd.retest(schoolClass, r.subjectId(), ids.get(r.studentCode()), comment ? "Đ" : "8.0", PRINCIPAL);
        }
        results.recompute(schoolClass);
        yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, null, PRINCIPAL);
    }
}
