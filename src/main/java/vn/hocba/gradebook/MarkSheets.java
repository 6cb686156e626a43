package vn.hocba.gradebook;

import java.math.BigDecimal;
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
                        MarkWriter.text(rs.getBigDecimal(4), rs.getString(5)), rs.getInt(6))).list();
        return new MarkSheet(schoolClass.code(), gs.subject().code(), gs.subject().name(), gs.subject().assessment(), term,
                roster, cells);
    }

    /**
     * Saves {@code changes} made by a teacher whose assignments cover {@code columns} of the regular
     * marks (co-teachers of integrated subjects, seed 000). Periodic marks may be entered by any
     * teacher assigned to the subject in the class: the test is shared.
     */
    public int save(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns, List<CellChange> changes,
            Actor by) {
        GradeSubject gs = gradeSubject(schoolClass, subject);
        if (term != 1 && term != 2) {
            throw Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
        locks.requireUnlocked(schoolClass, subject, term, "Điểm môn " + gs.subject().name() + " lớp " + schoolClass.code());
        EntryPolicy policy = policies.of(directory.year(schoolClass.yearId()).schoolId());
        Map<Long, EnrolledStudent> roster = students.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(e -> e.student().id().value(), Function.identity()));
        List<MarkWriter.Write> writes = changes.stream()
                .map(c -> validated(c, gs, term, columns, policy, roster)).toList();
        // Saves of the same class × subject take turns, so the second of two simultaneous saves sees
        // the first one's values and is refused with them (409) instead of failing on a duplicate key.
        jdbc.sql("select id from teaching_assignment where class_id = ? and subject_id = ? for update")
                .params(schoolClass.id().value(), subject.value()).query(Long.class).list();
        try {
            int changed = writer.apply(schoolClass, gs.subject(), term, writes, by);
            results.recompute(schoolClass);
            return changed;
        } catch (DuplicateKeyException e) {
            throw Rejected.conflict("Một ô điểm vừa được người khác nhập cùng lúc. Hãy tải lại trang để xem giá trị mới; "
                    + "không có thay đổi nào của bạn được lưu.");
        }
    }

    private MarkWriter.Write validated(CellChange c, GradeSubject gs, int term, List<ColumnRange> columns, EntryPolicy policy,
            Map<Long, EnrolledStudent> roster) {
        EnrolledStudent student = roster.get(c.studentId());
        if (student == null) {
            throw Rejected.invalid("Học sinh mã số " + c.studentId() + " không có tên trong lớp này.");
        }
        if (c.kind() == null) {
            throw Rejected.invalid("Thiếu loại điểm (REGULAR, MIDTERM hoặc FINAL).");
        }
        String where = MarkWriter.where(student, gs.subject(), term, c.kind(), c.column());
        policy.checkColumn(c.kind(), c.column(), where);
        if (c.kind() == MarkKind.REGULAR && columns.stream().noneMatch(r -> r.contains(c.column()))) {
            throw Rejected.forbidden(where + ": bạn chỉ được phân công nhập " + columns.stream().map(ColumnRange::toString)
                    .collect(Collectors.joining(", ")) + " của môn này.");
        }
        if (c.value() == null || c.value().isBlank()) {
            return new MarkWriter.Write(student, c, null, null, where);
        }
        if (gs.subject().assessment() == vn.hocba.schoolyear.AssessmentKind.COMMENT) {
            String level = java.text.Normalizer.normalize(c.value().trim(), java.text.Normalizer.Form.NFC);
            if (!level.equals("Đ") && !level.equals("CĐ")) {
                throw Rejected.invalid(where + ": môn đánh giá bằng nhận xét chỉ nhận Đ (Đạt) hoặc CĐ (Chưa đạt), không nhận \""
                        + c.value() + "\".");
            }
            return new MarkWriter.Write(student, c, null, level, where);
        }
        BigDecimal score = policy.score(c.value(), c.kind(), where);
        return new MarkWriter.Write(student, c, score, null, where);
    }

    private GradeSubject gradeSubject(SchoolClass schoolClass, SubjectId subject) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có trong chương trình lớp "
                        + schoolClass.code() + "."));
    }
}
