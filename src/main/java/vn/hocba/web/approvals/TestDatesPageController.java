package vn.hocba.web.approvals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.TermName;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.AssessmentCalendar.TestDate;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;

/**
 * "Ngày kiểm tra định kì" on Duyệt (guide28 finding 5): the principal types the mid-term and end-of-term test dates
 * of both terms as dd/MM/yyyy. Each changed date goes through {@link AssessmentCalendar#set} as
 * {@code PUT /api/assessment-dates/{term}/{kind}} does (the principal only, the term's range checked and the change
 * audited there) and is saved on its own, like a cell of the mark grid: a refused date keeps what was typed,
 * with the reason beside it, and the others are saved.
 */
@Controller
class TestDatesPageController {

    static final String ANCHOR = "ngay-kiem-tra";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    /** Also 9/3/2026; strict, so 31/02/2026 is refused instead of turned into 28/02. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** One date of the form: its field, what it is, the value shown (recorded, or typed into a refused save), the reason. */
    record TestDateField(String name, int term, MarkKind kind, String label, String value, String error) {
    }

    private final AccessPolicy access;
    private final SchoolContext context;
    private final AssessmentCalendar calendar;

    TestDatesPageController(AccessPolicy access, SchoolContext context, AssessmentCalendar calendar) {
        this.access = access;
        this.context = context;
        this.calendar = calendar;
    }

    /** The four dates as the form shows them: what was typed and refused, else what is recorded. */
    static List<TestDateField> fields(List<TestDate> recorded, Map<String, String> typed, Map<String, String> errors) {
        List<TestDateField> fields = new ArrayList<>();
        for (int term = 1; term <= 2; term++) {
            for (MarkKind kind : List.of(MarkKind.MIDTERM, MarkKind.FINAL)) {
                String name = name(term, kind);
                String shown = typed.containsKey(name) ? typed.get(name) : recorded(recorded, term, kind).map(DAY::format).orElse("");
                fields.add(new TestDateField(name, term, kind, label(term, kind), shown, errors.get(name)));
            }
        }
        return fields;
    }

    @PostMapping("/duyet/ngay-kiem-tra")
    String save(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        Viewer viewer = access.requirePrincipal("được ghi ngày kiểm tra định kì");
        AcademicYear year = context.activeYear(viewer);
        List<TestDate> recorded = calendar.of(year.id().value());
        List<String> saved = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (TestDateField field : fields(recorded, Map.of(), Map.of())) {
            String value = form.getOrDefault(field.name(), "").trim();
            if (value.equals(field.value())) {
                continue;
            }
            try {
                LocalDate date = parse(field, value);
                if (DAY.format(date).equals(field.value())) {
                    continue; // 9/3/2026 for the recorded 09/03/2026: nothing to record again
                }
                calendar.set(year, field.term(), field.kind(), date, access.actor(viewer, Role.PRINCIPAL));
                saved.add(field.label() + " " + DAY.format(date));
            } catch (Rejected e) {
                typed.put(field.name(), value);
                errors.put(field.name(), field.label() + ": " + e.getMessage());
            }
        }
        flash.addFlashAttribute("datesTyped", typed);
        flash.addFlashAttribute("datesErrors", errors);
        flash.addFlashAttribute("datesSaved", saved.isEmpty() ? (errors.isEmpty() ? "Không có ngày nào thay đổi." : null)
                : "Đã ghi ngày kiểm tra: " + String.join(", ", saved) + ".");
        return "redirect:/duyet#" + ANCHOR;
    }

    /** The typed date, or a refusal naming the field, what was typed and the expected form. */
    private static LocalDate parse(TestDateField field, String value) {
        if (value.isEmpty()) {
            throw Rejected.invalid("không xoá được ngày đã ghi (" + field.value() + "); gõ ngày mới nếu cần dời ngày kiểm tra.");
        }
        try {
            return LocalDate.parse(value, TYPED);
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")
                    ? "«" + value + "» không phải ngày có thật; gõ ngày theo dạng ngày/tháng/năm, ví dụ 09/03/2026."
                    : "«" + value + "» không đúng dạng ngày/tháng/năm (dd/MM/yyyy), ví dụ 09/03/2026.");
        }
    }

    private static Optional<LocalDate> recorded(List<TestDate> recorded, int term, MarkKind kind) {
        return recorded.stream().filter(d -> d.term() == term && d.kind() == kind).map(TestDate::date).findFirst();
    }

    private static String name(int term, MarkKind kind) {
        return "hk" + term + "-" + kind.name().toLowerCase();
    }

    private static String label(int term, MarkKind kind) {
        return (kind == MarkKind.MIDTERM ? "Giữa kì" : "Cuối kì") + " học kì " + TermName.roman(term);
    }
}
