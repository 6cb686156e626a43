package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.Subject;
import vn.hocba.students.EnrolledStudent;

/**
 * Writes validated cells with optimistic locking (a cell changed by someone else since it was read
 * refuses the save with its current value: nothing is silently overwritten) and audits each change.
 */
@Component
class MarkWriter {

    record Write(EnrolledStudent student, CellChange change, BigDecimal score, String level, String where) {

        String value() {
            return text(score, level);
        }
    }

    private record Stored(long id, String value, int version, String by) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MarkWriter(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies the writes in the caller's transaction; returns how many cells changed. */
    int apply(SchoolClass schoolClass, Subject subject, int term, java.util.List<Write> writes, Actor by, String relatedRequest) {
        int changed = 0;
        for (Write w : writes) {
            Optional<Stored> stored = stored(schoolClass, subject, term, w);
            checkVersion(w, stored);
            if (sameValue(stored.map(Stored::value).orElse(null), w.value())) {
                continue;
            }
            write(schoolClass, subject, term, w, stored, by);
            audit.append(new AuditRecord(by, action(stored, w), target(schoolClass, subject, term, w),
                    stored.map(Stored::value).orElse(null), w.value(), null, relatedRequest));
            changed++;
        }
        return changed;
    }

    private void checkVersion(Write w, Optional<Stored> stored) {
        Integer seen = w.change().version();
        boolean stale = stored.isPresent() ? !Objects.equals(seen, stored.get().version()) : seen != null;
        if (stale) {
            throw Rejected.conflict(w.where() + ": ô này vừa được " + stored.map(Stored::by).orElse("người khác")
                    + " sửa, giá trị hiện tại là " + stored.map(Stored::value).orElse("(trống)")
                    + ". Hãy tải lại trang; không có thay đổi nào của bạn được lưu.");
        }
    }

    private void write(SchoolClass c, Subject subject, int term, Write w, Optional<Stored> stored, Actor by) {
        Timestamp now = Timestamp.from(clock.instant());
        if (stored.isEmpty()) {
            jdbc.sql("insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, version, "
                    + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                    .params(c.id().value(), subject.id().value(), w.change().studentId(), term, w.change().kind().name(),
                            w.change().column(), w.score(), w.level(), now, by.username()).update();
            return;
        }
        int rows = w.value() == null
                ? jdbc.sql("delete from mark where id = ? and version = ?").params(stored.get().id(), stored.get().version()).update()
                : jdbc.sql("update mark set score = ?, level = ?, version = version + 1, updated_at = ?, updated_by = ? "
                        + "where id = ? and version = ?").params(w.score(), w.level(), now, by.username(), stored.get().id(),
                        stored.get().version()).update();
        if (rows == 0) {
            checkVersion(w, stored(c, subject, term, w));
        }
    }

    private Optional<Stored> stored(SchoolClass c, Subject subject, int term, Write w) {
        return jdbc.sql("select id, score, level, version, updated_by from mark where class_id = ? and subject_id = ? "
                + "and student_id = ? and term = ? and kind = ? and column_no = ?")
                .params(c.id().value(), subject.id().value(), w.change().studentId(), term, w.change().kind().name(),
                        w.change().column())
                .query((rs, n) -> new Stored(rs.getLong(1), text(rs.getBigDecimal(2), rs.getString(3)), rs.getInt(4),
                        rs.getString(5))).optional();
    }

    private static String action(Optional<Stored> stored, Write w) {
        return stored.isEmpty() ? "MARK_ENTERED" : w.value() == null ? "MARK_CLEARED" : "MARK_CHANGED";
    }

    static String target(SchoolClass c, Subject subject, int term, Write w) {
        return "mark " + c.code() + "/" + subject.code() + "/" + w.student().student().profile().code() + "/HK" + term + "/"
                + w.change().kind() + "#" + w.change().column();
    }

    static String where(EnrolledStudent s, Subject subject, int term, MarkKind kind, int column) {
        String what = switch (kind) {
            case REGULAR -> "điểm thường xuyên cột " + column;
            case MIDTERM -> "điểm giữa kì";
            case FINAL -> "điểm cuối kì";
        };
        return "Học sinh " + s.student().profile().fullName() + " (" + s.student().profile().code() + "), môn "
                + subject.name() + ", học kì " + term + ", " + what;
    }

    /** True when two mark texts mean the same mark: "8" and "8.0" (numeric(3,1) reads back with one decimal) are. */
    static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    static String text(BigDecimal score, String level) {
        return score != null ? score.toPlainString() : level;
    }
}
