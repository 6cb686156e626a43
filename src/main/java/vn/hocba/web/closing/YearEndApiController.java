package vn.hocba.web.closing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.workflow.YearEndWorkflow;
/** Xét lên lớp: lists, proposal, approval, summer results (retests, re-assessed conduct), final decisions. */
@RestController
@RequestMapping("/api/classes/{classId}/year-end")
@Tag(name = "Xét lên lớp cuối năm")
class YearEndApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final YearEnd yearEnd;
    private final YearEndWorkflow workflow;

    YearEndApiController(AccessPolicy access, SchoolDirectory directory, YearEnd yearEnd, YearEndWorkflow workflow) {
        this.access = access;
        this.directory = directory;
        this.yearEnd = yearEnd;
        this.workflow = workflow;
    }

    record Note(String note) {
    }

    record Retest(long studentId, String value) {
    }

    /** Why the principal sends the lists or the summer results back to the homeroom teacher. */
    record Reason(String reason) {
    }

    @GetMapping("/lists")
    @Operation(summary = "Danh sách học sinh theo quyết định lên lớp và danh hiệu")
    YearEnd.Lists lists(@PathVariable long classId) {
        access.requireReadWholeClass(new ClassId(classId), "danh sách xét lên lớp và danh hiệu");
        return yearEnd.lists(schoolClass(classId));
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bắt đầu xét lên lớp cuối năm (Hiệu trưởng, Phó hiệu trưởng hoặc GVCN)")
    void start(@PathVariable long classId) {
        Viewer viewer = access.current();
        if (!viewer.has(Role.PRINCIPAL) && !viewer.has(Role.VICE_PRINCIPAL) && !viewer.isHomeroomTeacherOf(new ClassId(classId))) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng hoặc GVCN của lớp bắt đầu xét lên lớp.");
        }
        workflow.start(schoolClass(classId));
    }

    @PostMapping("/proposal")
    @Operation(summary = "GVCN đề nghị danh sách")
    void propose(@PathVariable long classId, @RequestBody(required = false) Note body) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        workflow.propose(schoolClass(classId), body == null ? null : body.note(), access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/approval")
    @Operation(summary = "Hiệu trưởng duyệt danh sách")
    void approve(@PathVariable long classId) {
        workflow.approve(schoolClass(classId), access.actor(principal(), Role.PRINCIPAL));
    }

    @PostMapping("/rejection")
    @Operation(summary = "Hiệu trưởng không duyệt danh sách, trả về GVCN với lí do (bắt buộc)")
    YearEnd.Rejection reject(@PathVariable long classId, @RequestBody(required = false) Reason body) {
        return workflow.reject(schoolClass(classId), body == null ? null : body.reason(), access.actor(principal(), Role.PRINCIPAL));
    }

    @PostMapping("/subjects/{subjectId}/retests")
    @Operation(summary = "GVBM nhập điểm kiểm tra lại trong hè")
    void retest(@PathVariable long classId, @PathVariable long subjectId, @RequestBody Retest body) {
        Viewer viewer = access.requireTeaching(new ClassId(classId), new SubjectId(subjectId));
        yearEnd.retest(schoolClass(classId), new SubjectId(subjectId), body.studentId(), body.value(),
                access.actor(viewer, Role.SUBJECT_TEACHER));
    }

    @PostMapping("/summer-results")
    @Operation(summary = "GVCN xác nhận đã nhập đủ kết quả hè")
    void summerResults(@PathVariable long classId) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        workflow.confirmSummerResults(schoolClass(classId), access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @PostMapping("/final-approval")
    @Operation(summary = "Hiệu trưởng duyệt kết quả sau đánh giá lại")
    void approveFinal(@PathVariable long classId) {
        workflow.approveFinal(schoolClass(classId), access.actor(principal(), Role.PRINCIPAL));
    }

    @PostMapping("/final-rejection")
    @Operation(summary = "Hiệu trưởng không duyệt kết quả sau đánh giá lại, trả về GVCN với lí do (bắt buộc)")
    YearEnd.Rejection rejectFinal(@PathVariable long classId, @RequestBody(required = false) Reason body) {
        return workflow.rejectFinal(schoolClass(classId), body == null ? null : body.reason(),
                access.actor(principal(), Role.PRINCIPAL));
    }

    private Viewer principal() {
        return access.requirePrincipal("duyệt kết quả cuối năm");
    }

    private SchoolClass schoolClass(long classId) {
        return directory.schoolClass(new ClassId(classId));
    }
}
