package vn.hocba.web.corrections;

import java.time.format.DateTimeFormatter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.workflow.CorrectionWorkflow;
/** The steps of a grade correction, each allowed to one person: requester, homeroom teacher, principal. */
@RestController
@Tag(name = "Sửa điểm đã khoá", description = "GVBM đề nghị → GVCN xác nhận → Hiệu trưởng duyệt → sửa đúng một điểm")
class CorrectionsApiController {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AccessPolicy access;
    private final Corrections corrections;
    private final CorrectionWorkflow workflow;

    CorrectionsApiController(AccessPolicy access, Corrections corrections, CorrectionWorkflow workflow) {
        this.access = access;
        this.corrections = corrections;
        this.workflow = workflow;
    }

    record NewCorrection(long classId, long subjectId, long studentId, int term, MarkKind kind, int column,
            String newValue, String reason, String evidenceName, byte[] evidence) {
    }

    record Decision(String reason) {
    }

    record Filed(CorrectionRequest request, String warning) {
    }

    @PostMapping("/api/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "GVBM đề nghị sửa một điểm đã khoá (điểm cũ, điểm mới, lí do, minh chứng)")
    Filed request(@RequestBody NewCorrection body) {
        Viewer viewer = body.kind() == MarkKind.REGULAR
                ? access.requireTeachingColumn(new ClassId(body.classId()), new SubjectId(body.subjectId()), body.column())
                : access.requireTeaching(new ClassId(body.classId()), new SubjectId(body.subjectId()));
        Corrections.Filed filed = workflow.request(new Corrections.Request(body.classId(), body.subjectId(),
                body.studentId(), body.term(), body.kind(), body.column(), body.newValue(), body.reason(),
                body.evidenceName(), body.evidence()), access.actor(viewer, Role.SUBJECT_TEACHER));
        String warning = filed.missedDeadline() == null ? null : "Đề nghị gửi sau hạn sửa điểm " + DAY.format(filed.missedDeadline())
                + " (quy định của trường): Hiệu trưởng chỉ duyệt được khi ghi lí do cho phép sửa quá hạn.";
        return new Filed(filed.request(), warning);
    }

    @GetMapping("/api/corrections/{id}")
    @Operation(summary = "Một đề nghị sửa điểm và trạng thái của nó")
    CorrectionRequest get(@PathVariable long id) {
        CorrectionRequest request = corrections.find(id);
        access.requireReadSubject(new ClassId(request.classId()), new SubjectId(request.subjectId()));
        return request;
    }

    @PostMapping("/api/corrections/{id}/confirm")
    @Operation(summary = "GVCN xác nhận")
    CorrectionRequest confirm(@PathVariable long id) {
        Viewer viewer = homeroomOf(id);
        return workflow.confirm(id, access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/api/corrections/{id}/return")
    @Operation(summary = "GVCN trả lại cho GVBM, có lí do")
    CorrectionRequest returnToTeacher(@PathVariable long id, @RequestBody Decision body) {
        Viewer viewer = homeroomOf(id);
        return workflow.returnToTeacher(id, body.reason(), access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/api/corrections/{id}/approve")
    @Operation(summary = "Hiệu trưởng duyệt (ghi lí do nếu cho phép sửa quá hạn)")
    CorrectionRequest approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        Viewer viewer = principal();
        return workflow.approve(id, body == null ? null : body.reason(), access.actor(viewer, Role.PRINCIPAL));
    }

    @PostMapping("/api/corrections/{id}/reject")
    @Operation(summary = "Hiệu trưởng không duyệt, có lí do")
    CorrectionRequest reject(@PathVariable long id, @RequestBody Decision body) {
        Viewer viewer = principal();
        return workflow.reject(id, body.reason(), access.actor(viewer, Role.PRINCIPAL));
    }

    private Viewer homeroomOf(long id) {
        Viewer viewer = access.current();
        if (!viewer.isHomeroomTeacherOf(new ClassId(corrections.find(id).classId()))) {
            throw Rejected.forbidden("Chỉ giáo viên chủ nhiệm của lớp xác nhận hoặc trả lại đề nghị sửa điểm này.");
        }
        return viewer;
    }

    private Viewer principal() {
        return access.requirePrincipal("duyệt hoặc từ chối đề nghị sửa điểm");
    }
}
