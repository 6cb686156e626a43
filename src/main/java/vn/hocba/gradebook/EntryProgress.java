package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * marks, which every co-teacher of an integrated subject answers for. A whole year is read in a fixed
 * number of queries (the marks counted per class, subject and column in one), whatever the number of
 * classes: the school dashboard reads it on every request.
 */
@Service
@Transactional(readOnly = true)
public class EntryProgress {

    /**
     * One teacher's progress in one class × subject × term, and how many students still lack the mid-term mark;
     * {@code subjectName} is what people read ("Ngữ văn"), {@code subjectCode} what programs match ({@code NGU_VAN}).
     */
    public record Line(long teacherId, String teacherCode, String teacherName, String classCode, String subjectCode,
            String subjectName, int term,
            int required, int entered, BigDecimal share, int midtermMissing) {
    }

    /** One column a teacher answers for: {@code TX1}… (regular), {@code GK} (mid-term), {@code CK} (end of term). */
    public record Column(String label, int entered, int required) {
    }

    /**
     * One teaching assignment's columns in a term: {@code regularColumns} is how many regular columns the
     * subject requires in all (TT22 Art. 6), which the deadlines of the regular columns depend on.
     */
    public record AssignmentColumns(TeachingAssignment assignment, int term, int regularColumns, List<Column> columns) {
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
        return columnsOfYear(yearId, term).stream().map(EntryProgress::line).toList();
    }

    /** Every teaching assignment of the year with its columns in {@code term}, in a fixed number of queries. */
    public List<AssignmentColumns> columnsOfYear(SchoolYearId yearId, int term) {
        AcademicYear year = directory.year(yearId);
        List<TeachingAssignment> assignments = directory.teachingAssignmentsOfYear(yearId);
        Map<Long, Integer> enrolled = students.enrolledCounts(yearId);
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select m.class_id, m.subject_id, m.kind, m.column_no, count(*) from mark m join school_class c on c.id = m.class_id "
                + "where c.school_year_id = ? and m.term = ? group by m.class_id, m.subject_id, m.kind, m.column_no")
                .params(yearId.value(), term).query(rs -> {
                    counts.merge(key(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)), rs.getInt(5), Integer::sum);
                });
        Map<Integer, List<GradeSubject>> subjectsByGrade = new HashMap<>();
        List<AssignmentColumns> all = new ArrayList<>();
        for (TeachingAssignment ta : assignments) {
            List<GradeSubject> grade = subjectsByGrade.computeIfAbsent(ta.schoolClass().grade(),
                    g -> directory.gradeSubjects(yearId, g));
            all.add(columns(year, ta, term, grade, enrolled.getOrDefault(ta.schoolClass().id().value(), 0), counts));
        }
        return all;
    }

    /**
     * The progress of {@code ta} column by column in {@code term}: each required regular column of the
     * teacher's range, then the mid-term and end-of-term marks; {@code required} is the students enrolled.
     */
    public List<Column> columns(TeachingAssignment ta, int term) {
        SchoolYearId yearId = ta.schoolClass().yearId();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select kind, column_no, count(*) from mark where class_id = ? and subject_id = ? and term = ? "
                + "group by kind, column_no").params(ta.schoolClass().id().value(), ta.subject().id().value(), term)
                .query(rs -> {
                    counts.merge(key(ta.schoolClass().id().value(), ta.subject().id().value(), rs.getString(1), rs.getInt(2)),
                            rs.getInt(3), Integer::sum);
                });
        return columns(directory.year(yearId), ta, term, directory.gradeSubjects(yearId, ta.schoolClass().grade()),
                students.enrolledCount(ta.schoolClass().id()), counts).columns();
    }

    private AssignmentColumns columns(AcademicYear year, TeachingAssignment ta, int term, List<GradeSubject> gradeSubjects,
            int enrolled, Map<String, Integer> counts) {
        GradeSubject gs = gradeSubjects.stream().filter(g -> g.subject().id().equals(ta.subject().id())).findFirst().orElseThrow();
        int requiredColumns = rules.forCohort(new SchoolYear(year.startYear()), ta.schoolClass().grade())
                .requiredRegularMarks(ClassGradebookAssembler.subject(gs));
        ColumnRange range = ta.columns();
        int first = range.isWhole() ? 1 : range.first();
        int last = range.isWhole() ? requiredColumns : Math.min(range.last(), requiredColumns);
        long classId = ta.schoolClass().id().value();
        long subjectId = ta.subject().id().value();
        List<Column> columns = new ArrayList<>();
        for (int c = first; c <= last; c++) {
            columns.add(new Column("TX" + c, counts.getOrDefault(key(classId, subjectId, "REGULAR", c), 0), enrolled));
        }
        columns.add(new Column("GK", counts.getOrDefault(key(classId, subjectId, "MIDTERM", 1), 0), enrolled));
        columns.add(new Column("CK", counts.getOrDefault(key(classId, subjectId, "FINAL", 1), 0), enrolled));
        return new AssignmentColumns(ta, term, requiredColumns, columns);
    }

    private static Line line(AssignmentColumns a) {
        int required = a.columns().stream().mapToInt(Column::required).sum();
        int entered = a.columns().stream().mapToInt(Column::entered).sum();
        int midterms = a.columns().stream().filter(c -> c.label().equals("GK")).mapToInt(Column::entered).sum();
        int enrolled = a.columns().get(0).required();
        BigDecimal share = required == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(entered).divide(BigDecimal.valueOf(required), 3, RoundingMode.HALF_UP);
        TeachingAssignment ta = a.assignment();
        return new Line(ta.teacher().id().value(), ta.teacher().code(), ta.teacher().fullName(), ta.schoolClass().code(),
                ta.subject().code(), ta.subject().name(), a.term(), required, entered, share, Math.max(0, enrolled - midterms));
    }

    /** Mid-term and end-of-term marks are stored as column 1 of their kind. */
    private static String key(long classId, long subjectId, String kind, int column) {
        return classId + "/" + subjectId + "/" + ("REGULAR".equals(kind) ? "TX" + column : kind);
    }
}
