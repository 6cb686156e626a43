package vn.hocba.gradebook.corrections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.corrections.CorrectionRequest.Status;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Corrections of locked marks (seed 001 §5): the subject teacher requests, the homeroom teacher
 * confirms or returns, the principal approves or rejects, and only then exactly that one mark
 * changes, without unlocking anything. Who may take each step is checked by the caller; the
 * order of steps is kept here (a step on a request in the wrong state is refused). Every step is audited.
 */
@Service
@Transactional
public class Corrections {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final CorrectionIntake intake;
    private final ClassResultsStore results;
    private final SchoolDirectory directory;

    public Corrections(JdbcClient jdbc, AuditLog audit, Clock clock, CorrectionIntake intake, ClassResultsStore results,
            SchoolDirectory directory) {
        this.results = results;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.intake = intake;
    }

    /**
     * What a teacher asks for; {@code evidence} may be null. Columns count from 1; a mid-term or end-of-term
     * mark has one column, so a request without one (0, as JSON without {@code column} binds) means column 1.
     */
    public record Request(long classId, long subjectId, long studentId, int term, MarkKind kind, int column,
            String newValue, String reason, String evidenceName, byte[] evidence) {

        public Request {
            if (kind != null && kind != MarkKind.REGULAR && column == 0) {
                column = 1;
            }
        }
    }

    /** A stored request and, when it came in after the seed 001 deadline, the deadline it missed. */
    public record Filed(CorrectionRequest request, LocalDate missedDeadline) {
    }

    public Filed request(Request r, Actor by) {
        CorrectionIntake.Checked checked = intake.check(r);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into correction_request (class_id, subject_id, student_id, term, kind, column_no, old_value, new_value, "
                + "reason, evidence_name, evidence, status, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.classId(), r.subjectId(), r.studentId(), r.term(), r.kind().name(), r.column(), checked.oldValue(),
                        checked.newValue(), r.reason().trim(), r.evidenceName(), r.evidence(), Status.REQUESTED.name(),
                        by.username(), now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(new AuditRecord(by, "CORRECTION_REQUESTED", checked.target(), checked.oldValue(), checked.newValue(),
                r.reason().trim(), "correction " + id));
        return new Filed(find(id), checked.missedDeadline());
    }

    public CorrectionRequest confirm(long id, Actor by) {
        return step(id, Status.REQUESTED, Status.CONFIRMED, "confirmed", by, null, "CORRECTION_CONFIRMED");
    }

    public CorrectionRequest returnToTeacher(long id, String reason, Actor by) {
        return step(id, Status.REQUESTED, Status.RETURNED, "confirmed", by, required(reason, "trả lại"), "CORRECTION_RETURNED");
    }

    /**
     * Approves; a request filed after its deadline needs {@code overrideReason} (the principal's
     * override of seed 001's deadline), otherwise it is refused with the deadline it missed.
     */
    public CorrectionRequest approve(long id, String overrideReason, Actor by) {
        CorrectionRequest request = find(id);
        LocalDate missed = intake.missedDeadline(request);
        if (missed != null && (overrideReason == null || overrideReason.isBlank())) {
            throw Rejected.invalid("Đề nghị sửa điểm số " + id + " gửi sau hạn " + DAY.format(missed)
                    + " (quy định sửa điểm của trường). Chỉ duyệt được khi ghi lí do cho phép sửa quá hạn.");
        }
        if (missed != null) {
            jdbc.sql("update correction_request set override_reason = ? where id = ?").params(overrideReason.trim(), id).update();
        }
        return step(id, Status.CONFIRMED, Status.APPROVED, "decided", by, null, "CORRECTION_APPROVED");
    }

    public CorrectionRequest reject(long id, String reason, Actor by) {
        return step(id, Status.CONFIRMED, Status.REJECTED, "decided", by, required(reason, "từ chối"), "CORRECTION_REJECTED");
    }

    /** Applies an approved correction to its one mark. Idempotent: applying twice changes nothing the second time. */
    public CorrectionRequest apply(long id, Actor by) {
        CorrectionRequest request = find(id);
        if (request.status() == Status.APPLIED) {
            return request;
        }
        if (request.status() != Status.APPROVED) {
            throw Rejected.conflict("Đề nghị sửa điểm số " + id + " chưa được duyệt (trạng thái " + request.status() + ").");
        }
        String target = intake.applyToMark(request, by);
        jdbc.sql("update correction_request set status = 'APPLIED', applied_at = ? where id = ? and status = 'APPROVED'")
                .params(now(), id).update();
        audit.append(new AuditRecord(by, "MARK_CORRECTED", target, request.oldValue(), request.newValue(),
                request.reason(), "correction " + id));
        results.recomputeBeforeCommit(directory.schoolClass(new ClassId(request.classId())));
        return find(id);
    }

    /** The seed 001 deadline the request missed (it then needs the principal's override reason), or null. */
    public LocalDate missedDeadline(CorrectionRequest request) {
        return intake.missedDeadline(request);
    }

    public CorrectionRequest find(long id) {
        return jdbc.sql("select * from correction_request where id = ?").param(id).query(Corrections::row).optional()
                .orElseThrow(() -> Rejected.notFound("Không có đề nghị sửa điểm số " + id + "."));
    }

    /** The requests {@code username} filed, newest first: the teacher's "Đề nghị sửa điểm" page. */
    public List<CorrectionRequest> requestedBy(String username) {
        return jdbc.sql("select * from correction_request where requested_by = ? order by requested_at desc, id desc")
                .param(username).query(Corrections::row).list();
    }

    /** Every request of a class, newest first: what its homeroom teacher confirms or returns. */
    public List<CorrectionRequest> ofClass(long classId) {
        return jdbc.sql("select * from correction_request where class_id = ? order by requested_at desc, id desc")
                .param(classId).query(Corrections::row).list();
    }

    /** Applied corrections of a class, oldest first: the "có sửa chữa ở N chỗ" line and the correction record. */
    public List<CorrectionRequest> applied(long classId) {
        return jdbc.sql("select * from correction_request where class_id = ? and status = 'APPLIED' order by applied_at, id")
                .param(classId).query(Corrections::row).list();
    }

    private CorrectionRequest step(long id, Status from, Status to, String who, Actor by, String reason, String action) {
        int rows = jdbc.sql("update correction_request set status = ?, " + who + "_by = ?, " + who + "_at = ?"
                + (reason == null ? "" : ", decision_reason = ?") + " where id = ? and status = ?")
                .params(reason == null ? new Object[] {to.name(), by.username(), now(), id, from.name()}
                        : new Object[] {to.name(), by.username(), now(), reason, id, from.name()})
                .update();
        CorrectionRequest request = find(id);
        if (rows == 0) {
            throw Rejected.conflict("Đề nghị sửa điểm số " + id + " đang ở trạng thái " + request.status()
                    + ", không thể chuyển sang " + to + ".");
        }
        audit.append(new AuditRecord(by, action, "correction " + id, from.name(), to.name(), reason, "correction " + id));
        return request;
    }

    private static String required(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid("Cần ghi lí do " + what + ".");
        }
        return reason.trim();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static CorrectionRequest row(ResultSet rs, int n) throws SQLException {
        return new CorrectionRequest(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("subject_id"),
                rs.getLong("student_id"), rs.getInt("term"), MarkKind.valueOf(rs.getString("kind")), rs.getInt("column_no"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("evidence_name"),
                Status.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("confirmed_by"), instant(rs, "confirmed_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("decision_reason"), rs.getString("override_reason"),
                instant(rs, "applied_at"));
    }
}
