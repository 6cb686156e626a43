package vn.hocba.gradebook.corrections;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.CellValue;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.gradebook.EntryPolicies;
import vn.hocba.gradebook.EntryPolicy;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkWriter;
import vn.hocba.students.StudentRegistry;
/** Checks a correction request against the gradebook, and writes an approved one to its mark. */
@Component
class CorrectionIntake {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Checked(String oldValue, String newValue, String target, LocalDate missedDeadline) {
    }

    private record Cell(Long id, String value, LocalDate written) {
    }

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final GradebookLocks locks;
    private final EntryPolicies policies;
    private final CorrectionDeadlines deadlines;
    private final StudentRegistry students;
    private final Clock clock;

    CorrectionIntake(JdbcClient jdbc, SchoolDirectory directory, GradebookLocks locks, EntryPolicies policies,
            CorrectionDeadlines deadlines, StudentRegistry students, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.directory = directory;
        this.locks = locks;
        this.policies = policies;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    Checked check(Corrections.Request r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw Rejected.invalid("Cần ghi lí do sửa điểm.");
        }
        SchoolClass schoolClass = directory.schoolClass(new ClassId(r.classId()));
        GradeSubject gs = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(new SubjectId(r.subjectId()))).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + r.subjectId() + " không có ở lớp " + schoolClass.code() + "."));
        // As mark entry (CellRules): the mark of a student of another class is not this class's to change; without
        // this check an approved request wrote a mark row for that student into this class's gradebook.
        if (students.roster(schoolClass.id()).stream().noneMatch(e -> e.student().id().value() == r.studentId())) {
            throw Rejected.invalid("Học sinh mã số " + r.studentId() + " không có tên trong lớp " + schoolClass.code()
                    + " nên không đề nghị sửa điểm của học sinh này ở lớp " + schoolClass.code() + " được.");
        }
        String target = "mark " + schoolClass.code() + "/" + gs.subject().code() + "/student " + r.studentId() + "/HK"
                + r.term() + "/" + r.kind() + "#" + r.column();
        if (!locks.isLocked(schoolClass, gs.subject().id(), r.term())) {
            throw Rejected.invalid("Điểm này chưa bị khoá: giáo viên bộ môn sửa trực tiếp trong sổ điểm, không cần đề nghị.");
        }
        EntryPolicy policy = policies.of(directory.year(schoolClass.yearId()).schoolId());
        String mark = markName(r.kind(), r.term(), gs.subject().name(), schoolClass.code());
        policy.checkColumn(r.kind(), r.column(), mark);
        String newValue = value(r.newValue(), gs, r.kind(), policy, mark);
        Cell cell = cell(r.classId(), r.subjectId(), r.studentId(), r.term(), r.kind(), r.column());
        if (Objects.equals(cell.value(), newValue)) {
            throw Rejected.invalid("Điểm mới (" + newValue + ") trùng với điểm đang có.");
        }
        if (jdbc.sql("select count(*) from correction_request where class_id = ? and subject_id = ? and student_id = ? "
                + "and term = ? and kind = ? and column_no = ? and status in ('REQUESTED', 'CONFIRMED', 'APPROVED')")
                .params(r.classId(), r.subjectId(), r.studentId(), r.term(), r.kind().name(), r.column())
                .query(Long.class).single() > 0) {
            throw Rejected.conflict("Ô điểm này đang có một đề nghị sửa chưa xử lí xong.");
        }
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate missed = deadlines.deadline(schoolClass.yearId().value(), r.term(), r.kind(), cell.written())
                .filter(today::isAfter).orElse(null);
        return new Checked(cell.value(), newValue, target, missed);
    }

    /** The deadline a stored request missed when it was filed, or null. */
    LocalDate missedDeadline(CorrectionRequest request) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(request.classId()));
        LocalDate filed = request.requestedAt().atZone(VIETNAM).toLocalDate();
        Cell cell = cell(request.classId(), request.subjectId(), request.studentId(), request.term(), request.kind(),
                request.column());
        return deadlines.deadline(schoolClass.yearId().value(), request.term(), request.kind(), cell.written())
                .filter(filed::isAfter).orElse(null);
    }

    /** Writes the new value to the one mark; refused if the mark no longer holds the value the request saw. */
    String applyToMark(CorrectionRequest r, Actor by) {
        Cell cell = cell(r.classId(), r.subjectId(), r.studentId(), r.term(), r.kind(), r.column());
        if (!Objects.equals(cell.value(), r.oldValue())) {
            throw Rejected.conflict("Điểm đã đổi từ " + r.oldValue() + " thành " + cell.value()
                    + " kể từ khi đề nghị sửa số " + r.id() + " được gửi; không áp dụng được.");
        }
        boolean score = r.newValue().matches("[0-9.]+");
        Timestamp now = Timestamp.from(clock.instant());
        if (cell.id() == null) {
            jdbc.sql("insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, version, "
                    + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                    .params(r.classId(), r.subjectId(), r.studentId(), r.term(), r.kind().name(), r.column(),
                            score ? new BigDecimal(r.newValue()) : null, score ? null : r.newValue(), now, by.username())
                    .update();
        } else {
            jdbc.sql("update mark set score = ?, level = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                    .params(score ? new BigDecimal(r.newValue()) : null, score ? null : r.newValue(), now, by.username(),
                            cell.id()).update();
        }
        return "mark class " + r.classId() + "/subject " + r.subjectId() + "/student " + r.studentId() + "/HK" + r.term()
                + "/" + r.kind() + "#" + r.column();
    }

    /** "Điểm cuối kì học kì I môn Toán lớp 6A1": the mark as a teacher names it, for messages. */
    static String markName(MarkKind kind, int term, String subjectName, String classCode) {
        String what = switch (kind) {
            case REGULAR -> "Điểm thường xuyên";
            case MIDTERM -> "Điểm giữa kì";
            case FINAL -> "Điểm cuối kì";
        };
        return what + " học kì " + (term == 1 ? "I" : term == 2 ? "II" : String.valueOf(term)) + " môn " + subjectName
                + " lớp " + classCode;
    }

    private static String value(String typed, GradeSubject gs, MarkKind kind, EntryPolicy policy, String where) {
        if (typed == null || typed.isBlank()) {
            throw Rejected.invalid("Thiếu điểm mới.");
        }
        if (gs.subject().assessment() == AssessedBy.COMMENT) {
            String level = java.text.Normalizer.normalize(typed.trim(), java.text.Normalizer.Form.NFC);
            if (!level.equals("Đ") && !level.equals("CĐ")) {
                throw Rejected.invalid(where + ": môn đánh giá bằng nhận xét chỉ nhận Đ hoặc CĐ.");
            }
            return level;
        }
        return policy.score(typed, kind, where).toPlainString();
    }

    private Cell cell(long classId, long subjectId, long studentId, int term, MarkKind kind, int column) {
        Optional<Cell> stored = jdbc.sql("select id, score, level, updated_at from mark where class_id = ? and subject_id = ? "
                + "and student_id = ? and term = ? and kind = ? and column_no = ?")
                .params(classId, subjectId, studentId, term, kind.name(), column)
                .query((rs, n) -> new Cell(rs.getLong(1), CellValue.of(rs.getBigDecimal(2), rs.getString(3)).text(),
                        rs.getTimestamp(4).toInstant().atZone(VIETNAM).toLocalDate())).optional();
        return stored.orElse(new Cell(null, null, LocalDate.now(clock.withZone(VIETNAM))));
    }
}
