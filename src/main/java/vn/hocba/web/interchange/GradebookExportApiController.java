package vn.hocba.web.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookExport;
import vn.hocba.gradebook.Snapshot;
import vn.hocba.gradebook.Snapshots;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.common.Rejected;

/** A class's gradebook and results as the interchange formats, and the snapshots taken at its locks. */
@RestController
@Tag(name = "Xuất dữ liệu, bản chụp", description = "hocba.class-gradebook/1, hocba.class-results/1 và bản chụp khi khoá sổ")
class GradebookExportApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final GradebookExport export;
    private final ClassResultsStore results;
    private final Snapshots snapshots;

    GradebookExportApiController(AccessPolicy access, SchoolDirectory directory, GradebookExport export,
            ClassResultsStore results, Snapshots snapshots) {
        this.access = access;
        this.directory = directory;
        this.export = export;
        this.results = results;
        this.snapshots = snapshots;
    }

    record SnapshotCheck(long snapshotId, boolean intact) {
    }

    @GetMapping(value = "/api/classes/{classId}/gradebook", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sổ điểm của lớp dạng hocba.class-gradebook/1, kèm nhận xét của giáo viên (trường comments của mỗi học sinh)")
    ResponseEntity<String> gradebook(@PathVariable long classId) {
        SchoolClass schoolClass = readable(classId);
        return download(export.json(schoolClass), schoolClass.code() + "-gradebook.json");
    }

    @GetMapping(value = "/api/classes/{classId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Kết quả của lớp dạng hocba.class-results/1, kèm giải thích cách tính")
    ResponseEntity<String> results(@PathVariable long classId) {
        SchoolClass schoolClass = readable(classId);
        String json = results.document(schoolClass);
        return download(json, schoolClass.code() + "-results.json");
    }

    @GetMapping("/api/classes/{classId}/snapshots")
    @Operation(summary = "Các bản chụp sổ điểm của lớp (mỗi lần khoá sổ một bản)")
    List<Snapshot> snapshots(@PathVariable long classId) {
        readable(classId);
        return snapshots.ofClass(classId);
    }

    @GetMapping(value = "/api/classes/{classId}/snapshots/{snapshotId}/{document}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tải một tài liệu của bản chụp (GRADEBOOK hoặc RESULTS), đúng như lúc khoá")
    ResponseEntity<String> snapshot(@PathVariable long classId, @PathVariable long snapshotId,
            @PathVariable Snapshots.Document document) {
        SchoolClass schoolClass = readable(classId);
        ownSnapshot(classId, snapshotId);
        return download(snapshots.document(snapshotId, document),
                schoolClass.code() + "-snapshot-" + snapshotId + "-" + document.name().toLowerCase() + ".json");
    }

    @GetMapping("/api/classes/{classId}/snapshots/{snapshotId}/verification")
    @Operation(summary = "Kiểm tra bản chụp với mã SHA-256 đã ghi khi khoá sổ")
    SnapshotCheck verify(@PathVariable long classId, @PathVariable long snapshotId) {
        readable(classId);
        ownSnapshot(classId, snapshotId);
        return new SnapshotCheck(snapshotId, snapshots.verify(snapshotId));
    }

    private SchoolClass readable(long classId) {
        access.requireReadWholeClass(new ClassId(classId), "sổ điểm, kết quả và bản chụp của cả lớp");
        return directory.schoolClass(new ClassId(classId));
    }

    private void ownSnapshot(long classId, long snapshotId) {
        if (snapshots.ofClass(classId).stream().noneMatch(s -> s.id() == snapshotId)) {
            throw Rejected.notFound("Lớp này không có bản chụp số " + snapshotId + ".");
        }
    }

    private static ResponseEntity<String> download(String json, String filename) {
        return ResponseEntity.ok().contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(json);
    }
}
