package vn.hocba.web.approvals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.workflow.PendingApprovals.PendingApproval;
import vn.hocba.common.TermName;

/**
 * What the principal sees before deciding: for a term, what is still missing and every sign-off with
 * the SHA-256 of the content signed; for a correction, the mark, old and new value, reasons and the
 * missed deadline; for the year end, the lists by promotion.
 */
@Component
class ApprovalCards {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One fact shown on a card; {@code code} facts (hashes) are printed in monospace and may wrap. */
    record Fact(String label, String value, boolean code) {
        static Fact of(String label, String value) {
            return new Fact(label, value, false);
        }
    }

    /** One open decision as a card; {@code path} is where its forms post (null: nothing to decide here). */
    record Card(String id, String title, String since, List<Fact> facts, List<String> details, String path,
            boolean rejectable, boolean lateOverride, String link, String linkText) {
    }

    private final SchoolDirectory directory;
    private final SignOffs signOffs;
    private final Readiness readiness;
    private final Corrections corrections;
    private final StudentRegistry students;
    private final Accounts accounts;
    private final YearEnd yearEnd;

    ApprovalCards(SchoolDirectory directory, SignOffs signOffs, Readiness readiness, Corrections corrections,
            StudentRegistry students, Accounts accounts, YearEnd yearEnd) {
        this.directory = directory;
        this.signOffs = signOffs;
        this.readiness = readiness;
        this.corrections = corrections;
        this.students = students;
        this.accounts = accounts;
        this.yearEnd = yearEnd;
    }

    Card of(PendingApproval pending) {
        return switch (pending.kind()) {
            case TERM -> term(pending);
            case YEAR_END, YEAR_END_FINAL -> yearEnd(pending);
            case CORRECTION -> correction(pending);
            case SIGN_DOCUMENTS, ARCHIVE_PACKAGE -> documents(pending);
        };
    }

    private Card term(PendingApproval p) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(p.classId()));
        int term = p.term();
        List<Fact> facts = new ArrayList<>();
        List<MissingEntry> missing = readiness.missing(schoolClass, term);
        facts.add(Fact.of("Còn thiếu", missing.isEmpty() ? "Không thiếu điểm, nhận xét hay xếp loại nào" : missing.size() + " mục"));
        List<SignOff> active = signOffs.of(schoolClass, term).stream().filter(SignOff::active).toList();
        facts.add(Fact.of("GVBM đã ký", subjectsSigned(active) + " môn"));
        active.stream().filter(s -> s.kind() == SignOff.Kind.HOMEROOM).findFirst().ifPresent(h -> {
            facts.add(Fact.of("GVCN ký xác nhận", name(h.signedBy()) + ", " + when(h.signedAt())));
            facts.add(new Fact("SHA-256 GVCN đã ký", h.contentSha256(), true));
        });
        List<String> details = missing.stream().limit(10).map(MissingEntry::message).toList();
        return new Card("hoc-ki-" + schoolClass.id().value() + "-" + term,
                "Chốt học kì " + TermName.roman(term) + " · Lớp " + schoolClass.code(), when(p.since()), facts, details,
                "/duyet/lop/" + schoolClass.id().value() + "/hoc-ki/" + term, true, false, null, null);
    }

    /**
     * The subjects with an active sign-off. Co-teachers of an integrated subject each sign it, so counting sign-offs
     * would say "15 môn" for a class of 12 subjects.
     */
    static long subjectsSigned(List<SignOff> active) {
        return active.stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT).map(SignOff::subjectId).distinct().count();
    }

    private Card yearEnd(PendingApproval p) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(p.classId()));
        boolean last = p.kind() == vn.hocba.workflow.PendingApprovals.Kind.YEAR_END_FINAL;
        YearEnd.Lists lists = yearEnd.lists(schoolClass);
        List<Fact> facts = new ArrayList<>();
        lists.byPromotion().forEach((promotion, names) -> facts.add(Fact.of(promotion.label(), names.size() + " học sinh")));
        facts.add(Fact.of("Khen thưởng", lists.titled().size() + " học sinh"));
        yearEnd.lastRejection(schoolClass).ifPresent(r -> facts.add(Fact.of("Lần trước không duyệt",
                name(r.by()) + ", " + when(r.at()) + ": " + r.reason())));
        return new Card((last ? "sau-he-" : "cuoi-nam-") + schoolClass.id().value(),
                (last ? "Kết quả sau đánh giá lại" : "Danh sách lên lớp, khen thưởng") + " · Lớp " + schoolClass.code(),
                when(p.since()), facts, List.of(),
                "/duyet/lop/" + schoolClass.id().value() + (last ? "/sau-he" : "/cuoi-nam"), true, false,
                "/lop/" + schoolClass.id().value() + "/cuoi-nam", "Xem danh sách từng học sinh của lớp " + schoolClass.code());
    }

    private Card correction(PendingApproval p) {
        CorrectionRequest r = corrections.find(p.correctionId());
        SchoolClass schoolClass = directory.schoolClass(new ClassId(r.classId()));
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Học sinh", students.student(new StudentId(r.studentId())).profile().fullName()));
        facts.add(Fact.of("Môn, học kì", subjectName(schoolClass, r.subjectId()) + ", học kì " + TermName.roman(r.term())));
        facts.add(Fact.of("Cột điểm", column(r)));
        facts.add(Fact.of("Điểm cũ → điểm mới", mark(r.oldValue()) + " → " + mark(r.newValue())));
        facts.add(Fact.of("Lí do", r.reason()));
        facts.add(Fact.of("GVBM đề nghị", name(r.requestedBy()) + ", " + when(r.requestedAt())));
        if (r.confirmedBy() != null) {
            facts.add(Fact.of("GVCN xác nhận", name(r.confirmedBy()) + ", " + when(r.confirmedAt())));
        }
        LocalDate missed = corrections.missedDeadline(r);
        if (missed != null) {
            facts.add(Fact.of("Quá hạn", "Gửi sau hạn " + DAY.format(missed) + ": cần ghi lí do cho phép sửa quá hạn"));
        }
        return new Card("sua-diem-" + r.id(), "Đề nghị sửa điểm số " + r.id() + " · Lớp " + schoolClass.code(),
                when(p.since()), facts, List.of(), "/duyet/sua-diem/" + r.id(), true, missed != null, null, null);
    }

    private Card documents(PendingApproval p) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(p.classId()));
        return new Card("ky-" + schoolClass.id().value(), "Ký số học bạ · Lớp " + schoolClass.code(), when(p.since()),
                List.of(), List.of(), null, false, false, "/lop/" + schoolClass.id().value() + "/tai-lieu",
                "Xem và ký văn bản của lớp " + schoolClass.code());
    }

    private String subjectName(SchoolClass schoolClass, long subjectId) {
        return directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(t -> t.subject().id().value() == subjectId).map(t -> t.subject().name()).findFirst()
                .orElse("môn " + subjectId);
    }

    private static String column(CorrectionRequest r) {
        return switch (r.kind()) {
            case REGULAR -> "ĐĐGtx cột " + r.column();
            case MIDTERM -> "ĐĐGgk";
            case FINAL -> "ĐĐGck";
        };
    }

    /** Marks as the school writes them: 8,5 (TT22 documents use the decimal comma). */
    static String mark(String value) {
        return value == null ? "—" : value.replace('.', ',');
    }

    String name(String username) {
        return accounts.byUsername(username).map(a -> a.displayName()).orElse(username);
    }


    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    static String when(Date date) {
        return date == null ? "" : WHEN.format(date.toInstant());
    }
}
