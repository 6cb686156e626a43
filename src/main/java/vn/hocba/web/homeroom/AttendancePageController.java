package vn.hocba.web.homeroom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.gradebook.homeroom.HomeroomRecords;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.notifications.Notifications;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.PersonNames;

/**
 * Điểm danh of one month: the P/K days of every student (as the gradebook stores them, one row per
 * absent day), recording a day, the month's confirmation and where the reminders stand.
 */
@Controller
class AttendancePageController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One student's row: the mark of each day of the month ("" when present) and the totals. */
    record Row(long studentId, int number, String code, String name, List<String> days, long excused, long unexcused) {
    }

    private final ClassPage page;
    private final HomeroomRecords records;
    private final AttendanceMonths months;
    private final StudentRegistry students;
    private final Notifications notifications;
    private final Clock clock;
    private final PersonNames people;

    AttendancePageController(ClassPage page, HomeroomRecords records, AttendanceMonths months, StudentRegistry students,
            Notifications notifications, Clock clock, PersonNames people) {
        this.page = page;
        this.records = records;
        this.months = months;
        this.students = students;
        this.notifications = notifications;
        this.clock = clock;
        this.people = people;
    }

    @GetMapping("/lop/{classId}/diem-danh")
    String due(@PathVariable long classId, Model model) {
        SchoolClass schoolClass = page.readable(classId, "điểm danh của lớp", model);
        return "redirect:/lop/" + classId + "/diem-danh/" + page.currentMonth(schoolClass);
    }

    @GetMapping("/lop/{classId}/diem-danh/{month}")
    String month(@PathVariable long classId, @PathVariable YearMonth month, Model model) {
        SchoolClass schoolClass = page.readable(classId, "điểm danh của lớp", model);
        List<MonthConfirmation> year = months.months(schoolClass, 0);
        MonthConfirmation status = year.stream().filter(m -> m.month().equals(month)).findFirst()
                .orElseThrow(() -> Rejected.notFound("Tháng " + MonthConfirmation.label(month) + " không thuộc năm học của lớp "
                        + schoolClass.code() + "."));
        page.titled(model, schoolClass, "attendance", "Điểm danh", "Tháng " + MonthConfirmation.label(month));
        model.addAttribute("month", month);
        model.addAttribute("monthLabel", MonthConfirmation.label(month));
        model.addAttribute("months", year);
        model.addAttribute("status", status);
        model.addAttribute("statusText", statusText(status));
        model.addAttribute("days", IntStream.rangeClosed(1, month.lengthOfMonth()).boxed().toList());
        model.addAttribute("rows", rows(schoolClass, month));
        model.addAttribute("reminders", reminders(model, schoolClass, month));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AbsenceForm(null, null, "P"));
        }
        return "homeroom/attendance";
    }

    /** What was typed in the form, kept when a save is refused. */
    record AbsenceForm(Long studentId, Integer day, String kind) {
    }

    @PostMapping("/lop/{classId}/diem-danh/{month}/nghi")
    String absence(@PathVariable long classId, @PathVariable YearMonth month, @RequestParam(required = false) Long studentId,
            @RequestParam(required = false) Integer day, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String tu, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "điểm danh của lớp", model);
        AbsenceForm form = new AbsenceForm(studentId, day, kind);
        try {
            if (studentId == null || day == null || day < 1 || day > month.lengthOfMonth()) {
                throw Rejected.invalid("Hãy chọn học sinh và ngày (1–" + month.lengthOfMonth() + ") của tháng "
                        + MonthConfirmation.label(month) + ".");
            }
            String value = kind == null || kind.isBlank() ? null : kind;
            records.absence(schoolClass, studentId, month.atDay(day), value, by);
            redirect.addFlashAttribute("saved", "Đã lưu: " + studentName(schoolClass, studentId) + ", ngày "
                    + DAY.format(month.atDay(day)) + ": " + (value == null ? "đi học (đã xoá ngày nghỉ)" : value.equals("P")
                            ? "nghỉ có phép (P)" : "nghỉ không phép (K)") + ".");
            // A click in the table ("tu=bang") comes back to the cell just changed, not to the top of a long page.
            return "redirect:/lop/" + classId + "/diem-danh/" + month + ("bang".equals(tu) ? "#ngay-" + studentId + "-" + day : "");
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return month(classId, month, model);
        }
    }

    @PostMapping("/lop/{classId}/diem-danh/{month}/xac-nhan")
    String confirm(@PathVariable long classId, @PathVariable YearMonth month, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "điểm danh của lớp", model);
        try {
            months.confirm(schoolClass, month, by);
            redirect.addFlashAttribute("saved", "Đã xác nhận điểm danh tháng " + MonthConfirmation.label(month) + ".");
            return "redirect:/lop/" + classId + "/diem-danh/" + month;
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            return month(classId, month, model);
        }
    }

    private List<Row> rows(SchoolClass schoolClass, YearMonth month) {
        Map<Long, Map<Integer, String>> marks = records.days(schoolClass, month).stream().collect(Collectors.groupingBy(
                HomeroomRecords.AbsenceDay::studentId,
                Collectors.toMap(d -> d.day().getDayOfMonth(), d -> d.excused() ? "P" : "K")));
        return students.roster(schoolClass.id()).stream().map(e -> {
            Map<Integer, String> mine = marks.getOrDefault(e.student().id().value(), Map.of());
            List<String> days = IntStream.rangeClosed(1, month.lengthOfMonth()).mapToObj(d -> mine.getOrDefault(d, "")).toList();
            return new Row(e.student().id().value(), e.numberInClass(), e.student().profile().code(), e.student().profile().fullName(),
                    days, mine.values().stream().filter("P"::equals).count(), mine.values().stream().filter("K"::equals).count());
        }).toList();
    }

    private String statusText(MonthConfirmation m) {
        LocalDate today = LocalDate.now(clock);
        if (m.confirmed()) {
            return "Đã xác nhận lúc " + TIME.format(m.confirmedAt().atZone(SCHOOL_ZONE)) + " bởi " + people.of(m.confirmedBy())
                    + (m.late() ? ", muộn so với hạn " + DAY.format(m.deadline()) + "." : ", đúng hạn.");
        }
        if (today.isBefore(m.month().plusMonths(1).atDay(1))) {
            return "Tháng chưa kết thúc: xác nhận từ ngày " + DAY.format(m.month().plusMonths(1).atDay(1)) + ", hạn chót "
                    + DAY.format(m.deadline()) + ".";
        }
        if (!today.isAfter(m.deadline())) {
            return "Chưa xác nhận; hạn chót " + DAY.format(m.deadline()) + ". Từ ngày 1 hệ thống nhắc GVCN mỗi ngày đến khi xác nhận.";
        }
        return "Quá hạn từ " + DAY.format(m.deadline()) + ": GVCN được nhắc, Phó hiệu trưởng được báo. Hãy hoàn tất và xác nhận.";
    }

    /** The reminders the homeroom teacher received about this class and month. */
    private List<String> reminders(Model model, SchoolClass schoolClass, YearMonth month) {
        var viewer = (vn.hocba.security.Viewer) model.getAttribute("viewer");
        String about = "tháng " + MonthConfirmation.label(month);
        return notifications.of(viewer.account().username()).stream()
                .filter(n -> n.kind().startsWith("ATTENDANCE") && n.message().contains(about)
                        && n.message().contains("lớp " + schoolClass.code()))
                .map(n -> TIME.format(n.createdAt().atZone(SCHOOL_ZONE)) + ": " + n.message()).toList();
    }

    private String studentName(SchoolClass schoolClass, long studentId) {
        return students.roster(schoolClass.id()).stream().filter(e -> e.student().id().value() == studentId)
                .map(EnrolledStudent::student).map(s -> s.profile().fullName()).findFirst().orElse("học sinh " + studentId);
    }

}
