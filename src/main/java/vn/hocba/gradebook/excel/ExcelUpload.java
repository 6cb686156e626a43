package vn.hocba.gradebook.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.CellValue;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.excel.UploadPreview.Outcome;
import vn.hocba.gradebook.excel.UploadPreview.PreviewCell;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.CellRules;
import vn.hocba.gradebook.GradebookLock;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.MarkCell;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.gradebook.MarkWriter;
import vn.hocba.gradebook.SheetColumn;
import vn.hocba.common.Sha256;
import vn.hocba.common.TermName;

/**
 * Marks uploaded as an Excel sheet: first a cell-level preview (nothing written), then, on
 * confirmation, exactly the previewed changes through {@link MarkSheets#save} (same rules, versions,
 * locks and audit as typing them in), all or nothing.
 */
@Service
public class ExcelUpload {

    /** The result of applying a preview. */
    public record Applied(String previewId, String sha256, int changed) {
    }

    private final MarkSheets sheets;
    private final GradebookLocks locks;
    private final PendingUploads pending;

    public ExcelUpload(MarkSheets sheets, GradebookLocks locks, PendingUploads pending) {
        this.sheets = sheets;
        this.locks = locks;
        this.pending = pending;
    }

    /** Reads {@code file} against the stored sheet; {@code columns} the uploader's regular columns. */
    @Transactional // not read-only: the preview is stored for the confirmation
    public UploadPreview preview(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns, byte[] file,
            String filename, String username) {
        CellRules rules = sheets.rules(schoolClass, subject, term, columns);
        var sheet = UploadedWorkbook.sheetFor(file, filename, rules.subject().subject().code());
        SheetReading reading = SheetReading.of(sheet, rules.policy().maxRegularColumns());
        TemplateHeading.check(sheet, reading.headerRow(), schoolClass.code(), rules.subject().subject().code(), term);
        MarkSheet stored = sheets.sheet(schoolClass, subject, term);
        String lock = lockMessage(schoolClass, subject, term, rules);
        Comparison comparison = new Comparison(rules, stored, lock);
        reading.lines().forEach(comparison::line);
        List<PreviewCell> cells = comparison.cells;
        boolean applicable = comparison.problems.isEmpty()
                && cells.stream().noneMatch(c -> c.outcome() == Outcome.LOCKED || c.outcome() == Outcome.INVALID);
        String id = UUID.randomUUID().toString();
        String sha = sha256(file);
        List<String> refusals = new ArrayList<>(comparison.problems);
        cells.stream().filter(c -> c.reason() != null).forEach(c -> refusals.add(c.reason()));
        boolean locked = cells.stream().anyMatch(c -> c.outcome() == Outcome.LOCKED);
        pending.put(new PendingUploads.Pending(id, username, schoolClass.id().value(), subject.value(), term, sha, applicable,
                refusals, locked, List.copyOf(comparison.changes), null));
        return new UploadPreview(id, filename, sha, schoolClass.code(), rules.subject().subject().code(), term, reading.headerRow(),
                UploadPreview.Counts.of(cells), applicable, comparison.problems, reading.ignoredHeaders(), cells);
    }

    /** Applies preview {@code id}: its NEW and CHANGED cells, refused whole if the preview had refusals or anything changed since. */
    @Transactional
    public Applied apply(String id, SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> columns, Actor by) {
        PendingUploads.Pending p = pending.take(id, by.username(), schoolClass.id().value(), subject.value(), term);
        if (!p.applicable()) {
            String reasons = p.refusals().stream().limit(10).collect(Collectors.joining("; "))
                    + (p.refusals().size() > 10 ? "; … và " + (p.refusals().size() - 10) + " chỗ khác" : "");
            throw new Rejected(p.locked() ? Rejected.Reason.LOCKED : Rejected.Reason.INVALID, "Tệp chưa áp dụng được vì có "
                    + p.refusals().size() + " chỗ bị từ chối (không điểm nào được lưu): " + reasons + ". Hãy sửa tệp rồi tải lên lại.");
        }
        int changed = p.changes().isEmpty() ? 0
                : sheets.save(schoolClass, subject, term, columns, p.changes(), by, "excel " + id);
        return new Applied(id, p.sha256(), changed);
    }

    /** Why the sheet cannot be written (the active lock covering it), or null. Read without throwing, so the preview's transaction stays usable. */
    private String lockMessage(SchoolClass schoolClass, SubjectId subject, int term, CellRules rules) {
        return locks.locks(schoolClass.yearId().value()).stream()
                .filter(l -> l.active() && l.term() == term && (l.scope() == GradebookLock.Scope.SCHOOL_TERM
                        || (Long.valueOf(schoolClass.id().value()).equals(l.classId())
                                && (l.subjectId() == null || l.subjectId() == subject.value()))))
                .findFirst()
                .map(l -> "điểm môn " + rules.subject().subject().name() + " lớp " + schoolClass.code() + " " + TermName.of(term)
                        + " không sửa được: sổ điểm " + (l.scope() == GradebookLock.Scope.SCHOOL_TERM ? "toàn trường"
                                : l.scope() == GradebookLock.Scope.CLASS_TERM ? "lớp " + schoolClass.code() : "của môn này")
                        + " đã " + l.describe() + ". Muốn sửa một điểm đã khoá, hãy gửi đề nghị sửa điểm.")
                .orElse(null);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Compares the uploaded lines with the stored sheet, collecting preview cells, row problems and the changes to apply. */
    private static final class Comparison {
        private final CellRules rules;
        private final String lock;
        private final Map<String, MarkSheet.Student> byCode;
        private final Map<String, MarkCell> stored = new HashMap<>();
        private final Map<String, Integer> seenAt = new HashMap<>();
        final List<PreviewCell> cells = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<CellChange> changes = new ArrayList<>();

        Comparison(CellRules rules, MarkSheet sheet, String lock) {
            this.rules = rules;
            this.lock = lock;
            this.byCode = sheet.students().stream().collect(Collectors.toMap(MarkSheet.Student::code, Function.identity()));
            sheet.cells().forEach(c -> stored.put(c.studentId() + "/" + c.kind() + "/" + c.column(), c));
        }

        void line(SheetReading.Line line) {
            if (line.code() == null) {
                problems.add("Dòng " + line.number() + ": thiếu Mã HS nên không biết điểm của học sinh nào; hãy ghi mã hoặc xoá dòng.");
                return;
            }
            MarkSheet.Student student = byCode.get(line.code());
            if (student == null) {
                problems.add("Dòng " + line.number() + ": mã HS “" + line.code() + "” không có trong danh sách lớp; hãy kiểm tra mã.");
                return;
            }
            Integer earlier = seenAt.putIfAbsent(line.code(), line.number());
            if (earlier != null) {
                problems.add("Dòng " + line.number() + ": học sinh " + student.fullName() + " (" + line.code()
                        + ") đã có ở dòng " + earlier + "; mỗi học sinh chỉ một dòng.");
                return;
            }
            line.cells().forEach((column, read) -> cell(line.number(), student, column, read));
        }

        private void cell(int row, MarkSheet.Student s, SheetColumn column, SheetReading.Read read) {
            MarkCell old = stored.get(s.id() + "/" + column.kind() + "/" + column.column());
            String oldValue = old == null ? null : old.value();
            String prefix = "Dòng " + row + ", cột " + column.header() + ": ";
            if (read.problem() != null) {
                add(row, s, column, Outcome.INVALID, oldValue, null, prefix + "học sinh " + s.fullName() + " (" + s.code() + "), "
                        + read.problem() + ".");
                return;
            }
            if (read.value() == null || CellValue.of(oldValue).sameAs(read.value())) {
                if (oldValue != null || read.value() != null) {
                    add(row, s, column, Outcome.UNCHANGED, oldValue, oldValue, null);
                }
                return;
            }
            CellChange change = new CellChange(s.id(), column.kind(), column.column(), read.value(), old == null ? null : old.version());
            MarkWriter.Write write;
            try {
                write = rules.validated(change);
            } catch (Rejected e) {
                add(row, s, column, e.reason() == Rejected.Reason.FORBIDDEN ? Outcome.LOCKED : Outcome.INVALID, oldValue,
                        read.value(), prefix + e.getMessage());
                return;
            }
            if (CellValue.of(oldValue).sameAs(write.value())) {
                add(row, s, column, Outcome.UNCHANGED, oldValue, oldValue, null);
            } else if (lock != null) {
                add(row, s, column, Outcome.LOCKED, oldValue, write.value(), prefix + lock);
            } else {
                add(row, s, column, old == null ? Outcome.NEW : Outcome.CHANGED, oldValue, write.value(), null);
                changes.add(change);
            }
        }

        private void add(int row, MarkSheet.Student s, SheetColumn column, Outcome outcome, String oldValue, String newValue,
                String reason) {
            cells.add(new PreviewCell(row, s.code(), s.fullName(), column.header(), outcome, oldValue, newValue, reason));
        }
    }
}
