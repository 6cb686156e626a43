package vn.hocba.web.dashboard;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * "Tiến độ theo cột điểm" for the principal and vice principal: every teacher × class × subject of a term with
 * each mark column filled n of m against its deadline, overdue columns marked, who is behind first, and the
 * "Nhắc" button of the dashboard ({@code POST /truong/nhac}, back to this page).
 */
@Controller
class EntryColumnsPageController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final EntryColumns columns;
    private final Clock clock;

    EntryColumnsPageController(AccessPolicy access, SchoolContext context, SchoolDirectory directory, EntryColumns columns,
            Clock clock) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.columns = columns;
        this.clock = clock;
    }

    @GetMapping("/truong/tien-do")
    String byColumn(@RequestParam(required = false) Integer khoi, @RequestParam(required = false) Integer hk,
            @RequestParam(name = "tat-ca", required = false) String all, Model model) {
        Viewer viewer = access.requireLocking();
        AcademicYear year = context.activeYear(viewer);
        int term = hk != null && (hk == 1 || hk == 2) ? hk : DashboardPageController.currentTerm(year, clock);
        List<EntryColumns.Group> groups = columns.groups(year, term, khoi);
        boolean showAll = all != null;
        model.addAttribute("viewer", viewer);
        model.addAttribute("year", year);
        model.addAttribute("term", term);
        model.addAttribute("grade", khoi);
        model.addAttribute("showAll", showAll);
        model.addAttribute("grades", directory.classes(year.id()).stream().map(c -> c.grade()).distinct().sorted().toList());
        model.addAttribute("deadlines", columns.deadlines(year, term));
        model.addAttribute("groups", showAll ? groups : groups.stream().filter(g -> g.missing() > 0).toList());
        model.addAttribute("behind", groups.stream().filter(g -> g.overdue() > 0).count());
        model.addAttribute("incomplete", groups.stream().filter(g -> g.missing() > 0).count());
        model.addAttribute("total", groups.size());
        model.addAttribute("crumbs", List.of(Crumb.link("Tổng quan trường", "/truong"), Crumb.here("Tiến độ theo cột điểm")));
        return "entry-columns";
    }
}
