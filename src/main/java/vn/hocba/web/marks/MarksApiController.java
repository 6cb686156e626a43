package vn.hocba.web.marks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Mark entry per class × subject × term: read by whoever may read the class, written only by its subject teacher(s). */
@RestController
@RequestMapping("/api/classes/{classId}/subjects/{subjectId}/terms/{term}/marks")
@Tag(name = "Nhập điểm", description = "Điểm thường xuyên, giữa kì, cuối kì của một môn trong một lớp")
class MarksApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkSheets sheets;

    MarksApiController(AccessPolicy access, SchoolDirectory directory, MarkSheets sheets) {
        this.access = access;
        this.directory = directory;
        this.sheets = sheets;
    }

    record Changes(List<CellChange> changes) {
    }

    record Saved(int changed, MarkSheet sheet) {
    }

    @GetMapping
    @Operation(summary = "Bảng điểm một môn của lớp trong học kì, kèm phiên bản từng ô")
    MarkSheet sheet(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term) {
        access.requireReadSubject(new ClassId(classId), new SubjectId(subjectId));
        return sheets.sheet(directory.schoolClass(new ClassId(classId)), new SubjectId(subjectId), term);
    }

    @PutMapping
    @Operation(summary = "Lưu các ô điểm đã sửa (tất cả hoặc không ô nào); 409 nếu ô đã bị người khác sửa, 423 nếu sổ đã khoá")
    Saved save(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestBody Changes body) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        List<ColumnRange> columns = viewer.columns(id, subject);
        SchoolClass schoolClass = directory.schoolClass(id);
        int changed = sheets.save(schoolClass, subject, term, columns, body.changes() == null ? List.of() : body.changes(),
                access.actor(viewer, Role.SUBJECT_TEACHER));
        return new Saved(changed, sheets.sheet(schoolClass, subject, term));
    }
}
