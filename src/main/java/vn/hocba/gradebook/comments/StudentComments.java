package vn.hocba.gradebook.comments;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.CurriculumSubject;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.gradebook.GradebookLocks;
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

    private final StoredComments stored;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final GradebookLocks locks;
    private final CommentWriter writer;

    public StudentComments(StoredComments stored, SchoolDirectory directory, StudentRegistry students, GradebookLocks locks,
            CommentWriter writer) {
        this.stored = stored;
        this.directory = directory;
        this.students = students;
        this.locks = locks;
        this.writer = writer;
    }

    @Transactional(readOnly = true)
    public List<StudentComment> subjectComments(SchoolClass schoolClass, SubjectId subject, CommentPeriod period) {
        return stored.in(new CommentSlot(schoolClass, subject(schoolClass, subject), period));
    }

    /** Saves a subject teacher's comments; refused while the subject's marks of the period's term are locked. */
    public int saveSubjectComments(SchoolClass schoolClass, SubjectId subject, CommentPeriod period,
            List<CommentChange> changes, Actor by) {
        return save(new CommentSlot(schoolClass, subject(schoolClass, subject), period), changes, by, null);
    }

    @Transactional(readOnly = true)
    public List<StudentComment> homeroomComments(SchoolClass schoolClass, CommentPeriod period) {
        return stored.in(new CommentSlot(schoolClass, null, period));
    }

    /** Saves the homeroom teacher's comments; refused while the class term is locked. */
    public int saveHomeroomComments(SchoolClass schoolClass, CommentPeriod period, List<CommentChange> changes, Actor by) {
        return save(new CommentSlot(schoolClass, null, period), changes, by, null);
    }

    /** The longest homeroom comment accepted, in characters (what a page's counter counts against). */
    public static int homeroomMaxLength() {
        return CommentSlot.HOMEROOM_MAX_LENGTH;
    }

    /** Every comment of the class, for its documents. */
    @Transactional(readOnly = true)
    public ClassComments ofClass(SchoolClass schoolClass) {
        return stored.ofClass(schoolClass);
    }

    /**
     * Saves the comments of one slot, refused (423) while the slot's term is locked; {@code related}
     * (e.g. "import &lt;id&gt;") goes to each audit entry. Returns how many changed.
     */
    int save(CommentSlot slot, List<CommentChange> changes, Actor by, String related) {
        locks.requireUnlocked(slot.schoolClass(), slot.homeroom() ? null : slot.subject().id(), slot.period().lockTerm(),
                slot.what(), UNLOCK_FIRST);
        return writer.apply(slot, roster(slot.schoolClass()), changes, by, related);
    }

    Map<Long, EnrolledStudent> roster(SchoolClass schoolClass) {
        return students.roster(schoolClass.id()).stream()
                .collect(Collectors.toMap(e -> e.student().id().value(), Function.identity()));
    }

    private CurriculumSubject subject(SchoolClass schoolClass, SubjectId subject) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có trong chương trình lớp "
                        + schoolClass.code() + "."))
                .subject();
    }
}
