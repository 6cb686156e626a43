package vn.hocba.web.homeroom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.audit.Actor;
import vn.hocba.security.Viewer;

/**
 * What every page of a class's homeroom work shares: the right to read the whole class (checked by
 * {@link AccessPolicy}, as the API does), the class, the tabs between the pages and the breadcrumbs.
 * Writing is checked per action with {@link #homeroom(long)}: only the class's homeroom teacher.
 */
@Component
public class ClassPage {

    /** One entry of the breadcrumbs: a link, or the current page when {@code href} is null. */
    public record Crumb(String label, String href) {
    }

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final Clock clock;

    ClassPage(AccessPolicy access, SchoolDirectory directory, Clock clock) {
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    /** The term today falls in (the last one after the year's end, the first before it starts): the default of the tabs. */
    public int currentTerm(SchoolClass schoolClass) {
        LocalDate today = LocalDate.now(clock);
        List<TermDates> terms = directory.year(schoolClass.yearId()).terms();
        return terms.stream().filter(t -> t.contains(today)).mapToInt(TermDates::number).findFirst()
                .orElse(terms.stream().anyMatch(t -> t.endsOn().isBefore(today)) ? terms.get(terms.size() - 1).number() : 1);
    }

    /** The month whose attendance is due now (the previous month), kept within the year's terms. */
    public YearMonth currentMonth(SchoolClass schoolClass) {
        List<TermDates> terms = directory.year(schoolClass.yearId()).terms();
        YearMonth first = YearMonth.from(terms.get(0).startsOn());
        YearMonth last = YearMonth.from(terms.get(terms.size() - 1).endsOn());
        YearMonth due = YearMonth.now(clock).minusMonths(1);
        return due.isBefore(first) ? first : due.isAfter(last) ? last : due;
    }

    /** The class if the person may read all of it (homeroom teacher, school leaders); 403 naming the class otherwise. */
    public SchoolClass readable(long classId, String what, Model model) {
        Viewer viewer = access.requireReadWholeClass(new ClassId(classId), what);
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        model.addAttribute("viewer", viewer);
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("isHomeroom", viewer.isHomeroomTeacherOf(schoolClass.id()));
        model.addAttribute("homeroomTeacher", directory.homeroomOf(schoolClass.id()).map(h -> h.teacher().fullName()).orElse("—"));
        return schoolClass;
    }

    /** The actor of a homeroom teacher's change to the class; 403 for anyone else. */
    public Actor homeroom(long classId) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        return access.actor(viewer, Role.HOMEROOM_TEACHER);
    }

    /** Sets the page title, the active tab and the breadcrumbs "Lớp 7A1 › {section} › {detail}". */
    public void titled(Model model, SchoolClass schoolClass, String tab, String section, String detail) {
        String base = "/lop/" + schoolClass.id().value();
        model.addAttribute("tab", tab);
        if (!model.containsAttribute("term")) {
            model.addAttribute("navTerm", currentTerm(schoolClass));
        } else {
            model.addAttribute("navTerm", model.getAttribute("term"));
        }
        model.addAttribute("title", section + (detail == null ? "" : " · " + detail) + " · Lớp " + schoolClass.code());
        model.addAttribute("crumbs", detail == null
                ? List.of(new Crumb("Trang chủ", "/"), new Crumb("Lớp " + schoolClass.code(), base + "/chu-nhiem"), new Crumb(section, null))
                : List.of(new Crumb("Trang chủ", "/"), new Crumb("Lớp " + schoolClass.code(), base + "/chu-nhiem"),
                        new Crumb(section, null), new Crumb(detail, null)));
    }

    /** Term 1 or 2 of a page address; anything else is a 404 saying which terms there are. */
    public static int term(int term) {
        if (term != 1 && term != 2) {
            throw Rejected.notFound("Học kì " + term + " không có: chọn học kì 1 hoặc 2.");
        }
        return term;
    }
}
