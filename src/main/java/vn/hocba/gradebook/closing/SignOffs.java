package vn.hocba.gradebook.closing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.CellValue;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookExport;
import vn.hocba.gradebook.MarkWriter;
import vn.hocba.gradebook.Snapshots;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.common.Sha256;
import vn.hocba.common.TermName;
/**
 * The sign-offs of a class's term close (domain.md §2.3, seed 000 §V.5): subject teachers sign
 * their subject once it is complete, the homeroom teacher signs the class once every subject is
 * signed, the principal approves. Each stores the SHA-256 of exactly what was signed.
 */
@Service
@Transactional
public class SignOffs {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final Readiness readiness;
    private final ClassResultsStore results;
    private final GradebookExport gradebook;
    private final AuditLog audit;
    private final Clock clock;
    private final SubjectSigners signers;

    public SignOffs(JdbcClient jdbc, SchoolDirectory directory, Readiness readiness, ClassResultsStore results,
            GradebookExport gradebook, AuditLog audit, Clock clock, SubjectSigners signers) {
        this.signers = signers;
        this.jdbc = jdbc;
        this.directory = directory;
        this.readiness = readiness;
        this.results = results;
        this.gradebook = gradebook;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Holds the class until the transaction ends (first thing in a subject sign-off's transaction): sign-offs of
     * one class take turns with each other and with the class's mark saves, so the check, the hash and the task
     * completion see one state and two completions of one multi-instance do not collide and repeat (issue 19).
     */
    public void takeTurn(SchoolClass schoolClass) {
        results.lockUntilCommit(schoolClass);
    }

    /** The subject teacher signs the subject; refused while any of its marks of the term is missing. */
    public SignOff signSubject(SchoolClass schoolClass, SubjectId subject, int term, Actor by) {
        GradeSubject gs = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có ở lớp " + schoolClass.code() + "."));
        List<MissingEntry> missing = readiness.missing(schoolClass, term, gs);
        if (!missing.isEmpty()) {
            throw Rejected.conflict("Chưa thể ký xác nhận môn " + gs.subject().name() + " lớp " + schoolClass.code()
                    + " " + TermName.of(term) + ": còn thiếu " + missing.size() + " điểm. "
                    + missing.stream().limit(5).map(MissingEntry::message).collect(Collectors.joining(" ")));
        }
        // Co-teachers of an integrated subject each sign their own part; signing again replaces one's own.
        activeSubject(schoolClass, term, subject.value()).stream().filter(s -> s.signedBy().equals(by.username()))
                .forEach(s -> reopen(s, "Ký lại", by));
        return insert(schoolClass, term, SignOff.Kind.SUBJECT, subject.value(), subjectHash(schoolClass, subject, term), by);
    }

    /**
     * The homeroom teacher sends a signed subject back to its teacher with a reason; returns the sign-offs
     * reopened (each co-teacher's), as stored now: whom to tell, and who sent it back, when and why.
     */
    public List<SignOff> sendBack(SchoolClass schoolClass, SubjectId subject, int term, String reason, Actor by) {
        List<SignOff> signed = activeSubject(schoolClass, term, subject.value());
        if (signed.isEmpty()) {
            throw Rejected.conflict("Môn này chưa được ký xác nhận nên không cần trả lại.");
        }
        String why = required(reason);
        return signed.stream().map(s -> reopen(s, why, by)).toList();
    }

    /**
     * What the homeroom teacher's check of the class confirms (domain.md §2.3: checks the whole class and
     * rates conduct): every subject signed by its teacher and every student's conduct rated for the term.
     */
    @Transactional(readOnly = true)
    public void requireChecked(SchoolClass schoolClass, int term) {
        List<String> unsigned = unsigned(schoolClass, term);
        if (!unsigned.isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " " + TermName.of(term) + " chưa thể xác nhận đã kiểm tra: "
                    + "các môn chưa được mọi giáo viên bộ môn được phân công ký xác nhận: " + String.join("; ", unsigned) + ".");
        }
        List<MissingEntry> conduct = readiness.missing(schoolClass, term).stream().filter(m -> m.subject() == null).toList();
        if (!conduct.isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " " + TermName.of(term) + " chưa thể xác nhận đã kiểm tra: còn "
                    + conduct.size() + " học sinh chưa được xếp loại rèn luyện. "
                    + conduct.stream().limit(5).map(MissingEntry::message).collect(Collectors.joining(" ")));
        }
    }

    /**
     * The homeroom teacher signs the class; every subject of the grade must be signed first and
     * every month of the term's attendance confirmed (the readiness check, domain.md §2.3).
     */
    public SignOff signClass(SchoolClass schoolClass, int term, Actor by) {
        List<String> unsigned = unsigned(schoolClass, term);
        if (!unsigned.isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa thể ký: các môn chưa được mọi giáo viên bộ môn "
                    + "được phân công ký xác nhận: " + String.join("; ", unsigned) + ".");
        }
        List<YearMonth> months = readiness.unconfirmedAttendanceMonths(schoolClass, term);
        if (!months.isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa thể ký: điểm danh các tháng "
                    + months.stream().map(MonthConfirmation::label).collect(Collectors.joining(", "))
                    + " của " + TermName.of(term) + " chưa được giáo viên chủ nhiệm xác nhận.");
        }
        return insert(schoolClass, term, SignOff.Kind.HOMEROOM, null, classHash(schoolClass), by);
    }

    /**
     * The subjects of the class's term that some teacher assigned to them has not signed (co-teachers each sign
     * their part: {@link SubjectSigners}), each as "Lịch sử và Địa lí (còn chờ Hồ Quang Địa (gv12) ký)".
     */
    private List<String> unsigned(SchoolClass schoolClass, int term) {
        return signers.unsigned(schoolClass, of(schoolClass, term)).stream().map(SubjectSigners.SubjectSigning::describe).toList();
    }

    /** The principal approves the class's term results. */
    public SignOff approve(SchoolClass schoolClass, int term, Actor by) {
        SignOff homeroom = activeClassLevel(schoolClass, term, SignOff.Kind.HOMEROOM)
                .orElseThrow(() -> Rejected.conflict("Giáo viên chủ nhiệm lớp " + schoolClass.code() + " chưa ký xác nhận."));
        return insert(schoolClass, term, SignOff.Kind.PRINCIPAL, null, homeroom.contentSha256(), by);
    }

    /** The principal rejects: the homeroom sign-off is reopened with the reason; returns it as stored now. */
    public SignOff reject(SchoolClass schoolClass, int term, String reason, Actor by) {
        SignOff homeroom = activeClassLevel(schoolClass, term, SignOff.Kind.HOMEROOM)
                .orElseThrow(() -> Rejected.conflict("Giáo viên chủ nhiệm lớp " + schoolClass.code() + " chưa ký xác nhận."));
        return reopen(homeroom, required(reason), by);
    }

    /**
     * The send-back of a subject still waiting for one of its teachers: that teacher's latest sign-off of the
     * subject when it was reopened (a send-back; signing again leaves a newer active one), else empty.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<SignOff> sentBack(SchoolClass schoolClass, int term, SubjectId subject, String teacher) {
        return of(schoolClass, term).stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT
                        && subject.value() == s.subjectId() && s.signedBy().equals(teacher))
                .reduce((a, b) -> b).filter(s -> !s.active());
    }

    /**
     * The principal's "Không duyệt" of the class's term still waiting for the homeroom teacher: the class's latest
     * homeroom sign-off when it was reopened; empty once the homeroom teacher signs the class again.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<SignOff> rejection(SchoolClass schoolClass, int term) {
        return of(schoolClass, term).stream().filter(s -> s.kind() == SignOff.Kind.HOMEROOM)
                .reduce((a, b) -> b).filter(s -> !s.active());
    }

    /**
     * The subjects of the class whose marks of the term are no longer what was last signed for them
     * (the SHA-256 of the latest active subject sign-off): a lock rests on the content signed, not on
     * the fact that someone signed once (issue 13 item 3).
     */
    @Transactional(readOnly = true)
    public List<String> changedSinceSigned(SchoolClass schoolClass, int term) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream().filter(gs -> {
            List<SignOff> signed = activeSubject(schoolClass, term, gs.subject().id().value());
            return !signed.isEmpty() && !signed.get(signed.size() - 1).contentSha256()
                    .equals(subjectHash(schoolClass, gs.subject().id(), term));
        }).map(gs -> gs.subject().name()).toList();
    }

    /** The active sign-offs of every class of the year, in one query (the school dashboard). */
    @Transactional(readOnly = true)
    public List<SignOff> activeOfYear(vn.hocba.schoolyear.SchoolYearId year) {
        return jdbc.sql("select s.* from sign_off s join school_class c on c.id = s.class_id where c.school_year_id = ? "
                + "and s.status = 'ACTIVE' order by s.id").param(year.value()).query(SignOffs::row).list();
    }

    @Transactional(readOnly = true)
    public List<SignOff> of(SchoolClass schoolClass, int term) {
        return jdbc.sql("select * from sign_off where class_id = ? and term = ? order by id")
                .params(schoolClass.id().value(), term).query(SignOffs::row).list();
    }

    private java.util.Optional<SignOff> activeClassLevel(SchoolClass c, int term, SignOff.Kind kind) {
        return jdbc.sql("select * from sign_off where class_id = ? and term = ? and kind = ? and status = 'ACTIVE' "
                + "and subject_id is null").params(c.id().value(), term, kind.name()).query(SignOffs::row).optional();
    }

    private List<SignOff> activeSubject(SchoolClass c, int term, long subject) {
        return jdbc.sql("select * from sign_off where class_id = ? and term = ? and kind = 'SUBJECT' and status = 'ACTIVE' "
                + "and subject_id = ? order by id").params(c.id().value(), term, subject).query(SignOffs::row).list();
    }

    private SignOff insert(SchoolClass c, int term, SignOff.Kind kind, Long subject, String sha256, Actor by) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into sign_off (class_id, term, kind, subject_id, signed_by, signed_at, content_sha256, status) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE')")
                .params(c.id().value(), term, kind.name(), subject, by.username(), now(), sha256).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(new AuditRecord(by, "SIGNED_OFF_" + kind, "sign-off " + c.code() + "/HK" + term
                + (subject == null ? "" : "/subject " + subject), null, sha256, null, "sign-off " + id));
        return jdbc.sql("select * from sign_off where id = ?").param(id).query(SignOffs::row).single();
    }

    private SignOff reopen(SignOff signed, String reason, Actor by) {
        jdbc.sql("update sign_off set status = 'REOPENED', reopened_by = ?, reopened_at = ?, reopen_reason = ? where id = ?")
                .params(by.username(), now(), reason, signed.id()).update();
        audit.append(new AuditRecord(by, "SIGN_OFF_REOPENED", "sign-off " + signed.id(), "ACTIVE", "REOPENED", reason,
                "sign-off " + signed.id()));
        return jdbc.sql("select * from sign_off where id = ?").param(signed.id()).query(SignOffs::row).single();
    }

    private String subjectHash(SchoolClass c, SubjectId subject, int term) {
        String canonical = jdbc.sql("select student_id, kind, column_no, score, level from mark where class_id = ? "
                + "and subject_id = ? and term = ? order by student_id, kind, column_no")
                .params(c.id().value(), subject.value(), term)
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|"
                        + CellValue.of(rs.getBigDecimal(4), rs.getString(5)).text())
                .list().stream().collect(Collectors.joining("\n"));
        return Sha256.hex(canonical);
    }

    /** SHA-256 of the class gradebook as exported, comments included: what the homeroom teacher signed off. */
    private String classHash(SchoolClass c) {
        return Sha256.hex(gradebook.json(c));
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid("Cần ghi lí do.");
        }
        return reason.trim();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static SignOff row(ResultSet rs, int n) throws SQLException {
        return new SignOff(rs.getLong("id"), rs.getLong("class_id"), rs.getInt("term"),
                SignOff.Kind.valueOf(rs.getString("kind")), rs.getObject("subject_id", Long.class), rs.getString("signed_by"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("content_sha256"),
                rs.getString("status").equals("ACTIVE"), rs.getString("reopen_reason"), rs.getString("reopened_by"),
                rs.getObject("reopened_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("reopened_at", OffsetDateTime.class).toInstant());
    }
}
