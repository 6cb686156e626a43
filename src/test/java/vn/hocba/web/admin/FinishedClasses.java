package vn.hocba.web.admin;

import java.util.Map;
import java.util.stream.Collectors;
import vn.hocba.audit.Actor;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Finishes a demo class's school year through the domain services, for the rollover test: term II completed
 * ({@link YearCompletion}), both terms locked, year-end lists proposed and approved, every retest entered, the
 * decisions final. In {@link #closeWithRetests} student number 1 fails Toán in term II and passes the retest
 * (8,0: promoted after reassessment, TT22 Art. 14); so does anyone else the engine sends to a retest.
 */
record FinishedClasses(SchoolDirectory directory, StudentRegistry registry, GradebookLocks locks, YearEnd yearEnd,
        SummerWork summer, GradebookBulkLoad load, ClassResultsStore results) {

    private static final Actor PRINCIPAL = new Actor("hieutruong", "PRINCIPAL", "test");

    void close(SchoolClass schoolClass) {
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
    }

    void closeWithRetests(SchoolClass schoolClass) {
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass,
                (s, gs) -> s.numberInClass() == 1 && gs.subject().code().equals("TOAN"));
        for (int term = 1; term <= 2; term++) {
            locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                    "Chốt học kì (kiểm thử)"), PRINCIPAL, "Lê Văn Triển");
        }
        yearEnd.decide(schoolClass, YearEnd.Stage.PROPOSED, null, PRINCIPAL);
        yearEnd.decide(schoolClass, YearEnd.Stage.APPROVED, null, PRINCIPAL);
        Map<String, EnrolledStudent> byCode = registry.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(s -> s.student().profile().code(), s -> s));
        for (SummerWork.PendingRetest r : summer.retests(schoolClass)) {
            EnrolledStudent s = byCode.get(r.studentCode());
            boolean comment = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                    .anyMatch(g -> g.subject().id().equals(r.subjectId()) && g.subject().assessment() == vn.hocba.schoolyear.AssessedBy.COMMENT);
            yearEnd.retest(schoolClass, r.subjectId(), s.student().id().value(), comment ? "Đ" : "8.0", PRINCIPAL);
        }
        results.recompute(schoolClass);
        yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, null, PRINCIPAL);
    }
}
