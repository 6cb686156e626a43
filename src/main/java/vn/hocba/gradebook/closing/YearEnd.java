package vn.hocba.gradebook.closing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
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
import vn.hocba.grading.json.ResultsJson;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
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

    /** Stages of the year-end decision. */
    public enum Stage { PROPOSED, APPROVED, FINAL }

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
    private final Clock clock;

    public YearEnd(JdbcClient jdbc, SchoolDirectory directory, ClassResultsStore results, EntryPolicies policies,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.results = results;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Lists lists(SchoolClass schoolClass) {
        ClassResults computed = results.compute(schoolClass);
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

    /** Records a stage of the year-end decision after checking that the class is ready for it. */
    public void decide(SchoolClass schoolClass, Stage stage, String note, Actor by) {
        Lists lists = lists(schoolClass);
        if (!lists.complete()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " chưa đủ điểm và xếp loại cả năm; hãy xem danh sách còn thiếu.");
        }
        Stage required = stage == Stage.PROPOSED ? null : stage == Stage.APPROVED ? Stage.PROPOSED : Stage.APPROVED;
        if (required != null && latest(schoolClass).filter(s -> s == required).isEmpty()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + ": bước này cần bước " + required + " trước.");
        }
        if (stage == Stage.FINAL && lists.summerWorkPending()) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " còn học sinh chờ kiểm tra lại hoặc rèn luyện hè: "
                    + pending(lists) + ". Hãy nhập kết quả trước khi chốt.");
        }
        String sha = Sha256.hex(new ResultsJson(false).write(results.compute(schoolClass)));
        jdbc.sql("insert into year_end_decision (class_id, stage, decided_by, decided_at, results_sha256, note) values (?, ?, ?, ?, ?, ?)")
                .params(schoolClass.id().value(), stage.name(), by.username(), Timestamp.from(clock.instant()), sha, note)
                .update();
        audit.append(new AuditRecord(by, "YEAR_END_" + stage, "year-end " + schoolClass.code(), null, sha, note, null));
    }

    @Transactional(readOnly = true)
    public Optional<Stage> latest(SchoolClass schoolClass) {
        return jdbc.sql("select stage from year_end_decision where class_id = ? order by id desc limit 1")
                .param(schoolClass.id().value()).query(String.class).optional().map(Stage::valueOf);
    }

    /** When {@code stage} was last decided for the class, if it was. */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> decidedAt(SchoolClass schoolClass, Stage stage) {
        return jdbc.sql("select decided_at from year_end_decision where class_id = ? and stage = ? order by id desc limit 1")
                .params(schoolClass.id().value(), stage.name()).query(Timestamp.class).optional().map(Timestamp::toInstant);
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
