package vn.hocba.workflow;

import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Accounts;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SubjectId;

/**
 * Who gets which task of the TermClose process, evaluated by the model's assignee expressions
 * ({@code ${termCloseTasks.teacherOf(assignmentId)}}): the usernames of the assigned people.
 */
@Component("termCloseTasks")
public class TermCloseTasks {

    private final SchoolDirectory directory;
    private final Accounts accounts;

    TermCloseTasks(SchoolDirectory directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** The username of the teacher of a teaching assignment. */
    public String teacherOf(Long assignmentId) {
        return usernameOf(assignment(assignmentId).teacher().id());
    }

    /** The username of the teacher of a teaching assignment already at hand. */
    String usernameOfTeacher(TeachingAssignment assignment) {
        return usernameOf(assignment.teacher().id());
    }

    /** The username of the homeroom teacher of a class. */
    public String homeroomOf(Long classId) {
        return directory.homeroomOf(new ClassId(classId))
                .map(h -> usernameOf(h.teacher().id()))
                .orElseThrow(() -> Rejected.conflict("Lớp mã số " + classId + " chưa có giáo viên chủ nhiệm."));
    }

    TeachingAssignment assignment(long assignmentId) {
        return directory.teachingAssignmentById(assignmentId)
                .orElseThrow(() -> Rejected.notFound("Không có phân công giảng dạy số " + assignmentId + "."));
    }

    java.util.List<TeachingAssignment> assignmentsOf(SchoolClass schoolClass,
            SubjectId subject) {
        return directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(t -> t.subject().id().equals(subject)).toList();
    }

    private String usernameOf(StaffId staff) {
        return accounts.byStaff(staff).map(a -> a.username())
                .orElseThrow(() -> Rejected.conflict(directory.staffMember(staff).fullName() + " chưa có tài khoản."));
    }
}
