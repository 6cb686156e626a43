package vn.hocba.gradebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.Subject;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Comments (nhận xét) on each student: the subject teachers' per subject (seed 000 §V.1: "nhập điểm
 * và nhận xét học sinh"), the homeroom teacher's on the whole student (seed 000 §IV.7-8), per term
 * and for the year. Who may write is checked by the caller (the subject's teachers; the homeroom
 * teacher). A save is all or nothing, refused (423) where the gradebook is locked, and audited.
 */
@Service
@Transactional
public class StudentComments {

    private static final String UNLOCK_FIRST = "Nhận xét chỉ sửa được sau khi Hiệu trưởng hoặc Phó hiệu trưởng mở khoá sổ.";

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final GradebookLocks locks;
    private final CommentWriter writer;

    public StudentComments(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry students, GradebookLocks locks,
            CommentWriter writer) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.students = students;
        this.locks = locks;
        this.writer = writer;
    }

    @Transactional(readOnly = true)
    public List<StudentComment> subjectComments(SchoolClass schoolClass, SubjectId subject, CommentPeriod period) {
        return stored(new CommentSlot(schoolClass, subject(schoolClass, subject), period));
    }

    /** Saves a subject teacher's comments; refused while the subject's marks of the period's term are locked. */
    public int saveSubjectComments(SchoolClass schoolClass, SubjectId subject, CommentPeriod period,
            List<CommentChange> changes, Actor by) {
        CommentSlot slot = new CommentSlot(schoolClass, subject(schoolClass, subject), period);
        locks.requireUnlocked(schoolClass, subject, period.lockTerm(), slot.what(), UNLOCK_FIRST);
        return writer.apply(slot, roster(schoolClass), changes, by);
    }

    @Transactional(readOnly = true)
    public List<StudentComment> homeroomComments(SchoolClass schoolClass, CommentPeriod period) {
        return stored(new CommentSlot(schoolClass, null, period));
    }

    /** Saves the homeroom teacher's comments; refused while the class term is locked. */
    public int saveHomeroomComments(SchoolClass schoolClass, CommentPeriod period, List<CommentChange> changes, Actor by) {
        CommentSlot slot = new CommentSlot(schoolClass, null, period);
        locks.requireUnlocked(schoolClass, null, period.lockTerm(), slot.what(), UNLOCK_FIRST);
        return writer.apply(slot, roster(schoolClass), changes, by);
    }

    /** Every comment of the class, for its documents. */
    @Transactional(readOnly = true)
    public ClassComments ofClass(SchoolClass schoolClass) {
        Map<String, String> bySubject = new HashMap<>();
        jdbc.sql("select c.student_id, s.code, c.term, c.body from subject_comment c join subject s on s.id = c.subject_id "
                + "where c.class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> bySubject.put(ClassComments.subjectKey(rs.getLong(1), rs.getString(2),
                        CommentPeriod.ofCode(rs.getInt(3))), rs.getString(4))).list();
        Map<String, String> homeroom = new HashMap<>();
        jdbc.sql("select student_id, term, body from homeroom_comment where class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> homeroom.put(ClassComments.homeroomKey(rs.getLong(1), CommentPeriod.ofCode(rs.getInt(2))),
                        rs.getString(3))).list();
        return new ClassComments(bySubject, homeroom);
    }

    private List<StudentComment> stored(CommentSlot slot) {
        List<Object> params = new ArrayList<>(slot.keyParams());
        return jdbc.sql("select student_id, body, version, updated_by from " + slot.table() + " where " + slot.key()
                + " order by student_id").params(params)
                .query((rs, n) -> new StudentComment(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
    }

    private Map<Long, EnrolledStudent> roster(SchoolClass schoolClass) {
        return students.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(e -> e.student().id().value(), Function.identity()));
    }

    private Subject subject(SchoolClass schoolClass, SubjectId subject) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có trong chương trình lớp "
                        + schoolClass.code() + "."))
                .subject();
    }
}
