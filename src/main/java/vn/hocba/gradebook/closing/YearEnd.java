package vn.hocba.gradebook.closing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.json.ResultsJson;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.EntryPolicies;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.Snapshots;
import vn.hocba.common.Sha256;
import java.util.stream.Stream;

/**
 * The end of the school year for a class (domain.md §2.5, TT22 Art. 12-15): the lists by
 * promotion decision and title, the homeroom teacher's proposal, the principal's approval, the
 * summer results (retests, re-assessed conduct) and the final decisions. Each decision stores the
 * SHA-256 of the results it was taken on.
 */
@Service
@Transactional
public class YearEnd {

    /**
     * Stages of the year-end decision: the homeroom teacher's proposal, the principal's approval of the lists,
     * the homeroom teacher's confirmation of the summer results (retests, re-assessed conduct), the final decisions.
     */
    public enum Stage {
        PROPOSED("GVCN đề nghị danh sách"), APPROVED("Hiệu trưởng duyệt danh sách"),
        SUMMER("GVCN xác nhận kết quả hè"), FINAL("Hiệu trưởng duyệt kết quả cuối cùng");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A decision the principal sent back to the homeroom teacher: which stage, who, when and why. */
    public record Rejection(long decisionId, Stage stage, String by, Instant at, String reason) {
    }

    /** The class's lists: students (code and name) by promotion decision, and titled students. */
    public record Lists(Map<Promotion, List<String>> byPromotion, List<String> titled, boolean complete) {

        public boolean summerWorkPending() {
            return !byPromotion.getOrDefault(Promotion.SUMMER_TRAINING_PENDING, List.of()).isEmpty()
                    || !byPromotion.getOrDefault(Promotion.RETEST_PENDING, List.of()).isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final ClassResultsStore results;
    private final EntryPolicies policies;
    private final AuditLog audit;
    private final StudentRegistry students;
    private final Clock clock;

    public YearEnd(JdbcClient jdbc, SchoolDirectory directory, ClassResultsStore results, EntryPolicies policies,
            AuditLog audit, StudentRegistry students, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.directory = directory;
        this.results = results;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Lists lists(SchoolClass schoolClass) {
        return lists(results.compute(schoolClass));
    }

    private static Lists lists(ClassResults computed) {
        Map<Promotion, List<String>> byPromotion = new EnumMap<>(Promotion.class);
        computed.students().stream().filter(StudentResults::complete).forEach(s -> byPromotion
                .computeIfAbsent(s.promotion(), p -> new java.util.ArrayList<>()).add(label(s)));
        List<String> titled = computed.students().stream().filter(s -> s.title() != null)
                .map(s -> label(s) + ": " + s.title()).toList();
        return new Lists(byPromotion, titled, computed.complete());
    }

    /** Records a summer retest result of one subject (TT22 Art. 14); the class results are recomputed. */
    public void retest(SchoolClass schoolClass, SubjectId subject, long studentId, String value, Actor by) {
        requireNot(schoolClass, Stage.FINAL, "Kết quả cuối năm của lớp " + schoolClass.code() + " đã chốt; không nhập thêm điểm kiểm tra lại.");
        GradeSubject gs = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn học mã số " + subject.value() + " không có ở lớp " + schoolClass.code() + "."));
        String where = "Điểm kiểm tra lại môn " + gs.subject().name() + ", học sinh mã số " + studentId;
        requireRetestOf(schoolClass, gs, studentId, where);
        BigDecimal score = null;
        String level = null;
        if (gs.subject().assessment() == AssessedBy.COMMENT) {
            level = value == null ? "" : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
            if (!level.equals("Đ") && !level.equals("CĐ")) {
                throw Rejected.invalid(where + ": chỉ nhận Đ hoặc CĐ.");
            }
        } else {
            score = policies.of(directory.year(schoolClass.yearId()).schoolId()).score(value == null ? "" : value, MarkKind.FINAL, where);
        }
        jdbc.sql("delete from retest_mark where class_id = ? and subject_id = ? and student_id = ?")
                .params(schoolClass.id().value(), subject.value(), studentId).update();
        jdbc.sql("insert into retest_mark (class_id, subject_id, student_id, score, level, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(schoolClass.id().value(), subject.value(), studentId, score, level, Timestamp.from(clock.instant()),
                        by.username()).update();
        audit.append(new AuditRecord(by, "RETEST_RECORDED", "retest " + schoolClass.code() + "/" + gs.subject().code()
                + "/student " + studentId, null, score != null ? score.toPlainString() : level, null, null));
        results.recomputeBeforeCommit(schoolClass);
    }

    /**
     * A retest mark belongs to a student of the class whom the engine sent to a retest in a subject failed for the
     * year (TT22 Art. 14), or who already has one in it (a typo corrected). Before, the subject's teacher could record
     * one at any time for any student id, even of another class, and it counted in the results like a real retest.
     */
    private void requireRetestOf(SchoolClass schoolClass, GradeSubject gs, long studentId, String where) {
        String code = students.roster(schoolClass.id()).stream().filter(e -> e.student().id().value() == studentId)
                .map(e -> e.student().profile().code()).findFirst()
                .orElseThrow(() -> Rejected.invalid(where + ": học sinh không có tên trong lớp " + schoolClass.code() + "."));
        boolean entered = jdbc.sql("select count(*) from retest_mark where class_id = ? and subject_id = ? and student_id = ?")
                .params(schoolClass.id().value(), gs.subject().id().value(), studentId).query(Long.class).single() > 0;
        if (entered) {
            return;
        }
        StudentResults student = results.compute(schoolClass).students().stream().filter(r -> r.code().value().equals(code))
                .findFirst().orElse(null);
        SubjectResult subject = student == null ? null : student.subjects().get(new SubjectCode(gs.subject().code()));
        if (student == null || student.promotion() != Promotion.RETEST_PENDING || subject == null || !subject.failedYear()) {
            throw Rejected.invalid(where + " (" + code + "): học sinh không phải kiểm tra lại môn này; chỉ nhập điểm kiểm tra "
                    + "lại cho học sinh trong danh sách kiểm tra lại, ở môn có kết quả cả năm chưa đạt.");
        }
    }

    /** Records a stage of the year-end decision after checking that the class is ready for it. */
    public void decide(SchoolClass schoolClass, Stage stage, String note, Actor by) {
        // one read of the class's gradebook for the checks and the hash recorded (it was read twice per decision)
        ClassResults computed = results.compute(schoolClass);
        Lists lists = lists(computed);
        if (!lists.complete()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa đủ điểm và xếp loại cả năm; hãy xem danh sách còn thiếu.");
        }
        requireOrder(schoolClass, stage);
        if (stage == Stage.SUMMER && lists.summerWorkPending()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + ": còn học sinh chưa có kết quả kiểm tra lại hoặc rèn luyện hè: "
                    + pending(lists) + ".");
        }
        if (stage == Stage.FINAL && lists.summerWorkPending()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " còn học sinh chờ kiểm tra lại hoặc rèn luyện hè: "
                    + pending(lists) + ". Hãy nhập kết quả trước khi chốt.");
        }
        String sha = Sha256.hex(new ResultsJson(false).write(computed));
        jdbc.sql("insert into year_end_decision (class_id, stage, decided_by, decided_at, results_sha256, note) values (?, ?, ?, ?, ?, ?)")
                .params(schoolClass.id().value(), stage.name(), by.username(), Timestamp.from(clock.instant()), sha, note)
                .update();
        audit.append(new AuditRecord(by, "YEAR_END_" + stage, "year-end " + schoolClass.code(), null, sha, note, null));
    }

    /**
     * The principal sends the class's proposed lists ({@link Stage#PROPOSED}) or its confirmed summer results
     * ({@link Stage#SUMMER}) back to the homeroom teacher with a reason (domain.md §2.5): that decision is kept,
     * marked REOPENED with who, when and why, so the class is again where the homeroom teacher proposes (or
     * confirms the summer results) and the principal decides afresh. Only the principal; a reason is required.
     */
    public Rejection reject(SchoolClass schoolClass, Stage stage, String reason, Actor by) {
        if (!"PRINCIPAL".equals(by.role())) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng không duyệt kết quả cuối năm của lớp " + schoolClass.code() + ".");
        }
        if (stage != Stage.PROPOSED && stage != Stage.SUMMER) {
            throw Rejected.invalid("Chỉ trả lại được danh sách GVCN đề nghị hoặc kết quả hè GVCN đã xác nhận.");
        }
        String what = stage == Stage.PROPOSED ? "danh sách lên lớp, khen thưởng" : "kết quả sau kiểm tra lại, rèn luyện hè";
        String why = reason == null ? "" : Normalizer.normalize(reason.strip(), Normalizer.Form.NFC);
        if (why.isEmpty()) {
            throw Rejected.invalid("Cần ghi lí do không duyệt " + what + " của lớp " + schoolClass.code() + ".");
        }
        if (why.length() > 2000 || why.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw Rejected.invalid("Lí do không duyệt của lớp " + schoolClass.code() + " dài quá 2000 ký tự hoặc có ký tự điều khiển.");
        }
        Long id = jdbc.sql("select id from year_end_decision where class_id = ? and status = 'ACTIVE' and stage = ? "
                + "and id = (select max(id) from year_end_decision where class_id = ? and status = 'ACTIVE')")
                .params(schoolClass.id().value(), stage.name(), schoolClass.id().value()).query(Long.class).optional()
                .orElseThrow(() -> Rejected.conflict("Lớp " + schoolClass.code() + " không có " + what
                        + " nào đang chờ Hiệu trưởng duyệt."));
        java.time.Instant now = clock.instant();
        jdbc.sql("update year_end_decision set status = 'REOPENED', reopened_by = ?, reopened_at = ?, reopen_reason = ? where id = ?")
                .params(by.username(), Timestamp.from(now), why, id).update();
        audit.append(new AuditRecord(by, "YEAR_END_REJECTED", "year-end " + schoolClass.code(), stage.name(), "REOPENED", why,
                "year-end decision " + id));
        return new Rejection(id, stage, by.username(), now, why);
    }

    /** The last decision of the class the principal sent back, if any. */
    @Transactional(readOnly = true)
    public Optional<Rejection> lastRejection(SchoolClass schoolClass) {
        return jdbc.sql("select id, stage, reopened_by, reopened_at, reopen_reason from year_end_decision where class_id = ? "
                + "and status = 'REOPENED' order by reopened_at desc, id desc limit 1").param(schoolClass.id().value())
                .query((rs, n) -> new Rejection(rs.getLong(1), Stage.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).optional();
    }

    /** The class's current stage: its latest decision not sent back. */
    @Transactional(readOnly = true)
    public Optional<Stage> latest(SchoolClass schoolClass) {
        return jdbc.sql("select stage from year_end_decision where class_id = ? and status = 'ACTIVE' order by id desc limit 1")
                .param(schoolClass.id().value()).query(String.class).optional().map(Stage::valueOf);
    }

    /** The current stage of every class of the year that has one (class id → stage), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Stage> latestOfYear(vn.hocba.schoolyear.SchoolYearId year) {
        Map<Long, Stage> stages = new java.util.HashMap<>();
        jdbc.sql("select d.class_id, d.stage from year_end_decision d join school_class c on c.id = d.class_id "
                + "where c.school_year_id = ? and d.status = 'ACTIVE' order by d.id").param(year.value())
                .query(rs -> {
                    stages.put(rs.getLong(1), Stage.valueOf(rs.getString(2)));
                });
        return stages;
    }

    /** When {@code stage} was last decided for the class (and not sent back), if it was. */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> decidedAt(SchoolClass schoolClass, Stage stage) {
        return jdbc.sql("select decided_at from year_end_decision where class_id = ? and stage = ? and status = 'ACTIVE' "
                + "order by id desc limit 1")
                .params(schoolClass.id().value(), stage.name()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * The order of the stages: the lists are approved after a proposal, the summer results confirmed after the
     * approval, the final decisions taken on the confirmed summer results — or right after the approval when
     * there was no summer work. Once the principal sent the summer results back, only a new confirmation leads on.
     */
    private void requireOrder(SchoolClass schoolClass, Stage stage) {
        Optional<Stage> latest = latest(schoolClass);
        boolean ok = switch (stage) {
            case PROPOSED -> true;
            case APPROVED -> latest.filter(s -> s == Stage.PROPOSED).isPresent();
            case SUMMER -> latest.filter(s -> s == Stage.APPROVED).isPresent();
            case FINAL -> latest.filter(s -> s == Stage.SUMMER).isPresent()
                    || latest.filter(s -> s == Stage.APPROVED).isPresent() && !summerSentBack(schoolClass);
        };
        if (!ok) {
            Stage before = switch (stage) {
                case APPROVED -> Stage.PROPOSED;
                case SUMMER -> Stage.APPROVED;
                default -> Stage.SUMMER;
            };
            throw Rejected.conflict("Lớp " + schoolClass.code() + ": bước «" + stage.label() + "» cần bước «" + before.label()
                    + "» trước" + latest.map(s -> " (bước gần nhất: «" + s.label() + "»)").orElse(" (chưa có bước nào)") + ".");
        }
    }

    private boolean summerSentBack(SchoolClass schoolClass) {
        return jdbc.sql("select count(*) from year_end_decision where class_id = ? and stage = 'SUMMER' and status = 'REOPENED'")
                .param(schoolClass.id().value()).query(Long.class).single() > 0;
    }

    private void requireNot(SchoolClass schoolClass, Stage stage, String message) {
        if (latest(schoolClass).filter(s -> s == stage).isPresent()) {
            throw Rejected.conflict(message);
        }
    }

    private static String pending(Lists lists) {
        return Stream.of(Promotion.SUMMER_TRAINING_PENDING, Promotion.RETEST_PENDING)
                .flatMap(p -> lists.byPromotion().getOrDefault(p, List.of()).stream()).collect(Collectors.joining(", "));
    }

    private static String label(StudentResults s) {
        return s.code().value() + " " + s.fullName();
    }
}
