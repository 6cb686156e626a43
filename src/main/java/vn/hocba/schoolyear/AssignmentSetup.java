package vn.hocba.schoolyear;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;

/** Homeroom and teaching assignments: where every teacher's rights come from. */
@Service
@Transactional
public class AssignmentSetup {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;

    public AssignmentSetup(JdbcClient jdbc, SchoolDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Makes {@code teacher} the homeroom teacher of {@code schoolClass}, replacing any previous one. */
    public void assignHomeroom(ClassId schoolClass, StaffId teacher) {
        SchoolClass target = directory.schoolClass(schoolClass);
        Staff staff = directory.staffMember(teacher);
        directory.homeroomAssignments(target.yearId()).stream()
                .filter(h -> h.teacher().id().equals(teacher) && !h.schoolClass().id().equals(schoolClass))
                .findFirst().ifPresent(h -> {
                    throw Rejected.conflict(staff.fullName() + " đã chủ nhiệm lớp " + h.schoolClass().code()
                            + " năm học này; mỗi giáo viên chủ nhiệm một lớp.");
                });
        jdbc.sql("delete from homeroom_assignment where class_id = ?").param(schoolClass.value()).update();
        jdbc.sql("insert into homeroom_assignment (class_id, staff_id) values (?, ?)")
                .params(schoolClass.value(), teacher.value()).update();
    }

    /**
     * Assigns {@code teacher} to teach {@code subject} in {@code schoolClass}. Co-teachers of an
     * integrated subject get disjoint column ranges; a whole-subject assignment excludes any other.
     */
    public long assignTeaching(ClassId schoolClass, SubjectId subject, StaffId teacher, ColumnRange columns) {
        SchoolClass target = directory.schoolClass(schoolClass);
        Staff staff = directory.staffMember(teacher);
        GradeSubject taught = directory.gradeSubjects(target.yearId(), target.grade()).stream()
                .filter(gs -> gs.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value()
                        + " chưa có trong chương trình khối " + target.grade() + " năm học này."));
        List<TeachingAssignment> existing = directory.teachingAssignmentsOfClass(schoolClass).stream()
                .filter(ta -> ta.subject().id().equals(subject)).toList();
        for (TeachingAssignment other : existing) {
            if (other.columns().overlaps(columns)) {
                throw Rejected.conflict("Môn " + taught.subject().name() + " lớp " + target.code() + ": "
                        + columns + " trùng với phần của " + other.teacher().fullName() + " (" + other.columns()
                        + "). Mỗi cột điểm thường xuyên chỉ do một giáo viên nhập.");
            }
        }
        return Sql.insert(jdbc, "insert into teaching_assignment (class_id, subject_id, staff_id, first_column, last_column) "
                + "values (?, ?, ?, ?, ?)", schoolClass.value(), subject.value(), staff.id().value(),
                columns.first(), columns.last());
    }

    public void removeTeaching(long assignmentId) {
        if (jdbc.sql("delete from teaching_assignment where id = ?").param(assignmentId).update() == 0) {
            throw Rejected.notFound("Không có phân công giảng dạy mã số " + assignmentId + ".");
        }
    }
}
