package vn.hocba.web.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.security.Viewer;

/**
 * A teacher's mark entry per class × subject of a term (n of m marks entered, {@link EntryProgress})
 * against the school's deadlines (seed 000 §V.3): half of the regular marks by the mid-term test,
 * every mark by the end-of-term test (the dates the principal recorded), else by the end of the term.
 */
@Component
class EntryDeadlines {

    /** One row of the landing page; {@code state} is what the teacher should read first. */
    record Row(String classCode, String subjectName, String href, int entered, int required, int percent,
            LocalDate deadline, String deadlineName, String state, boolean late) {
    }

    private final EntryProgress progress;
    private final AssessmentCalendar calendar;
    private final SchoolDirectory directory;
    private final Clock clock;

    EntryDeadlines(EntryProgress progress, AssessmentCalendar calendar, SchoolDirectory directory, Clock clock) {
        this.progress = progress;
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
    }

    /** The viewer's own lines in {@code term} (nothing for someone who teaches nothing). */
    List<Row> of(Viewer viewer, AcademicYear year, int term, Map<String, Long> subjectIds) {
        if (viewer.teaching().isEmpty() || viewer.account().staffId() == null) {
            return List.of();
        }
        String own = directory.staffMember(viewer.account().staffId()).code();
        Map<String, SchoolClass> classes = directory.classes(year.id()).stream()
                .collect(Collectors.toMap(SchoolClass::code, c -> c, (a, b) -> a));
        Map<String, String> subjectNames = viewer.teaching().stream()
                .collect(Collectors.toMap(t -> t.subject().code(), t -> t.subject().name(), (a, b) -> a));
        Optional<LocalDate> midterm = calendar.testDate(year.id().value(), term, MarkKind.MIDTERM);
        LocalDate end = calendar.testDate(year.id().value(), term, MarkKind.FINAL)
                .orElse(year.terms().stream().filter(t -> t.number() == term).map(TermDates::endsOn).findFirst().orElse(null));
        LocalDate today = LocalDate.now(clock);
        return progress.of(year.id(), term).stream().filter(l -> l.teacherCode().equals(own))
                .map(l -> row(l, classes.get(l.classCode()), subjectNames.getOrDefault(l.subjectCode(), l.subjectCode()),
                        subjectIds.get(l.subjectCode()), midterm.orElse(null), end, today, term))
                .toList();
    }

    private static Row row(EntryProgress.Line line, SchoolClass schoolClass, String subjectName, Long subjectId,
            LocalDate midterm, LocalDate end, LocalDate today, int term) {
        String href = schoolClass == null || subjectId == null ? null
                : "/lop/" + schoolClass.id().value() + "/mon/" + subjectId + "/hoc-ki/" + term + "/diem";
        int percent = line.required() == 0 ? 100 : line.entered() * 100 / line.required();
        boolean complete = line.entered() >= line.required();
        boolean beforeMidterm = midterm != null && !today.isAfter(midterm);
        LocalDate deadline = beforeMidterm ? midterm : end;
        String deadlineName = beforeMidterm ? "kiểm tra giữa kì (cần một nửa số cột thường xuyên)" : "cuối kì (cần đủ điểm)";
        boolean late = !complete && end != null && today.isAfter(end);
        String state;
        if (complete) {
            state = "Đã nhập đủ";
        } else if (late) {
            state = "Quá hạn: còn thiếu " + (line.required() - line.entered()) + " điểm";
        } else if (deadline == null) {
            state = "Còn thiếu " + (line.required() - line.entered()) + " điểm";
        } else {
            state = "Còn thiếu " + (line.required() - line.entered()) + " điểm, còn "
                    + ChronoUnit.DAYS.between(today, deadline) + " ngày";
        }
        return new Row(line.classCode(), subjectName, href, line.entered(), line.required(), percent, deadline,
                deadlineName, state, late);
    }
}
