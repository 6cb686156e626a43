package vn.hocba.gradebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditCheckpoints;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.SchoolYearId;

/**
 * Locks (khoá sổ) on a school term, a class term or a class × subject term. Who may lock is checked
 * by the caller (principal or vice principal, seed 000 §VIII); every lock and unlock is audited, and
 * every lock takes an immutable snapshot of each class it covers.
 */
@Service
@Transactional
public class GradebookLocks {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final Snapshots snapshots;
    private final AuditCheckpoints checkpoints;

    public GradebookLocks(JdbcClient jdbc, SchoolDirectory directory, AuditLog audit, Clock clock, Snapshots snapshots,
            AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.snapshots = snapshots;
        this.checkpoints = checkpoints;
    }

    /** What to lock: {@code schoolClass} null for a school term; {@code subject} null for a class term. */
    public record LockRequest(long yearId, int term, ClassId schoolClass, SubjectId subject, String reason) {

        GradebookLock.Scope scope() {
            return schoolClass == null ? GradebookLock.Scope.SCHOOL_TERM
                    : subject == null ? GradebookLock.Scope.CLASS_TERM : GradebookLock.Scope.SUBJECT_TERM;
        }
    }

    public GradebookLock lock(LockRequest request, Actor by, String byName) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw Rejected.invalid("Cần ghi lí do khoá sổ.");
        }
        if (request.term() != 1 && request.term() != 2) {
            throw Rejected.invalid("Học kì " + request.term() + " không có: chọn 1 hoặc 2.");
        }
        if (request.schoolClass() == null && request.subject() != null) {
            throw Rejected.invalid("Khoá một môn thì phải chọn cả lớp.");
        }
        if (request.schoolClass() != null) {
            // isLocked looks a class's locks up under the class's own year: a lock filed under another year never applied
            SchoolClass schoolClass = directory.schoolClass(request.schoolClass());
            if (schoolClass.yearId().value() != request.yearId()) {
                throw Rejected.invalid("Lớp " + schoolClass.code() + " (mã số " + schoolClass.id().value()
                        + ") không thuộc năm học đang hoạt động nên không khoá sổ được ở năm học này.");
            }
            if (request.subject() != null) {
                requireTaught(schoolClass, request.subject());
            }
        }
        String target = target(request);
        covering(request).ifPresent(existing -> {
            throw Rejected.conflict(target + " đã " + existing.describe() + ".");
        });
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into gradebook_lock (scope, school_year_id, term, class_id, subject_id, locked_at, locked_by, "
                + "locked_by_name, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(request.scope().name(), request.yearId(), request.term(), id(request.schoolClass()),
                        request.subject() == null ? null : request.subject().value(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), by.username(), byName,
                        request.reason().trim())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(new AuditRecord(by, "GRADEBOOK_LOCKED", "lock " + id + " " + target, null, "locked",
                request.reason().trim(), null));
        List<SchoolClass> classes = request.schoolClass() == null
                ? directory.classes(new SchoolYearId(request.yearId()))
                : List.of(directory.schoolClass(request.schoolClass()));
        classes.forEach(c -> snapshots.take(id, c));
        checkpoints.anchor("khoá sổ: lock " + id + " " + target); // the audit chain is anchored at every lock
        return find(id);
    }

    /** A subject lock names a subject of the class's curriculum (before: a foreign key's "tham chiếu không tồn tại"). */
    private void requireTaught(SchoolClass schoolClass, SubjectId subject) {
        if (directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .anyMatch(g -> g.subject().id().equals(subject))) {
            return;
        }
        String named = directory.subjects(directory.year(schoolClass.yearId()).schoolId()).stream()
                .filter(s -> s.id().equals(subject)).findFirst()
                .map(s -> "môn " + s.name() + " (mã số " + subject.value() + ")")
                .orElse("môn học mã số " + subject.value());
        throw Rejected.invalid("Lớp " + schoolClass.code() + " (mã số " + schoolClass.id().value() + ") không học " + named
                + " (môn này không có trong chương trình khối " + schoolClass.grade() + " năm học này), nên không khoá sổ "
                + "môn này của lớp được.");
    }

    public GradebookLock unlock(long lockId, String reason, Actor by) {
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid("Cần ghi lí do mở khoá sổ.");
        }
        GradebookLock lock = find(lockId);
        if (!lock.active()) {
            throw Rejected.conflict("Khoá số " + lockId + " đã được mở trước đó.");
        }
        jdbc.sql("update gradebook_lock set unlocked_at = ?, unlocked_by = ?, unlock_reason = ? where id = ?")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), by.username(), reason.trim(), lockId)
                .update();
        audit.append(new AuditRecord(by, "GRADEBOOK_UNLOCKED", "lock " + lockId, "locked", "unlocked", reason.trim(), null));
        return find(lockId);
    }

    public List<GradebookLock> locks(long yearId) {
        return jdbc.sql("select * from gradebook_lock where school_year_id = ? order by id").param(yearId)
                .query(GradebookLocks::row).list();
    }

    /** Refuses (HTTP 423) a write to the marks of {@code subject} in {@code schoolClass} when any active lock covers them. */
    public void requireUnlocked(SchoolClass schoolClass, SubjectId subject, int term, String what) {
        requireUnlocked(schoolClass, subject, term, what, "Muốn sửa một điểm đã khoá, hãy gửi đề nghị sửa điểm.");
    }

    /** As {@link #requireUnlocked(SchoolClass, SubjectId, int, String)}, ending the message with {@code whatToDo}. */
    public void requireUnlocked(SchoolClass schoolClass, SubjectId subject, int term, String what, String whatToDo) {
        covering(new LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), subject, null))
                .ifPresent(lock -> {
                    throw new Rejected(Rejected.Reason.LOCKED, what + " không sửa được: sổ điểm " + scopeText(lock, schoolClass)
                            + " " + TermName.of(term) + " đã " + lock.describe() + ". " + whatToDo);
                });
    }

    /** True when an active lock covers the marks of {@code subject} in {@code schoolClass} for {@code term}. */
    @Transactional(readOnly = true)
    public boolean isLocked(SchoolClass schoolClass, SubjectId subject, int term) {
        return covering(new LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), subject, null)).isPresent();
    }

    private Optional<GradebookLock> covering(LockRequest r) {
        return jdbc.sql("""
                select * from gradebook_lock where unlocked_at is null and school_year_id = ? and term = ?
                and (scope = 'SCHOOL_TERM' or (class_id = ? and (subject_id is null or subject_id = ?)))
                order by id limit 1""")
                .params(r.yearId(), r.term(), id(r.schoolClass()), r.subject() == null ? -1L : r.subject().value())
                .query(GradebookLocks::row).optional();
    }

    private GradebookLock find(long id) {
        return jdbc.sql("select * from gradebook_lock where id = ?").param(id).query(GradebookLocks::row).optional()
                .orElseThrow(() -> Rejected.notFound("Không có khoá sổ số " + id + "."));
    }

    private String target(LockRequest r) {
        String term = " " + TermName.of(r.term());
        if (r.schoolClass() == null) {
            return "Sổ điểm toàn trường" + term;
        }
        SchoolClass c = directory.schoolClass(r.schoolClass());
        return r.subject() == null ? "Sổ điểm lớp " + c.code() + term
                : "Sổ điểm môn mã số " + r.subject().value() + " lớp " + c.code() + term;
    }

    private static String scopeText(GradebookLock lock, SchoolClass schoolClass) {
        return switch (lock.scope()) {
            case SCHOOL_TERM -> "toàn trường";
            case CLASS_TERM -> "lớp " + schoolClass.code();
            case SUBJECT_TERM -> "của môn này ở lớp " + schoolClass.code();
        };
    }

    private static Long id(ClassId schoolClass) {
        return schoolClass == null ? null : schoolClass.value();
    }

    private static GradebookLock row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime unlocked = rs.getObject("unlocked_at", OffsetDateTime.class);
        return new GradebookLock(rs.getLong("id"), GradebookLock.Scope.valueOf(rs.getString("scope")),
                rs.getLong("school_year_id"), rs.getInt("term"), rs.getObject("class_id", Long.class),
                rs.getObject("subject_id", Long.class), rs.getObject("locked_at", OffsetDateTime.class).toInstant(),
                rs.getString("locked_by"), rs.getString("locked_by_name"), rs.getString("reason"),
                unlocked == null ? null : unlocked.toInstant());
    }
}
