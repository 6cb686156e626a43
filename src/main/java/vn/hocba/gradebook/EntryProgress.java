package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.RuleSet;
import vn.hocba.grading.RuleSets;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.students.StudentRegistry;
import vn.hocba.grading.SchoolYear;

/**
 * Mark entry progress per teaching assignment (seed 000 §V.3: reported monthly; half of the regular
 * assessments by mid-term, all by the end of the term). Required cells: every student × the
 * required regular columns in the teacher's range (TT22 Art. 6) + the mid-term and end-of-term
 * marks, which every co-teacher of an integrated subject answers for.
 */
@Service
@Transactional(readOnly = true)
public class EntryProgress {

    /** One teacher's progress in one class × subject × term, and how many students still lack the mid-term mark. */
    public record Line(long teacherId, String teacherCode, String teacherName, String classCode, String subjectCode, int term,
            int required, int entered, BigDecimal share, int midtermMissing) {
    }

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final RuleSets rules = RuleSets.standard();

    public EntryProgress(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry students) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.students = students;
    }

    public List<Line> of(SchoolYearId yearId, int term) {
        AcademicYear year = directory.year(yearId);
        return directory.teachingAssignmentsOfYear(yearId).stream().map(ta -> line(year, ta, term)).toList();
    }

    /** One column a teacher answers for: {@code TX1}… (regular), {@code GK} (mid-term), {@code CK} (end of term). */
    public record Column(String label, int entered, int required) {
    }

    /**
     * The progress of {@code ta} column by column in {@code term}: each required regular column of the
     * teacher's range, then the mid-term and end-of-term marks; {@code required} is the students enrolled.
     */
    public List<Column> columns(TeachingAssignment ta, int term) {
        AcademicYear year = directory.year(ta.schoolClass().yearId());
        GradeSubject gs = directory.gradeSubjects(year.id(), ta.schoolClass().grade()).stream()
                .filter(g -> g.subject().id().equals(ta.subject().id())).findFirst().orElseThrow();
        int requiredColumns = rules.forCohort(new SchoolYear(year.startYear()), ta.schoolClass().grade())
                .requiredRegularMarks(ClassGradebookAssembler.subject(gs));
        ColumnRange range = ta.columns();
        int first = range.isWhole() ? 1 : range.first();
        int last = range.isWhole() ? requiredColumns : Math.min(range.last(), requiredColumns);
        int enrolled = students.enrolledCount(ta.schoolClass().id());
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select kind, column_no, count(*) from mark where class_id = ? and subject_id = ? and term = ? "
                + "group by kind, column_no").params(ta.schoolClass().id().value(), ta.subject().id().value(), term)
                .query(rs -> {
                    String kind = rs.getString(1);
                    counts.merge("REGULAR".equals(kind) ? "TX" + rs.getInt(2) : kind, rs.getInt(3), Integer::sum);
                });
        List<Column> columns = new java.util.ArrayList<>();
        for (int c = first; c <= last; c++) {
            columns.add(new Column("TX" + c, counts.getOrDefault("TX" + c, 0), enrolled));
        }
        columns.add(new Column("GK", counts.getOrDefault("MIDTERM", 0), enrolled));
        columns.add(new Column("CK", counts.getOrDefault("FINAL", 0), enrolled));
        return columns;
    }

    private Line line(AcademicYear year, TeachingAssignment ta, int term) {
        GradeSubject gs = directory.gradeSubjects(year.id(), ta.schoolClass().grade()).stream()
                .filter(g -> g.subject().id().equals(ta.subject().id())).findFirst().orElseThrow();
        RuleSet rule = rules.forCohort(new SchoolYear(year.startYear()), ta.schoolClass().grade());
        int requiredColumns = rule.requiredRegularMarks(ClassGradebookAssembler.subject(gs));
        ColumnRange range = ta.columns();
        int first = range.isWhole() ? 1 : range.first();
        int last = range.isWhole() ? requiredColumns : Math.min(range.last(), requiredColumns);
        int enrolled = students.enrolledCount(ta.schoolClass().id());
        int required = enrolled * (Math.max(0, last - first + 1) + 2);
        int entered = jdbc.sql("select count(*) from mark where class_id = ? and subject_id = ? and term = ? and "
                + "((kind = 'REGULAR' and column_no between ? and ?) or kind in ('MIDTERM', 'FINAL'))")
                .params(ta.schoolClass().id().value(), ta.subject().id().value(), term, first, last)
                .query(Integer.class).single();
        int midterms = jdbc.sql("select count(*) from mark where class_id = ? and subject_id = ? and term = ? and kind = 'MIDTERM'")
                .params(ta.schoolClass().id().value(), ta.subject().id().value(), term).query(Integer.class).single();
        BigDecimal share = required == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(entered).divide(BigDecimal.valueOf(required), 3, RoundingMode.HALF_UP);
        return new Line(ta.teacher().id().value(), ta.teacher().code(), ta.teacher().fullName(), ta.schoolClass().code(), ta.subject().code(), term,
                required, entered, share, Math.max(0, enrolled - midterms));
    }
}
