package vn.hocba.web.excel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.excel.ExcelTemplates;
import vn.hocba.gradebook.excel.ExcelUpload;
import vn.hocba.gradebook.excel.UploadPreview;
import vn.hocba.gradebook.excel.WholeClassPreview;
import vn.hocba.gradebook.excel.WholeClassUpload;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Marks as Excel: templates to download (one subject or the whole class), uploads previewed cell by cell and applied on confirmation. */
@RestController
@Tag(name = "Nhập điểm bằng Excel", description = "Tải mẫu .xlsx, tải lên để xem trước từng ô, xác nhận để lưu")
class ExcelApiController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String SHEET = "/api/classes/{classId}/subjects/{subjectId}/terms/{term}/marks.xlsx";
    private static final String WHOLE_CLASS = "/api/classes/{classId}/terms/{term}/gradebook.xlsx";

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final ExcelTemplates templates;
    private final ExcelUpload upload;
    private final WholeClassUpload wholeClass;

    ExcelApiController(AccessPolicy access, SchoolDirectory directory, ExcelTemplates templates, ExcelUpload upload,
            WholeClassUpload wholeClass) {
        this.access = access;
        this.directory = directory;
        this.templates = templates;
        this.upload = upload;
        this.wholeClass = wholeClass;
    }

    record ApplyRequest(String previewId) {
    }

    @GetMapping(SHEET)
    @Operation(summary = "Mẫu Excel điểm một môn của lớp trong học kì, điền sẵn điểm đã lưu; ô xám là ô bạn không được sửa")
    ResponseEntity<byte[]> template(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term) {
        Viewer viewer = access.requireReadSubject(new ClassId(classId), new SubjectId(subjectId));
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        GradeSubject gs = gradeSubject(schoolClass, new SubjectId(subjectId));
        requireTerm(term);
        byte[] file = templates.subject(schoolClass, gs, term, viewer.columns(schoolClass.id(), gs.subject().id()));
        return xlsx(file, schoolClass.code() + "-" + gs.subject().code() + "-HK" + term + ".xlsx");
    }

    @PostMapping(value = SHEET + "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Xem trước tệp Excel đã điền: từng ô mới, sửa, giữ nguyên, bị khoá hay không hợp lệ; chưa lưu gì")
    UploadPreview preview(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestParam("file") MultipartFile file) throws IOException {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        return upload.preview(directory.schoolClass(id), subject, term, viewer.columns(id, subject), file.getBytes(),
                file.getOriginalFilename(), viewer.account().username());
    }

    @PostMapping(SHEET + "/apply")
    @Operation(summary = "Lưu đúng các thay đổi của bản xem trước (tất cả hoặc không); 409 nếu ô đã bị sửa từ lúc xem trước, 423 nếu sổ đã khoá")
    ExcelUpload.Applied apply(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestBody ApplyRequest body) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        if (body == null || body.previewId() == null || body.previewId().isBlank()) {
            throw Rejected.invalid("Thiếu mã bản xem trước (previewId) nhận được khi tải tệp lên.");
        }
        return upload.apply(body.previewId(), directory.schoolClass(id), subject, term, viewer.columns(id, subject),
                access.actor(viewer, Role.SUBJECT_TEACHER));
    }

    @GetMapping(WHOLE_CLASS)
    @Operation(summary = "Sổ điểm cả lớp trong học kì (mỗi môn một trang tính), cho giáo viên chủ nhiệm và ban giám hiệu")
    ResponseEntity<byte[]> wholeClass(@PathVariable long classId, @PathVariable int term) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        SchoolClass schoolClass = directory.schoolClass(id);
        if (!viewer.isHomeroomTeacherOf(id) && !viewer.seesWholeSchool()) {
            throw Rejected.forbidden("Sổ điểm cả lớp " + schoolClass.code() + " chỉ dành cho giáo viên chủ nhiệm và ban giám hiệu; "
                    + "giáo viên bộ môn hãy tải mẫu của môn mình.");
        }
        requireTerm(term);
        return xlsx(templates.wholeClass(schoolClass, term, teaching(viewer, id)), schoolClass.code() + "-HK" + term + ".xlsx");
    }

    @PostMapping(value = WHOLE_CLASS + "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Xem trước sổ điểm cả lớp đã điền (mỗi môn một trang tính): từng ô của từng môn; ô của môn bạn không dạy bị từ chối")
    WholeClassPreview previewWholeClass(@PathVariable long classId, @PathVariable int term,
            @RequestParam("file") MultipartFile file) throws IOException {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        requireTerm(term);
        return wholeClass.preview(directory.schoolClass(id), term, teaching(viewer, id), file.getBytes(),
                file.getOriginalFilename(), viewer.account().username());
    }

    record WholeClassApply(Map<String, String> previewIds) {
    }

    @PostMapping(WHOLE_CLASS + "/apply")
    @Operation(summary = "Lưu mọi trang tính của bản xem trước sổ điểm cả lớp (mã môn → mã bản xem trước), tất cả hoặc không")
    WholeClassUpload.Applied applyWholeClass(@PathVariable long classId, @PathVariable int term,
            @RequestBody WholeClassApply body) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        requireTerm(term);
        return wholeClass.apply(directory.schoolClass(id), term, body == null ? null : body.previewIds(), teaching(viewer, id),
                access.actor(viewer, Role.SUBJECT_TEACHER));
    }

    /** The viewer's regular columns per subject code they teach in the class. */
    static Map<String, List<ColumnRange>> teaching(Viewer viewer, ClassId id) {
        return viewer.teaching().stream().filter(t -> t.schoolClass().id().equals(id))
                .collect(Collectors.groupingBy(t -> t.subject().code(), Collectors.mapping(TeachingAssignment::columns, Collectors.toList())));
    }

    private GradeSubject gradeSubject(SchoolClass schoolClass, SubjectId subject) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có trong chương trình lớp "
                        + schoolClass.code() + "."));
    }

    private static void requireTerm(int term) {
        if (term != 1 && term != 2) {
            throw Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
    }

    private static ResponseEntity<byte[]> xlsx(byte[] file, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(file);
    }
}
