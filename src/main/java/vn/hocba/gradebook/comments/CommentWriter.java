package vn.hocba.gradebook.comments;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.students.EnrolledStudent;

/**
 * Writes comments of one {@link CommentSlot} in the caller's transaction: every comment checked
 * first (student in the class, length), then each changed one written with optimistic locking (a
 * comment changed by someone else since it was read refuses the whole save with its current text)
 * and audited with its old and new text.
 */
@Component
class CommentWriter {

    private record Write(EnrolledStudent student, CommentChange change, String text) {
    }

    private record Stored(long id, String text, int version, String by) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CommentWriter(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns how many comments changed; {@code related} (an import id, or null) is recorded with each audit entry. */
    int apply(CommentSlot slot, Map<Long, EnrolledStudent> roster, List<CommentChange> changes, Actor by, String related) {
        List<Write> writes = new ArrayList<>();
        for (CommentChange change : changes) {
            EnrolledStudent student = roster.get(change.studentId());
            if (student == null) {
                throw Rejected.invalid("Học sinh mã số " + change.studentId() + " không có tên trong lớp "
                        + slot.schoolClass().code() + "; không có nhận xét nào được lưu.");
            }
            writes.add(new Write(student, change, slot.normalised(change.text(), student)));
        }
        try {
            return (int) writes.stream().filter(w -> write(slot, w, by, related)).count();
        } catch (DuplicateKeyException e) {
            throw Rejected.conflict("Một nhận xét vừa được người khác lưu cùng lúc. Hãy tải lại trang để xem nội dung mới; "
                    + "không có nhận xét nào của bạn được lưu.");
        }
    }

    private boolean write(CommentSlot slot, Write w, Actor by, String related) {
        Optional<Stored> stored = stored(slot, w);
        checkVersion(slot, w, stored);
        String old = stored.map(Stored::text).orElse(null);
        if (Objects.equals(old, w.text())) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int rows;
        if (stored.isEmpty()) {
            List<Object> params = new ArrayList<>(slot.keyParams());
            params.addAll(List.of(w.change().studentId(), w.text(), now, by.username()));
            rows = jdbc.sql("insert into " + slot.table() + " (class_id, term" + (slot.homeroom() ? "" : ", subject_id")
                    + ", student_id, body, version, updated_at, updated_by) values (?, ?" + (slot.homeroom() ? "" : ", ?")
                    + ", ?, ?, 0, ?, ?)").params(params).update();
        } else if (w.text() == null) {
            rows = jdbc.sql("delete from " + slot.table() + " where id = ? and version = ?")
                    .params(stored.get().id(), stored.get().version()).update();
        } else {
            rows = jdbc.sql("update " + slot.table() + " set body = ?, version = version + 1, updated_at = ?, updated_by = ? "
                    + "where id = ? and version = ?").params(w.text(), now, by.username(), stored.get().id(),
                    stored.get().version()).update();
        }
        if (rows == 0) {
            checkVersion(slot, w, stored(slot, w));
        }
        String verb = stored.isEmpty() ? "WRITTEN" : w.text() == null ? "CLEARED" : "CHANGED";
        audit.append(new AuditRecord(by, slot.action(verb), slot.target(w.student()), old, w.text(), null, related));
        return true;
    }

    private void checkVersion(CommentSlot slot, Write w, Optional<Stored> stored) {
        Integer seen = w.change().version();
        boolean stale = stored.isPresent() ? !Objects.equals(seen, stored.get().version()) : seen != null;
        if (stale) {
            throw Rejected.conflict(slot.where(w.student()) + " vừa được " + stored.map(Stored::by).orElse("người khác")
                    + " sửa; nội dung hiện tại: \"" + stored.map(Stored::text).orElse("") + "\". Hãy tải lại trang; "
                    + "không có nhận xét nào của bạn được lưu.");
        }
    }

    private Optional<Stored> stored(CommentSlot slot, Write w) {
        List<Object> params = new ArrayList<>(slot.keyParams());
        params.add(w.change().studentId());
        return jdbc.sql("select id, body, version, updated_by from " + slot.table() + " where " + slot.key()
                + " and student_id = ?").params(params)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).optional();
    }
}
