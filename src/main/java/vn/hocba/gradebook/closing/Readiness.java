package vn.hocba.gradebook.closing;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.Term;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.gradebook.ClassGradebookAssembler;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.grading.RuleSets;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
/**
 * The readiness check of a class and term (domain.md §2.3): everything that must be entered before
 * the term can be closed: each missing mark (student, subject, column) and conduct rating, as the
 * results engine lists it, and each month whose attendance the homeroom teacher has not confirmed.
 */
@Service
@Transactional(readOnly = true)
public class Readiness {

    private final ClassResultsStore results;
    private final ClassGradebookAssembler assembler;
    private final AttendanceMonths attendance;
    private final RuleSets rules = RuleSets.standard();

    public Readiness(ClassResultsStore results, ClassGradebookAssembler assembler, AttendanceMonths attendance) {
        this.results = results;
        this.assembler = assembler;
        this.attendance = attendance;
    }

    /** The marks and conduct ratings missing in the class for {@code term} (1 or 2). */
    public List<MissingEntry> missing(SchoolClass schoolClass, int term) {
        Term wanted = term == 1 ? Term.HK1 : Term.HK2;
        return results.compute(schoolClass).missing().stream().filter(m -> m.term() == wanted).toList();
    }

    /**
     * The marks of one subject missing in the class for {@code term}: the same entries, in the same order, as
     * {@link #missing(SchoolClass, int)} lists for that subject, read from that subject's sheet of the term alone
     * (a subject teacher's sign-off, issue 19: the whole class need not be recomputed for one subject).
     */
    public List<MissingEntry> missing(SchoolClass schoolClass, int term, GradeSubject subject) {
        return rules.missing(assembler.assembleSubjectSheet(schoolClass, subject, term),
                ClassGradebookAssembler.subject(subject), term == 1 ? Term.HK1 : Term.HK2);
    }

    /** The months of {@code term} whose attendance the homeroom teacher has not confirmed yet, first to last. */
    public List<YearMonth> unconfirmedAttendanceMonths(SchoolClass schoolClass, int term) {
        return attendance.months(schoolClass, term).stream().filter(m -> !m.confirmed()).map(MonthConfirmation::month).toList();
    }
}
