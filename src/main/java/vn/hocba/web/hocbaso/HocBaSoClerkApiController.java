package vn.hocba.web.hocbaso;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.hocbaso.ClassPackages;
import vn.hocba.hocbaso.ClassRecordStates;
import vn.hocba.hocbaso.RecordSubmissions;
import vn.hocba.hocbaso.StoreSubmissions;
import vn.hocba.hocbaso.StudentIdentifiers;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.students.StudentId;

/** The clerk's học bạ số work on a class through the API: state, submit, recall, re-issue, identifiers. */
@RestController
@RequestMapping("/api/classes/{classId}/hocbaso")
@Tag(name = "Học bạ số")
class HocBaSoClerkApiController {

    /** A recall or re-issue: why. */
    record Reason(String nationalId, String reason) {
    }

    /**
     * A student's identifiers; a missing or blank field leaves what is stored unchanged, so a body must give at
     * least one of them ({@code {}} changes nothing and is refused rather than recorded as a change), and
     * {@code temporaryCode: true} only goes with a {@code moetCode}. Nothing is cleared through this request.
     */
    record Identifiers(String moetCode, Boolean temporaryCode, String registerNumber, String personalId) {

        void requireSomething(long studentId) {
            if (Boolean.TRUE.equals(temporaryCode) && blank(moetCode)) {
                throw Rejected.invalid("Học sinh mã số " + studentId + ": temporaryCode chỉ đi cùng moetCode (mã đó là "
                        + "mã tạm hay mã trên CSDL ngành); hãy gửi cả moetCode.");
            }
            if (blank(moetCode) && blank(registerNumber) && blank(personalId)) {
                throw Rejected.invalid("Học sinh mã số " + studentId + ": yêu cầu không có mã nào để lưu; hãy gửi ít "
                        + "nhất một trong moetCode, registerNumber, personalId (trường thiếu hoặc để trống giữ nguyên "
                        + "giá trị đã lưu, không xoá).");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    private final RecordClerks clerks;
    private final ClassRecordStates states;
    private final RecordSubmissions submissions;
    private final StoreSubmissions store;
    private final StudentIdentifiers identifiers;
    private final ClassRecordScope scope;

    HocBaSoClerkApiController(RecordClerks clerks, ClassRecordStates states, RecordSubmissions submissions,
            StoreSubmissions store, StudentIdentifiers identifiers, ClassRecordScope scope) {
        this.clerks = clerks;
        this.states = states;
        this.submissions = submissions;
        this.store = store;
        this.identifiers = identifiers;
        this.scope = scope;
    }

    @GetMapping("/records")
    @Operation(summary = "Trạng thái từng học bạ số của lớp (thiếu gì, đã ký mấy ô, kết quả kho) và các lần gửi")
    ClassRecordStates.ClassState records(@PathVariable long classId) {
        clerks.require();
        return states.of(new ClassId(classId));
    }

    @PostMapping("/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gửi gói học bạ số của lớp (thông điệp 01); cùng gói gửi lại không tạo lần gửi mới")
    StoreSubmissions.Submission submit(@PathVariable long classId) {
        var viewer = clerks.require();
        return submissions.submit(new ClassId(classId), clerks.actor(viewer));
    }

    @PostMapping("/recalls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thu hồi một học bạ số kho đã chấp nhận (thông điệp 03), theo mã định danh học bạ")
    StoreSubmissions.Submission recall(@PathVariable long classId, @RequestBody Reason body) {
        var viewer = clerks.require();
        scope.requireAcceptedFrom(classId, body.nationalId());
        return submissions.recall(new ClassId(classId), body.nationalId(), body.reason(), clerks.actor(viewer));
    }

    @PostMapping("/students/{studentId}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Phát hành lại học bạ số đã sửa: thu hồi bản kho đã nhận và gửi bản mới")
    List<StoreSubmissions.Submission> reissue(@PathVariable long classId, @PathVariable long studentId,
            @RequestBody Reason body) {
        var viewer = clerks.require();
        scope.requireEnrolled(classId, studentId);
        return submissions.reissue(new ClassId(classId), studentId, body.reason(), clerks.actor(viewer));
    }

    @PostMapping("/submissions/{submissionId}/poll")
    @Operation(summary = "Hỏi kho trạng thái một lần gửi (gói 00–04, từng học bạ 00/01/02)")
    StoreSubmissions.Submission poll(@PathVariable long classId, @PathVariable long submissionId) {
        clerks.require();
        return pollOfClass(store, classId, submissionId);
    }

    @GetMapping(value = "/package", produces = "application/zip")
    @Operation(summary = "Tải gói học bạ số của lớp (các học bạ ký đủ và manifest ký bằng chứng thư phát hành); 404 khi chưa có")
    ResponseEntity<byte[]> download(@PathVariable long classId) {
        clerks.require();
        return zip(submissions.currentPackage(new ClassId(classId)));
    }

    static StoreSubmissions.Submission pollOfClass(StoreSubmissions store, long classId, long submissionId) {
        StoreSubmissions.Submission s = store.submission(submissionId);
        if (s.classId() != classId) {
            throw Rejected.notFound("Lớp không có lần gửi số " + submissionId + ".");
        }
        return store.poll(submissionId);
    }

    static ResponseEntity<byte[]> zip(Optional<ClassPackages.Built> built) {
        ClassPackages.Built b = built.orElseThrow(() -> Rejected.notFound("Lớp chưa có học bạ số nào được ký đủ "
                + "(giáo viên bộ môn, chủ nhiệm, hiệu trưởng, chứng thư phát hành); chưa có gói để tải."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(b.fileName()).build().toString())
                .body(b.zip());
    }

    @PutMapping("/students/{studentId}/identifiers")
    @Operation(summary = "Nhập/sửa mã học sinh trên CSDL ngành (hoặc mã tạm), số sổ đăng bộ, số định danh cá nhân")
    ClassRecordStates.ClassState setIdentifiers(@PathVariable long classId, @PathVariable long studentId,
            @RequestBody Identifiers body) {
        var viewer = clerks.require();
        scope.requireEnrolled(classId, studentId);
        body.requireSomething(studentId);
        identifiers.update(new StudentId(studentId), body.moetCode(), Boolean.TRUE.equals(body.temporaryCode()),
                body.registerNumber(),
                body.personalId(), clerks.actor(viewer));
        return states.of(new ClassId(classId));
    }
}
