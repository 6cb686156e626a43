package vn.hocba.documents;

import java.util.function.BiPredicate;
import vn.hocba.cli.DemoClassClosing;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Enters what the demo school leaves out of term II (regular columns from 3, mid-term where
 * missing, end-of-term, conduct, attendance months confirmed), so that a class has year results: averages, levels,
 * promotion ({@link DemoClassClosing#completeTermTwo}, as {@code demo-close-class} does).
 */
public final class YearCompletion {

    private final DemoClassClosing closing;

    public YearCompletion(SchoolDirectory directory, StudentRegistry registry, GradebookBulkLoad load, ClassResultsStore results) {
        this.closing = new DemoClassClosing(directory, registry, null, null, null, load, results, null, null, "test");
    }

    public void completeTermTwo(SchoolClass schoolClass) {
        closing.completeTermTwo(schoolClass);
    }

    /**
     * As {@link #completeTermTwo(SchoolClass)}, but a scored subject for which {@code fails} holds gets 0
     * in every term II assessment entered here, so that its year average falls below 5.0 (TT22 Art. 14 retest).
     */
    public void completeTermTwo(SchoolClass schoolClass, BiPredicate<EnrolledStudent, GradeSubject> fails) {
        closing.completeTermTwo(schoolClass, fails);
    }
}
