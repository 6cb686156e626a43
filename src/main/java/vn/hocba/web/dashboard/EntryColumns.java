package vn.hocba.web.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.EntryColumnDeadlines;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.schoolyear.TermDates;

/**
 * Mark entry per teacher, class, subject and column of a term against each column's deadline
 * ({@link EntryColumnDeadlines}): filled cells of how many, the deadline and the rule it comes from, and
 * "Quá hạn" once the deadline has passed with cells still empty. Who is behind comes first.
 */
@Component
class EntryColumns {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One column of one teaching assignment. */
    record ColumnRow(String label, int entered, int required, String deadline, String rule, String state, boolean overdue,
            boolean complete) {
    }

    /** One teacher's class × subject in the term, with its columns; {@code overdue} counts the overdue columns. */
    record Group(long teacherId, String teacherName, String classCode, int grade, String subjectCode, String subjectName,
            int entered, int required, int overdue, List<ColumnRow> columns) {

        public int missing() {
            return required - Math.min(entered, required);
        }

        public String id() {
            return "cot-" + teacherId + "-" + classCode + "-" + subjectCode;
        }
    }

    private final EntryProgress progress;
    private final AssessmentCalendar calendar;
    private final Clock clock;

    EntryColumns(EntryProgress progress, AssessmentCalendar calendar, Clock clock) {
        this.progress = progress;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The deadlines of {@code term} of the year. */
    EntryColumnDeadlines deadlines(AcademicYear year, int term) {
        LocalDate end = year.terms().stream().filter(t -> t.number() == term).map(TermDates::endsOn).findFirst().orElseThrow();
        return EntryColumnDeadlines.of(term, end, calendar.of(year.id().value()));
    }

    /** Every teaching assignment's columns in {@code term} (of {@code grade} when given), behind first. */
    List<Group> groups(AcademicYear year, int term, Integer grade) {
        EntryColumnDeadlines deadlines = deadlines(year, term);
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return progress.columnsOfYear(year.id(), term).stream()
                .filter(a -> grade == null || a.assignment().schoolClass().grade() == grade)
                .map(a -> group(a, deadlines, today))
                .sorted(Comparator.comparingInt(Group::overdue).reversed().thenComparing(Comparator.comparingInt(Group::missing).reversed())
                        .thenComparing(Group::teacherName).thenComparing(Group::classCode).thenComparing(Group::subjectCode))
                .toList();
    }

    /** The group of {@code teacherId} in class {@code classCode}, subject {@code subjectCode}, if they teach it. */
    Optional<Group> group(AcademicYear year, int term, long teacherId, String classCode, String subjectCode) {
        return groups(year, term, null).stream().filter(g -> g.teacherId() == teacherId && g.classCode().equals(classCode)
                && g.subjectCode().equals(subjectCode)).findFirst();
    }

    /** The reminder text: the columns still missing cells, each with its count and deadline. */
    static String reminder(Group g, int term, String sender) {
        String missing = g.columns().stream().filter(c -> !c.complete())
                .map(c -> c.label() + " (" + c.entered() + "/" + c.required() + (c.overdue() ? ", quá hạn " : ", hạn ") + c.deadline() + ")")
                .collect(Collectors.joining(", "));
        return sender + " nhắc: môn " + g.subjectName() + " lớp " + g.classCode() + " học kì " + (term == 1 ? "I" : "II")
                + (missing.isEmpty() ? " đã đủ điểm." : " còn thiếu điểm ở " + missing + ". Đề nghị thầy/cô hoàn thành nhập điểm.");
    }

    private static Group group(EntryProgress.AssignmentColumns a, EntryColumnDeadlines deadlines, LocalDate today) {
        List<ColumnRow> rows = new ArrayList<>();
        int entered = 0;
        int required = 0;
        int overdue = 0;
        for (EntryProgress.Column c : a.columns()) {
            MarkKind kind = c.label().startsWith("TX") ? MarkKind.REGULAR : c.label().equals("GK") ? MarkKind.MIDTERM : MarkKind.FINAL;
            int number = kind == MarkKind.REGULAR ? Integer.parseInt(c.label().substring(2)) : 1;
            EntryColumnDeadlines.Deadline deadline = deadlines.of(kind, number, a.regularColumns());
            boolean complete = c.entered() >= c.required();
            boolean late = !complete && today.isAfter(deadline.date());
            long days = ChronoUnit.DAYS.between(today, deadline.date());
            String state = complete ? "Đủ" : late ? "Quá hạn " + (-days) + " ngày"
                    : days == 0 ? "Hạn hôm nay" : "Còn " + days + " ngày";
            rows.add(new ColumnRow(label(kind, number), c.entered(), c.required(), DAY.format(deadline.date()), deadline.rule(),
                    state, late, complete));
            entered += Math.min(c.entered(), c.required());
            required += c.required();
            overdue += late ? 1 : 0;
        }
        TeachingAssignment ta = a.assignment();
        return new Group(ta.teacher().id().value(), ta.teacher().fullName(), ta.schoolClass().code(), ta.schoolClass().grade(),
                ta.subject().code(), ta.subject().name(), entered, required, overdue, rows);
    }

    private static String label(MarkKind kind, int number) {
        return switch (kind) {
            case REGULAR -> "ĐĐGtx " + number;
            case MIDTERM -> "ĐĐGgk";
            case FINAL -> "ĐĐGck";
        };
    }
}
