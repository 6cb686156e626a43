package vn.hocba.gradebook;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.CurriculumSubject;
import vn.hocba.students.EnrolledStudent;

/**
 * Writes validated cells with optimistic locking (a cell changed by someone else since it was read
 * refuses the save with its current value: nothing is silently overwritten) and audits each change.
 */
@Component
public class MarkWriter {

    public record Write(EnrolledStudent student, CellChange change, BigDecimal score, String level, String where) {

        public String value() {
            return CellValue.of(score, level).text();
        }
    }

    private record Stored(long id, String value, int version, String by) {
    }

    /** Where a cell is in its sheet: student, kind and column. */
    private record Place(long student, MarkKind kind, int column) {

        static Place of(CellChange c) {
            return new Place(c.studentId(), c.kind(), c.column());
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;
    private final Clock clock;

    MarkWriter(JdbcClient jdbc, JdbcTemplate batch, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies the writes in the caller's transaction; returns how many cells changed. Reads the sheet's
     * stored cells in one query and writes the changed ones in three batches (insert, update, clear).
     */
    int apply(SchoolClass schoolClass, CurriculumSubject subject, int term, List<Write> writes, Actor by, String relatedRequest) {
        Map<Place, Stored> sheet = stored(schoolClass, subject, term);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> inserts = new ArrayList<>();
        List<Write> updated = new ArrayList<>();
        List<Write> cleared = new ArrayList<>();
        for (Write w : writes) {
            Optional<Stored> stored = Optional.ofNullable(sheet.get(Place.of(w.change())));
            checkVersion(w, stored);
            if (CellValue.of(stored.map(Stored::value).orElse(null)).sameAs(w.value())) {
                continue;
            }
            if (stored.isEmpty()) {
                inserts.add(new Object[] {schoolClass.id().value(), subject.id().value(), w.change().studentId(), term,
                    w.change().kind().name(), w.change().column(), w.score(), w.level(), now, by.username()});
            } else {
                (w.value() == null ? cleared : updated).add(w);
            }
            audit.append(new AuditRecord(by, action(stored, w), target(schoolClass, subject, term, w),
                    stored.map(Stored::value).orElse(null), w.value(), null, relatedRequest));
        }
        batch.batchUpdate("insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, version, "
                + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", inserts);
        versioned("update mark set score = ?, level = ?, version = version + 1, updated_at = ?, updated_by = ? "
                + "where id = ? and version = ?", updated, sheet, w -> new Object[] {w.score(), w.level(), now, by.username()});
        versioned("delete from mark where id = ? and version = ?", cleared, sheet, w -> new Object[0]);
        return inserts.size() + updated.size() + cleared.size();
    }

    /** Runs {@code sql} for each write (its values, then the stored id and version); a cell changed meanwhile refuses the save. */
    private void versioned(String sql, List<Write> writes, Map<Place, Stored> sheet, Function<Write, Object[]> values) {
        List<Object[]> rows = new ArrayList<>();
        for (Write w : writes) {
            Stored stored = sheet.get(Place.of(w.change()));
            Object[] own = values.apply(w);
            Object[] row = Arrays.copyOf(own, own.length + 2);
            row[row.length - 2] = stored.id();
            row[row.length - 1] = stored.version();
            rows.add(row);
        }
        int[] counts = batch.batchUpdate(sql, rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Write w = writes.get(i);
                long id = sheet.get(Place.of(w.change())).id();
                checkVersion(w, cells("id = ?", id).values().stream().findFirst());
            }
        }
    }

    private void checkVersion(Write w, Optional<Stored> stored) {
        Integer seen = w.change().version();
        boolean stale = stored.isPresent() ? !Objects.equals(seen, stored.get().version()) : seen != null;
        if (stale) {
            throw Rejected.conflict(w.where() + ": ô này vừa được " + stored.map(Stored::by).orElse("người khác")
                    + " sửa, giá trị hiện tại là " + stored.map(s -> s.value().replace('.', ',')).orElse("(trống)")
                    + "; không có thay đổi nào của bạn được lưu.");
        }
    }

    private Map<Place, Stored> stored(SchoolClass c, CurriculumSubject subject, int term) {
        return cells("class_id = ? and subject_id = ? and term = ?", c.id().value(), subject.id().value(), term);
    }

    private Map<Place, Stored> cells(String where, Object... params) {
        Map<Place, Stored> cells = new HashMap<>();
        jdbc.sql("select student_id, kind, column_no, id, score, level, version, updated_by from mark where " + where)
                .params(params).query((rs, n) -> cells.put(new Place(rs.getLong(1), MarkKind.valueOf(rs.getString(2)), rs.getInt(3)),
                        new Stored(rs.getLong(4), CellValue.of(rs.getBigDecimal(5), rs.getString(6)).text(), rs.getInt(7), rs.getString(8))))
                .list();
        return cells;
    }

    private static String action(Optional<Stored> stored, Write w) {
        return stored.isEmpty() ? "MARK_ENTERED" : w.value() == null ? "MARK_CLEARED" : "MARK_CHANGED";
    }

    static String target(SchoolClass c, CurriculumSubject subject, int term, Write w) {
        return "mark " + c.code() + "/" + subject.code() + "/" + w.student().student().profile().code() + "/HK" + term + "/"
                + w.change().kind() + "#" + w.change().column();
    }

    static String where(EnrolledStudent s, CurriculumSubject subject, int term, MarkKind kind, int column) {
        String what = switch (kind) {
            case REGULAR -> "điểm thường xuyên cột " + column;
            case MIDTERM -> "điểm giữa kì";
            case FINAL -> "điểm cuối kì";
        };
        return "Học sinh " + s.student().profile().fullName() + " (" + s.student().profile().code() + "), môn "
                + subject.name() + ", " + TermName.of(term) + ", " + what;
    }
}
