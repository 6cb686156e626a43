package vn.hocba.web.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.interchange.GradebookImport;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Imports a class gradebook as {@code hocba.class-gradebook/1}. It changes marks and comments of
 * every subject of the class (and the homeroom teacher's comments), so only the principal or a vice
 * principal may run it (the admin board sets the school year up but never changes marks, issue 2).
 */
@RestController
@Tag(name = "Xuất dữ liệu, bản chụp")
class GradebookImportApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final GradebookImport imports;

    GradebookImportApiController(AccessPolicy access, SchoolDirectory directory, GradebookImport imports) {
        this.access = access;
        this.directory = directory;
        this.imports = imports;
    }

    @PostMapping(value = "/api/classes/{classId}/gradebook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhập sổ điểm của lớp (hocba.class-gradebook/1) kèm nhận xét: tất cả hoặc không, ghi nhật ký từng điểm "
            + "và từng nhận xét, 423 nếu sổ đã khoá")
    GradebookImport.Imported importGradebook(@PathVariable long classId, @RequestBody(required = false) String json) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        Role role = viewer.has(Role.PRINCIPAL) ? Role.PRINCIPAL : viewer.has(Role.VICE_PRINCIPAL) ? Role.VICE_PRINCIPAL : null;
        if (role == null) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng hoặc Phó hiệu trưởng được nhập sổ điểm cả lớp (thay đổi điểm và nhận xét mọi môn). "
                    + "Giáo viên bộ môn hãy nhập điểm môn mình hoặc dùng tệp Excel.");
        }
        return imports.importJson(directory.schoolClass(id), json, access.actor(viewer, role));
    }
}
