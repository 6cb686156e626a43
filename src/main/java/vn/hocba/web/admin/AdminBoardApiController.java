package vn.hocba.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.StudentPromotions;
import vn.hocba.gradebook.closing.StudentPromotions.Outcome;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.security.AccountRoles;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.NationalRosterImport;
import vn.hocba.students.NationalRosterPreview;
import vn.hocba.students.NationalRosterRow;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentTransfers;

/**
 * The API of what the admin board's pages do that had none (issue 15): an account's granted roles, the
 * import of the national education database's student export (preview, then apply all or nothing), the
 * students' places in the next year by their final year-end decisions, and transfers out and in. Same
 * check as the pages ({@link AdminPages#board}: the admin board only), same services, same messages.
 */
@RestController
@Tag(name = "Ban quản trị", description = "Vai trò tài khoản, nhập học sinh từ CSDL ngành, xếp lớp năm sau, chuyển trường")
class AdminBoardApiController {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final AdminPages pages;
    private final AccountRoles roles;
    private final NationalRosterImport imports;
    private final StudentPromotions promotions;
    private final StudentTransfers transfers;

    AdminBoardApiController(AdminPages pages, AccountRoles roles, NationalRosterImport imports, StudentPromotions promotions,
            StudentTransfers transfers) {
        this.pages = pages;
        this.roles = roles;
        this.imports = imports;
        this.promotions = promotions;
        this.transfers = transfers;
    }

    record GrantedRoles(Set<Role> roles) {
    }

    /** A stored import preview: its id (valid 30 minutes, for the same account), the counts and every row with its reasons. */
    record ImportPreview(String id, long yearId, String sha256, Map<NationalRosterRow.Outcome, Long> counts, boolean applicable,
            List<NationalRosterRow> rows) {

        static ImportPreview of(NationalRosterPreview p) {
            Map<NationalRosterRow.Outcome, Long> counts = new java.util.EnumMap<>(NationalRosterRow.Outcome.class);
            for (NationalRosterRow.Outcome o : NationalRosterRow.Outcome.values()) {
                counts.put(o, p.count(o));
            }
            return new ImportPreview(p.id(), p.yearId(), p.sha256(), counts, p.applicable(), p.rows());
        }
    }

    record TransferOut(LocalDate leftOn, String destination) {
    }

    /** Either {@code studentId} (an earlier student of the school) or {@code profile} (a new one). */
    record TransferIn(Long studentId, StudentProfile profile, LocalDate arrivedOn, String origin) {
    }

    record Created(long id) {
    }

    @PutMapping("/api/accounts/{username}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Thay các vai trò được gán của tài khoản (vai trò giáo viên đến từ phân công, không gán ở đây); "
            + "không tự bỏ vai trò Ban quản trị của mình")
    void replaceRoles(@PathVariable String username, @RequestBody GrantedRoles body) {
        Viewer viewer = pages.board();
        if (body.roles() == null) {
            throw Rejected.invalid("Thiếu roles: danh sách vai trò được gán của tài khoản " + username + " ([] để bỏ hết).");
        }
        roles.replace(username, body.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(body.roles()), pages.actor(viewer));
    }

    @PostMapping(path = "/api/setup/years/{yearId}/student-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Xem trước việc nhập học sinh từ tệp Excel xuất từ CSDL ngành: mới / thay đổi / không đổi / bỏ qua / "
            + "không hợp lệ với lí do từng ô; chưa ghi gì")
    ImportPreview previewImport(@PathVariable long yearId, @RequestParam("file") MultipartFile file) throws IOException {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        if (file.isEmpty()) {
            throw Rejected.invalid("Chưa chọn tệp Excel xuất từ CSDL ngành.");
        }
        if (file.getSize() > MAX_BYTES) {
            throw Rejected.invalid("Tệp lớn hơn 5 MB; danh sách học sinh của một trường thường nhỏ hơn nhiều.");
        }
        return ImportPreview.of(imports.preview(year.id(), file.getBytes(), viewer.account().username()));
    }

    @PostMapping("/api/setup/student-imports/{id}/apply")
    @Operation(summary = "Ghi bản xem trước: tất cả hoặc không gì cả; bị từ chối khi còn dòng không hợp lệ")
    ImportPreview applyImport(@PathVariable String id) {
        Viewer viewer = pages.board();
        return ImportPreview.of(imports.apply(id, viewer.account().username(), pages.actor(viewer)));
    }

    @GetMapping("/api/setup/years/{yearId}/student-placements")
    @Operation(summary = "Xếp lớp năm sau theo kết quả cuối năm đã duyệt lần cuối (lên lớp, ở lại lớp, ra trường, chờ), chưa ghi gì")
    StudentPromotions.Plan placements(@PathVariable long yearId) {
        Viewer viewer = pages.board();
        return promotions.plan(pages.year(viewer, yearId).id());
    }

    @PostMapping("/api/setup/years/{yearId}/student-placements")
    @Operation(summary = "Xếp lớp năm sau cho mọi học sinh có quyết định cuối cùng; chạy lại không xếp trùng")
    Map<Outcome, Long> place(@PathVariable long yearId) {
        Viewer viewer = pages.board();
        return promotions.apply(pages.year(viewer, yearId).id(), pages.actor(viewer));
    }

    @PostMapping("/api/setup/years/{yearId}/students/{studentId}/transfer-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Học sinh chuyển đi trường khác: giữ hồ sơ và điểm, không còn trong danh sách lớp từ đó")
    void transferOut(@PathVariable long yearId, @PathVariable long studentId, @RequestBody TransferOut body) {
        Viewer viewer = pages.board();
        AcademicYear year = pages.year(viewer, yearId);
        transfers.transferOut(pages.student(viewer, new StudentId(studentId)).id(), year.id(), body.leftOn(), body.destination(),
                pages.actor(viewer));
    }

    @PostMapping("/api/setup/classes/{classId}/transfers-in")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Học sinh chuyển đến lớp giữa năm: học sinh đã có trong trường (studentId) hoặc hồ sơ mới (profile)")
    Created transferIn(@PathVariable long classId, @RequestBody TransferIn body) {
        Viewer viewer = pages.board();
        SchoolClass schoolClass = pages.schoolClass(viewer, classId);
        if ((body.studentId() == null) == (body.profile() == null)) {
            throw Rejected.invalid("Cần đúng một trong hai: studentId (học sinh đã có trong trường) hoặc profile (học sinh mới).");
        }
        if (body.studentId() != null) {
            StudentId id = pages.student(viewer, new StudentId(body.studentId())).id();
            transfers.transferIn(id, schoolClass.id(), body.arrivedOn(), body.origin(), pages.actor(viewer));
            return new Created(id.value());
        }
        return new Created(transfers.transferInNew(body.profile(), schoolClass.id(), body.arrivedOn(), body.origin(),
                pages.actor(viewer)).value());
    }
}
