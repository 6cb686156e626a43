package vn.hocba.gradebook.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.excel.UploadPreview.Outcome;
import vn.hocba.gradebook.excel.UploadPreview.PreviewCell;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * The whole-class workbook uploaded back (one sheet per subject, as {@link ExcelTemplates#wholeClass}
 * writes it): each sheet previewed by {@link ExcelUpload} exactly like a one-subject upload, then
 * checked against the uploader's teaching assignments; a change on a subject they do not teach is
 * refused with the reason. Applying saves every sheet's previewed changes in one transaction: all
 * sheets or none.
 */
@Service
public class WholeClassUpload {

    /** The result of applying a whole-class preview: marks changed in total. */
    public record Applied(int changed, List<ExcelUpload.Applied> sheets) {
    }

    private final ExcelUpload upload;
    private final PendingUploads pending;
    private final SchoolDirectory directory;

    public WholeClassUpload(ExcelUpload upload, PendingUploads pending, SchoolDirectory directory) {
        this.upload = upload;
        this.pending = pending;
        this.directory = directory;
    }

    /** Previews {@code file}; {@code teaching} the uploader's regular columns per subject code they teach in the class. */
    @Transactional
    public WholeClassPreview preview(SchoolClass schoolClass, int term, Map<String, List<ColumnRange>> teaching, byte[] file,
            String filename, String username) {
        List<GradeSubject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade());
        Set<String> names = sheetNames(file, filename);
        List<String> problems = new ArrayList<>();
        Set<String> codes = subjects.stream().map(gs -> gs.subject().code()).collect(Collectors.toSet());
        names.stream().filter(n -> !codes.contains(n)).forEach(n -> problems.add("Trang tính “" + n
                + "” không phải mã môn nào của lớp " + schoolClass.code() + "; hãy dùng sổ điểm cả lớp tải từ HocBa."));
        List<WholeClassPreview.SubjectSheet> sheets = new ArrayList<>();
        for (GradeSubject gs : subjects) {
            String code = gs.subject().code();
            if (!names.contains(code)) {
                problems.add("Thiếu trang tính “" + code + "” của môn " + gs.subject().name()
                        + "; tệp phải có đủ các môn như khi tải về. Không điểm nào được lưu.");
                continue;
            }
            boolean taught = teaching.containsKey(code);
            UploadPreview p = upload.preview(schoolClass, gs.subject().id(), term, teaching.getOrDefault(code, List.of()), file,
                    filename, username);
            sheets.add(new WholeClassPreview.SubjectSheet(code, gs.subject().name(), taught,
                    taught ? p : notTaught(p, gs, schoolClass)));
        }
        boolean applicable = problems.isEmpty() && sheets.stream().allMatch(s -> s.preview().applicable());
        return new WholeClassPreview(filename, ExcelUpload.sha256(file), schoolClass.code(), term, applicable, problems, sheets);
    }

    /**
     * Applies every sheet of a whole-class preview, given each subject's preview id (subject code →
     * id, as the preview returned them); refused whole when one is missing, not applicable, or
     * changes a subject the uploader does not teach.
     */
    @Transactional
    public Applied apply(SchoolClass schoolClass, int term, Map<String, String> previewIds,
            Map<String, List<ColumnRange>> teaching, Actor by) {
        List<GradeSubject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade());
        List<String> missing = subjects.stream().map(gs -> gs.subject().code())
                .filter(code -> previewIds == null || previewIds.get(code) == null).toList();
        if (!missing.isEmpty()) {
            throw Rejected.invalid("Thiếu mã bản xem trước của môn " + String.join(", ", missing)
                    + " (mỗi môn một mã, như khi tải tệp lên). Không điểm nào được lưu.");
        }
        List<ExcelUpload.Applied> applied = new ArrayList<>();
        for (GradeSubject gs : subjects) {
            String code = gs.subject().code();
            if (teaching.containsKey(code)) {
                applied.add(upload.apply(previewIds.get(code), schoolClass, gs.subject().id(), term, teaching.get(code), by));
            } else {
                requireUnchanged(pending.take(previewIds.get(code), by.username(), schoolClass.id().value(),
                        gs.subject().id().value(), term), gs, schoolClass);
            }
        }
        return new Applied(applied.stream().mapToInt(ExcelUpload.Applied::changed).sum(), applied);
    }

    private static void requireUnchanged(PendingUploads.Pending p, GradeSubject gs, SchoolClass schoolClass) {
        if (!p.changes().isEmpty() || !p.applicable()) {
            throw Rejected.forbidden("Trang tính “" + gs.subject().code() + "”: " + notTaughtReason(gs, schoolClass)
                    + " Không điểm nào được lưu.");
        }
    }

    /** The preview of a sheet whose subject the uploader does not teach: every change refused with the reason. */
    private static UploadPreview notTaught(UploadPreview p, GradeSubject gs, SchoolClass schoolClass) {
        List<PreviewCell> cells = p.cells().stream().map(c -> c.outcome() == Outcome.UNCHANGED || c.outcome() == Outcome.INVALID
                ? c : new PreviewCell(c.row(), c.studentCode(), c.studentName(), c.column(), Outcome.LOCKED, c.oldValue(),
                        c.newValue(), "Dòng " + c.row() + ", cột " + c.column() + ": " + notTaughtReason(gs, schoolClass))).toList();
        boolean changes = cells.stream().anyMatch(c -> c.outcome() != Outcome.UNCHANGED);
        return new UploadPreview(p.id(), p.file(), p.sha256(), p.classCode(), p.subjectCode(), p.term(), p.headerRow(),
                UploadPreview.Counts.of(cells), p.applicable() && !changes, p.problems(), p.ignoredColumns(), cells);
    }

    private static String notTaughtReason(GradeSubject gs, SchoolClass schoolClass) {
        return "bạn không được phân công dạy môn " + gs.subject().name() + " ở lớp " + schoolClass.code()
                + " nên không được sửa điểm của môn này; hãy để nguyên trang tính “" + gs.subject().code() + "”.";
    }

    private static Set<String> sheetNames(byte[] file, String filename) {
        return Set.copyOf(UploadedWorkbook.sheetNames(file, filename));
    }
}
