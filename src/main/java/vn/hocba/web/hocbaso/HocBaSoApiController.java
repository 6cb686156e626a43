package vn.hocba.web.hocbaso;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.hocbaso.ClassRecordsService;
import vn.hocba.hocbaso.StoreSubmissions;
import vn.hocba.hocbaso.XmlDocuments;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.security.AccessPolicy;

/** Học bạ số of a class: who lacks which identifier, the (unsigned) record of a student, the submissions. */
@RestController
@RequestMapping("/api/classes/{classId}/hocbaso")
@Tag(name = "Học bạ số", description = "Hồ sơ học bạ số theo hồ sơ tạm hocbaso-thcs provisional-1, gói của lớp, gửi kho học bạ số")
class HocBaSoApiController {

    private final AccessPolicy access;
    private final ClassRecordsService records;
    private final StoreSubmissions submissions;

    HocBaSoApiController(AccessPolicy access, ClassRecordsService records, StoreSubmissions submissions) {
        this.access = access;
        this.records = records;
        this.submissions = submissions;
    }

    @GetMapping("/readiness")
    @Operation(summary = "Học sinh nào còn thiếu mã định danh, mã học sinh trên CSDL ngành, số sổ đăng bộ…")
    List<ClassRecordsService.StudentReadiness> readiness(@PathVariable long classId) {
        access.requireReadWholeClass(new ClassId(classId), "học bạ số");
        return records.readiness(new ClassId(classId));
    }

    @GetMapping(value = "/students/{studentId}/record", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Học bạ số (chưa ký) của một học sinh; 409 nêu điều còn thiếu")
    ResponseEntity<byte[]> record(@PathVariable long classId, @PathVariable long studentId) {
        access.requireReadWholeClass(new ClassId(classId), "học bạ số");
        byte[] xml = XmlDocuments.bytes(records.record(new ClassId(classId), studentId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @GetMapping("/submissions")
    @Operation(summary = "Các lần gửi kho học bạ số của lớp: trạng thái gói và kết quả từng học bạ")
    List<StoreSubmissions.Submission> submissions(@PathVariable long classId) {
        access.requireDocumentIssuing(new ClassId(classId));
        return submissions.ofClass(new ClassId(classId));
    }
}
