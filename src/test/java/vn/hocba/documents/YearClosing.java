package vn.hocba.documents;

import vn.hocba.audit.Actor;
import vn.hocba.cli.DemoClassClosing;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;

/**
 * Closes the school year of a class whose marks are complete (see {@link YearCompletion}) the short
 * way, through the domain services rather than the processes: both terms locked, the year-end lists
 * proposed and approved, every retest and summer conduct rating entered, the decisions final
 * ({@link DemoClassClosing}, as {@code demo-close-class} does).
 */
public record YearClosing(SchoolDirectory directory, StudentRegistry registry, GradebookLocks locks, YearEnd yearEnd,
        SummerWork summer, GradebookBulkLoad load, ClassResultsStore results) {

    private static final Actor PRINCIPAL = new Actor("hieutruong", "PRINCIPAL", "test");

    public void close(SchoolClass schoolClass) {
        closing().close(schoolClass);
    }

    /** As {@link #close} once both terms are locked. */
    public void closeAfterLocks(SchoolClass schoolClass) {
        closing().closeAfterLocks(schoolClass);
    }

    private DemoClassClosing closing() {
        return new DemoClassClosing(directory, registry, locks, yearEnd, summer, load, results, PRINCIPAL, "Lê Văn Triển",
                "test");
    }
}
