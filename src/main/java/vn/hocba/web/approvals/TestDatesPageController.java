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
import vn.hocba.audit.Actor;
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
 * with the reason beside it, and the others are saved. An emptied field removes its date through
 * {@link AssessmentCalendar#remove} ({@code DELETE /api/assessment-dates/{term}/{kind}}); a refused removal shows the
 * date still recorded with the reason.
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
        Outcome outcome = new Outcome();
        for (TestDateField field : fields(calendar.of(year.id().value()), Map.of(), Map.of())) {
            String value = form.containsKey(field.name()) ? form.get(field.name()).trim() : field.value(); // not sent: unchanged
            if (value.equals(field.value())) {
                continue;
            }
            try {
                change(year, field, value, access.actor(viewer, Role.PRINCIPAL), outcome);
            } catch (Rejected e) {
                if (!value.isEmpty()) {
                    outcome.typed.put(field.name(), value); // a refused removal shows the date still recorded
                }
                outcome.errors.put(field.name(), field.label() + ": " + e.getMessage());
            }
        }
        flash.addFlashAttribute("datesTyped", outcome.typed);
        flash.addFlashAttribute("datesErrors", outcome.errors);
        flash.addFlashAttribute("datesSaved", outcome.done());
        return "redirect:/duyet#" + ANCHOR;
    }

    /** What one save did: dates recorded and removed, refused values as typed, each refusal's reason by field. */
    private static final class Outcome {
        final List<String> saved = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final Map<String, String> typed = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();

        /** "Đã ghi ngày kiểm tra: …. Đã xoá ngày kiểm tra: …."; null when refusals were all that happened. */
        String done() {
            List<String> done = new ArrayList<>();
            if (!saved.isEmpty()) {
                done.add("Đã ghi ngày kiểm tra: " + String.join(", ", saved) + ".");
            }
            if (!removed.isEmpty()) {
                done.add("Đã xoá ngày kiểm tra: " + String.join(", ", removed) + ".");
            }
            return !done.isEmpty() ? String.join(" ", done) : errors.isEmpty() ? "Không có ngày nào thay đổi." : null;
        }
    }

    /** Records the typed date, or removes the recorded one when the field was emptied (as clearing a grid cell does). */
    private void change(AcademicYear year, TestDateField field, String value, Actor by, Outcome outcome) {
        if (value.isEmpty()) {
            calendar.remove(year, field.term(), field.kind(), by);
            outcome.removed.add(field.label() + " (" + field.value() + ")");
            return;
        }
        LocalDate date = parse(value);
        if (!DAY.format(date).equals(field.value())) { // 9/3/2026 for the recorded 09/03/2026: nothing to record again
            calendar.set(year, field.term(), field.kind(), date, by);
            outcome.saved.add(field.label() + " " + DAY.format(date));
        }
    }

    /** The typed date, or a refusal naming the field, what was typed and the expected form. */
    private static LocalDate parse(String value) {
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
