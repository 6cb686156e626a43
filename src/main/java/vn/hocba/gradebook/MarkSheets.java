package vn.hocba.gradebook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Reads and saves the marks of one subject in one class and term. A save is all or nothing: one
 * invalid cell, a lock, or a cell someone else changed meanwhile refuses the whole save.
 */
@Service
@Transactional
public class MarkSheets {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final GradebookLocks locks;
    private final EntryPolicies policies;
    private final MarkWriter writer;
    private final ClassResultsStore results;

    public MarkSheets(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry students, GradebookLocks locks,
            EntryPolicies policies, MarkWriter writer, ClassResultsStore results) {
        this.results = results;
        this.jdbc = jdbc;
        this.directory = directory;
        this.students = students;
        this.locks = locks;
        this.policies = policies;
        this.writer = writer;
    }

    @Transactional(readOnly = true)
    public MarkSheet sheet(SchoolClass schoolClass, SubjectId subject, int term) {
        GradeSubject gs = gradeSubject(schoolClass, subject);
        List<MarkSheet.Student> roster = students.roster(schoolClass.id()).stream()
                .map(e -> new MarkSheet.Student(e.student().id().value(), e.numberInClass(), e.student().profile().code(),
                        e.student().profile().fullName())).toList();
        List<MarkCell> cells = jdbc.sql("select student_id, kind, column_no, score, level, version from mark "
                + "where class_id = ? and subject_id = ? and term = ? order by student_id, kind, column_no")
                .params(schoolClass.id().value(), subject.value(), term)
                .query((rs, n) -> new MarkCell(rs.getLong(1), MarkKind.valueOf(rs.getString(2)), rs.getInt(3),
                        CellValue.of(rs.getBigDecimal(4), rs.getString(5)).text(), rs.getInt(6))).list();
        return new MarkSheet(schoolClass.code(), gs.subject().code(), gs.subject().name(), gs.subject().assessment(), term,
                roster, cells);
    }

    /** The stored cells of one student in the sheet (what a save answers with), in column order. */
    @Transactional(readOnly = true)
    public List<MarkCell> cells(SchoolClass schoolClass, SubjectId subject, int term, long studentId) {
        return jdbc.sql("select student_id, kind, column_no, score, level, version from mark "
                + "where class_id = ? and subject_id = ? and term = ? and student_id = ? order by kind, column_no")
                .params(schoolClass.id().value(), subject.value(), term, studentId)
                .query((rs, n) -> new MarkCell(rs.getLong(1), MarkKind.valueOf(rs.getString(2)), rs.getInt(3),
                        CellValue.of(rs.getBigDecimal(4), rs.getString(5)).text(), rs.getInt(6))).list();
    }

    /**
     * Saves {@code changes} made by a teacher whose assignments cover {@code columns} of the regular
     * marks (co-teachers of integrated subjects, seed 000). Periodic marks may be entered by any
     * teacher assigned to the subject in the class: the test is shared.
     */
    public int save(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns, List<CellChange> changes,
            Actor by) {
        return save(schoolClass, subject, term, columns, changes, by, null);
    }

    /** As {@link #save(SchoolClass, SubjectId, int, List, List, Actor)}, each audit entry naming {@code relatedRequest}. */
    public int save(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns, List<CellChange> changes,
            Actor by, String relatedRequest) {
        CellRules rules = rules(schoolClass, subject, term, columns);
        locks.requireUnlocked(schoolClass, subject, term, "Điểm môn " + rules.subject().subject().name() + " lớp "
                + schoolClass.code());
        List<MarkWriter.Write> writes = changes.stream().map(rules::validated).toList();
        // Saves of the same class × subject take turns, so the second of two simultaneous saves sees
        // the first one's values and is refused with them (409) instead of failing on a duplicate key.
        jdbc.sql("select id from teaching_assignment where class_id = ? and subject_id = ? for update")
                .params(schoolClass.id().value(), subject.value()).query(Long.class).list();
        try {
            int changed = writer.apply(schoolClass, rules.subject().subject(), term, writes, by, relatedRequest);
            results.recomputeBeforeCommit(schoolClass, rules.subject().subject().code());
            return changed;
        } catch (DuplicateKeyException e) {
            throw Rejected.conflict("Một ô điểm vừa được người khác nhập cùng lúc. Hãy tải lại trang để xem giá trị mới; "
                    + "không có thay đổi nào của bạn được lưu.");
        }
    }

    /** The rules a cell of this sheet must pass, for checking cells one by one (e.g. an upload's preview). */
    @Transactional(readOnly = true)
    public CellRules rules(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns) {
        GradeSubject gs = gradeSubject(schoolClass, subject);
        if (term != 1 && term != 2) {
            throw Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
        EntryPolicy policy = policies.of(directory.year(schoolClass.yearId()).schoolId());
        Map<Long, EnrolledStudent> roster = students.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(e -> e.student().id().value(), Function.identity()));
        return new CellRules(gs, term, columns, policy, roster);
    }

    private GradeSubject gradeSubject(SchoolClass schoolClass, SubjectId subject) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có trong chương trình lớp "
                        + schoolClass.code() + "."));
    }
}
