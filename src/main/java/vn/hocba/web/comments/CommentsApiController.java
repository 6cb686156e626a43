package vn.hocba.web.comments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.comments.CommentChange;
import vn.hocba.gradebook.comments.CommentPeriod;
import vn.hocba.gradebook.comments.StudentComment;
import vn.hocba.gradebook.comments.StudentComments;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/**
 * Comments (nhận xét) per student: a subject's written by its teacher(s), next to the marks; the
 * homeroom teacher's on the whole student. Read by whoever may read the class. Period HK1, HK2 or CN.
 */
@RestController
@Tag(name = "Nhận xét", description = "Nhận xét của giáo viên bộ môn và của giáo viên chủ nhiệm về từng học sinh")
class CommentsApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final StudentComments comments;

    CommentsApiController(AccessPolicy access, SchoolDirectory directory, StudentComments comments) {
        this.access = access;
        this.directory = directory;
        this.comments = comments;
    }

    record Changes(List<CommentChange> changes) {

        List<CommentChange> list() {
            return changes == null ? List.of() : changes;
        }
    }

    record Saved(int changed, List<StudentComment> comments) {
    }

    @GetMapping("/api/classes/{classId}/subjects/{subjectId}/comments/{period}")
    @Operation(summary = "Nhận xét môn học về từng học sinh (HK1, HK2 hoặc CN = cả năm, in trên học bạ), kèm phiên bản")
    List<StudentComment> subjectComments(@PathVariable long classId, @PathVariable long subjectId,
            @PathVariable CommentPeriod period) {
        access.requireReadSubject(new ClassId(classId), new SubjectId(subjectId));
        return comments.subjectComments(schoolClass(classId), new SubjectId(subjectId), period);
    }

    @PutMapping("/api/classes/{classId}/subjects/{subjectId}/comments/{period}")
    @Operation(summary = "Lưu nhận xét môn học (giáo viên dạy môn; tất cả hoặc không); 409 nếu đã bị người khác sửa, 423 nếu sổ đã khoá")
    Saved saveSubjectComments(@PathVariable long classId, @PathVariable long subjectId, @PathVariable CommentPeriod period,
            @RequestBody Changes body) {
        Viewer viewer = access.requireTeaching(new ClassId(classId), new SubjectId(subjectId));
        SchoolClass schoolClass = schoolClass(classId);
        int changed = comments.saveSubjectComments(schoolClass, new SubjectId(subjectId), period, body.list(),
                access.actor(viewer, Role.SUBJECT_TEACHER));
        return new Saved(changed, comments.subjectComments(schoolClass, new SubjectId(subjectId), period));
    }

    @GetMapping("/api/classes/{classId}/homeroom-comments/{period}")
    @Operation(summary = "Nhận xét của giáo viên chủ nhiệm về từng học sinh (HK1, HK2 hoặc CN = cả năm)")
    List<StudentComment> homeroomComments(@PathVariable long classId, @PathVariable CommentPeriod period) {
        access.requireReadWholeClass(new ClassId(classId), "nhận xét của giáo viên chủ nhiệm");
        return comments.homeroomComments(schoolClass(classId), period);
    }

    @PutMapping("/api/classes/{classId}/homeroom-comments/{period}")
    @Operation(summary = "Lưu nhận xét của giáo viên chủ nhiệm (tất cả hoặc không); 409 nếu đã bị người khác sửa, 423 nếu sổ lớp đã khoá")
    Saved saveHomeroomComments(@PathVariable long classId, @PathVariable CommentPeriod period, @RequestBody Changes body) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        SchoolClass schoolClass = schoolClass(classId);
        int changed = comments.saveHomeroomComments(schoolClass, period, body.list(),
                access.actor(viewer, Role.HOMEROOM_TEACHER));
        return new Saved(changed, comments.homeroomComments(schoolClass, period));
    }

    private SchoolClass schoolClass(long classId) {
        return directory.schoolClass(new ClassId(classId));
    }
}
