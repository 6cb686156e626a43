package vn.hocba.web.homeroom;

import java.time.Clock;
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
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * What every page of a class's homeroom work shares: the right to read the whole class (checked by
 * {@link AccessPolicy}, as the API does), the class, the tabs between the pages and the breadcrumbs.
 * Writing is checked per action with {@link #homeroom(long)}: only the class's homeroom teacher.
 */
@Component
public class ClassPage {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final Clock clock;
    private final SchoolContext context;

    ClassPage(AccessPolicy access, SchoolDirectory directory, Clock clock, SchoolContext context) {
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.context = context;
    }

    /** The term today falls in (the school's current term): what the tabs open by default. */
    public int currentTerm(SchoolClass schoolClass) {
        return context.currentTerm(access.current());
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
        List<Crumb> crumbs = new java.util.ArrayList<>(List.of(Crumb.link("Trang chủ", "/"),
                Crumb.schoolClass(schoolClass, base + "/chu-nhiem"), detail == null ? Crumb.here(section) : Crumb.link(section, null)));
        if (detail != null) {
            crumbs.add(Crumb.here(detail));
        }
        model.addAttribute("crumbs", crumbs);
    }

    /** Term 1 or 2 of a page address; anything else is a 404 saying which terms there are. */
    public static int term(int term) {
        if (term != 1 && term != 2) {
            throw Rejected.notFound("Học kì " + term + " không có: chọn học kì 1 hoặc 2.");
        }
        return term;
    }
}
