package vn.hocba.web.closing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.workflow.TermCloseWorkflow;
/** The steps of closing a class's term, each open to the one person whose task it is. */
@RestController
@RequestMapping("/api/classes/{classId}/terms/{term}")
@Tag(name = "Chốt học kì", description = "GVBM ký môn → GVCN kiểm tra, ký lớp → Hiệu trưởng phê duyệt → khoá sổ")
class TermCloseApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final TermCloseWorkflow workflow;
    private final SignOffs signOffs;

    TermCloseApiController(AccessPolicy access, SchoolDirectory directory, TermCloseWorkflow workflow, SignOffs signOffs) {
        this.access = access;
        this.directory = directory;
        this.workflow = workflow;
        this.signOffs = signOffs;
    }

    record Reason(String reason) {
    }

    record Started(String processInstanceId) {
    }

    @PostMapping("/close")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bắt đầu chốt học kì của lớp (Hiệu trưởng, Phó hiệu trưởng hoặc GVCN của lớp)")
    Started start(@PathVariable long classId, @PathVariable int term) {
        Viewer viewer = access.current();
        if (!viewer.has(Role.PRINCIPAL) && !viewer.has(Role.VICE_PRINCIPAL) && !viewer.isHomeroomTeacherOf(new ClassId(classId))) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng hoặc GVCN của lớp bắt đầu chốt học kì.");
        }
        return new Started(workflow.start(schoolClass(classId), term));
    }

    @GetMapping("/sign-offs")
    @Operation(summary = "Các chữ ký xác nhận của lớp trong học kì (ai, khi nào, mã SHA-256 của nội dung)")
    List<SignOff> signOffs(@PathVariable long classId, @PathVariable int term) {
        access.requireReadClass(new ClassId(classId));
        return signOffs.of(schoolClass(classId), term);
    }

    @PostMapping("/subjects/{subjectId}/sign-off")
    @Operation(summary = "GVBM ký xác nhận điểm môn của lớp (bị từ chối khi còn thiếu điểm)")
    SignOff signSubject(@PathVariable long classId, @PathVariable int term, @PathVariable long subjectId) {
        Viewer viewer = access.requireTeaching(new ClassId(classId), new SubjectId(subjectId));
        return workflow.signSubject(schoolClass(classId), new SubjectId(subjectId), term,
                access.actor(viewer, Role.SUBJECT_TEACHER));
    }

    @PostMapping("/subjects/{subjectId}/send-back")
    @Operation(summary = "GVCN trả một môn lại cho GVBM, có lí do")
    void sendBack(@PathVariable long classId, @PathVariable int term, @PathVariable long subjectId, @RequestBody Reason body) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        workflow.sendBack(schoolClass(classId), new SubjectId(subjectId), term, body.reason(),
                access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/homeroom-check")
    @Operation(summary = "GVCN xác nhận đã kiểm tra cả lớp và xếp loại rèn luyện")
    void confirmCheck(@PathVariable long classId, @PathVariable int term) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        workflow.confirmCheck(schoolClass(classId), term, access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/sign-off")
    @Operation(summary = "GVCN ký xác nhận kết quả của lớp")
    SignOff signClass(@PathVariable long classId, @PathVariable int term) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        return workflow.signClass(schoolClass(classId), term, access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/approval")
    @Operation(summary = "Hiệu trưởng phê duyệt; sổ điểm học kì của lớp được khoá và lưu bản chụp")
    SignOff approve(@PathVariable long classId, @PathVariable int term) {
        return workflow.approve(schoolClass(classId), term, access.actor(principal(), Role.PRINCIPAL));
    }

    @PostMapping("/rejection")
    @Operation(summary = "Hiệu trưởng không phê duyệt, trả về GVCN với lí do")
    void reject(@PathVariable long classId, @PathVariable int term, @RequestBody Reason body) {
        workflow.reject(schoolClass(classId), term, body.reason(), access.actor(principal(), Role.PRINCIPAL));
    }

    private Viewer principal() {
        return access.requirePrincipal("phê duyệt kết quả học kì");
    }

    private SchoolClass schoolClass(long classId) {
        return directory.schoolClass(new ClassId(classId));
    }
}
