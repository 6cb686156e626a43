package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.Absences;
import vn.hocba.grading.ClassCode;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ConductRatings;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.StudentCode;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.TermMarks;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.grading.AssessmentKind;
import vn.hocba.grading.SchoolYear;

/** Reads one class's stored gradebook as the results engine's input ({@code hocba.class-gradebook/1}). */
@Component
public class ClassGradebookAssembler {

    private record Cell(long student, String subject, int term, MarkKind kind, int column, Mark mark) {
    }

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry students;

    ClassGradebookAssembler(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry students) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.students = students;
    }

    @Transactional(readOnly = true)
    public ClassGradebook assemble(SchoolClass schoolClass) {
        AcademicYear year = directory.year(schoolClass.yearId());
        School school = directory.schools().stream().filter(s -> s.id().equals(year.schoolId())).findFirst().orElseThrow();
        List<Subject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .map(ClassGradebookAssembler::subject).toList();
        Map<Long, List<Cell>> cells = cells(schoolClass);
        Map<Long, Absences> absences = absences(schoolClass);
        Map<Long, Map<Integer, Level>> conduct = conduct(schoolClass);
        Map<Long, Map<String, Mark>> retests = retests(schoolClass);
        List<StudentRecord> records = new ArrayList<>();
        for (EnrolledStudent e : students.roster(schoolClass.id())) {
            long id = e.student().id().value();
            Map<Integer, Level> c = conduct.getOrDefault(id, Map.of());
            records.add(new StudentRecord(new StudentCode(e.student().profile().code()), e.student().profile().fullName(),
                    absences.getOrDefault(id, new Absences(0, 0)), new ConductRatings(c.get(1), c.get(2), c.get(3)),
                    marks(subjects, cells.getOrDefault(id, List.of()), retests.getOrDefault(id, Map.of()))));
        }
        return new ClassGradebook(new SchoolYear(year.startYear()), school.code(), school.name(),
                new ClassCode(schoolClass.code()), schoolClass.grade(), subjects, records);
    }

    /**
     * One subject's sheet of one term as the results engine's input: the same roster as {@link #assemble}, each
     * student with only that subject's marks of {@code term} (no other subject, conduct, absences or retests, no
     * school), enough for {@link vn.hocba.grading.RuleSets#missing} and nothing else.
     */
    @Transactional(readOnly = true)
    public ClassGradebook assembleSubjectSheet(SchoolClass schoolClass, GradeSubject gradeSubject, int term) {
        AcademicYear year = directory.year(schoolClass.yearId());
        Subject subject = subject(gradeSubject);
        Map<Long, List<Cell>> cells = new HashMap<>();
        jdbc.sql("select student_id, kind, column_no, score, level from mark where class_id = ? and subject_id = ? and term = ?")
                .params(schoolClass.id().value(), gradeSubject.subject().id().value(), term)
                .query((rs, n) -> {
                    Cell cell = new Cell(rs.getLong(1), subject.code().value(), term, MarkKind.valueOf(rs.getString(2)),
                            rs.getInt(3), mark(rs.getBigDecimal(4), rs.getString(5)));
                    return cells.computeIfAbsent(cell.student(), k -> new ArrayList<>()).add(cell);
                }).list();
        List<StudentRecord> records = new ArrayList<>();
        for (EnrolledStudent e : students.roster(schoolClass.id())) {
            TermMarks marks = term(cells.getOrDefault(e.student().id().value(), List.of()), term);
            records.add(new StudentRecord(new StudentCode(e.student().profile().code()), e.student().profile().fullName(),
                    new Absences(0, 0), new ConductRatings(null, null, null), Map.of(subject.code(),
                            term == 1 ? new SubjectMarks(marks, null, null) : new SubjectMarks(null, marks, null))));
        }
        return new ClassGradebook(new SchoolYear(year.startYear()), null, null, new ClassCode(schoolClass.code()),
                schoolClass.grade(), List.of(subject), records);
    }

    private static Mark mark(BigDecimal score, String level) {
        return score != null ? new Mark.Score(score) : Mark.Comment.ofCode(level);
    }

    /** A subject of the curriculum as the results engine sees it. */
    public static Subject subject(GradeSubject gs) {
        return new Subject(new SubjectCode(gs.subject().code()), gs.subject().name(),
                gs.subject().assessment() == AssessedBy.SCORE ? AssessmentKind.SCORE
                        : AssessmentKind.COMMENT, gs.periodsPerYear());
    }

    private static Map<SubjectCode, SubjectMarks> marks(List<Subject> subjects, List<Cell> cells, Map<String, Mark> retests) {
        Map<String, List<Cell>> bySubject = new HashMap<>();
        for (Cell c : cells) {
            bySubject.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c);
        }
        Map<SubjectCode, SubjectMarks> marks = new HashMap<>();
        for (Subject subject : subjects) {
            List<Cell> of = bySubject.getOrDefault(subject.code().value(), List.of());
            marks.put(subject.code(), new SubjectMarks(term(of, 1), term(of, 2), retests.get(subject.code().value())));
        }
        return marks;
    }

    /** Regular marks in column order; an empty column in between simply is not there. */
    private static TermMarks term(List<Cell> cells, int term) {
        TreeMap<Integer, Mark> regular = new TreeMap<>();
        Mark midterm = null;
        Mark fin = null;
        for (Cell c : cells) {
            if (c.term() != term) {
                continue;
            }
            switch (c.kind()) {
                case REGULAR -> regular.put(c.column(), c.mark());
                case MIDTERM -> midterm = c.mark();
                case FINAL -> fin = c.mark();
            }
        }
        return new TermMarks(new ArrayList<>(regular.values()), midterm, fin);
    }

    private Map<Long, List<Cell>> cells(SchoolClass schoolClass) {
        Map<Long, List<Cell>> cells = new HashMap<>();
        jdbc.sql("select m.student_id, s.code, m.term, m.kind, m.column_no, m.score, m.level from mark m "
                + "join subject s on s.id = m.subject_id where m.class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> {
                    Cell cell = new Cell(rs.getLong(1), rs.getString(2), rs.getInt(3), MarkKind.valueOf(rs.getString(4)),
                            rs.getInt(5), mark(rs.getBigDecimal(6), rs.getString(7)));
                    cells.computeIfAbsent(cell.student(), k -> new ArrayList<>()).add(cell);
                    return null;
                }).list();
        return cells;
    }

    private Map<Long, Map<String, Mark>> retests(SchoolClass schoolClass) {
        Map<Long, Map<String, Mark>> retests = new HashMap<>();
        jdbc.sql("select r.student_id, s.code, r.score, r.level from retest_mark r join subject s on s.id = r.subject_id "
                + "where r.class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> retests.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                        rs.getBigDecimal(3) != null ? new Mark.Score(rs.getBigDecimal(3)) : Mark.Comment.ofCode(rs.getString(4))))
                .list();
        return retests;
    }

    private Map<Long, Absences> absences(SchoolClass schoolClass) {
        Map<Long, Absences> absences = new HashMap<>();
        jdbc.sql("select student_id, sum(case when excused then 1 else 0 end), sum(case when excused then 0 else 1 end) "
                + "from absence where class_id = ? group by student_id").param(schoolClass.id().value())
                .query((rs, n) -> absences.put(rs.getLong(1), new Absences(rs.getInt(2), rs.getInt(3)))).list();
        return absences;
    }

    private Map<Long, Map<Integer, Level>> conduct(SchoolClass schoolClass) {
        Map<Long, Map<Integer, Level>> conduct = new HashMap<>();
        jdbc.sql("select student_id, term, level from conduct_rating where class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> conduct.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getInt(2), Level.ofCode(rs.getString(3)))).list();
        return conduct;
    }
}
