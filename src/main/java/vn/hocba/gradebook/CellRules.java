package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.students.EnrolledStudent;

/**
 * What one cell of a class × subject × term sheet must satisfy before it is written: a student of
 * the class, an existing column the writer is assigned to, a value the entry policy accepts. The
 * one place these rules live, used by a save and by an upload's cell-by-cell preview.
 */
public record CellRules(GradeSubject subject, int term, List<ColumnRange> columns, EntryPolicy policy,
        Map<Long, EnrolledStudent> roster) {

    /** The write for {@code c}, or a {@link Rejected} naming the student, subject, term and column. */
    public MarkWriter.Write validated(CellChange c) {
        EnrolledStudent student = roster.get(c.studentId());
        if (student == null) {
            throw Rejected.invalid("Học sinh mã số " + c.studentId() + " không có tên trong lớp này.");
        }
        if (c.kind() == null) {
            throw Rejected.invalid("Thiếu loại điểm (REGULAR, MIDTERM hoặc FINAL).");
        }
        String where = MarkWriter.where(student, subject.subject(), term, c.kind(), c.column());
        policy.checkColumn(c.kind(), c.column(), where);
        if (c.kind() == MarkKind.REGULAR && !mayWrite(c.column())) {
            throw Rejected.forbidden(where + ": bạn chỉ được phân công nhập " + columns.stream().map(ColumnRange::toString)
                    .collect(Collectors.joining(", ")) + " của môn này.");
        }
        if (c.value() == null || c.value().isBlank()) {
            return new MarkWriter.Write(student, c, null, null, where);
        }
        if (subject.subject().assessment() == AssessedBy.COMMENT) {
            String level = Normalizer.normalize(c.value().trim(), Normalizer.Form.NFC);
            if (!level.equals("Đ") && !level.equals("CĐ")) {
                throw Rejected.invalid(where + ": môn đánh giá bằng nhận xét chỉ nhận Đ (Đạt) hoặc CĐ (Chưa đạt), không nhận \""
                        + c.value() + "\".");
            }
            return new MarkWriter.Write(student, c, null, level, where);
        }
        BigDecimal score = policy.score(c.value(), c.kind(), where);
        return new MarkWriter.Write(student, c, score, null, where);
    }

    /** True when the writer's assignments cover regular column {@code column}. */
    boolean mayWrite(int column) {
        return columns.stream().anyMatch(r -> r.contains(column));
    }
}
