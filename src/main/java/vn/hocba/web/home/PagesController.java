package vn.hocba.web.home;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
/** The web shell: login page and each person's home page with their roles and assignments. */
@Controller
class PagesController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final boolean cockpit;

    PagesController(AccessPolicy access, SchoolContext context, SchoolDirectory directory,
            @Value("${hocba.camunda.cockpit.enabled:false}") boolean cockpit) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.cockpit = cockpit;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        if ("locked".equals(error)) {
            model.addAttribute("error", "Tài khoản tạm khoá 15 phút do đăng nhập sai nhiều lần. "
                    + "Hãy thử lại sau hoặc liên hệ Ban quản trị.");
        } else if (error != null) {
            model.addAttribute("error", "Sai tên đăng nhập hoặc mật khẩu.");
        }
        if (logout != null) {
            model.addAttribute("info", "Bạn đã đăng xuất.");
        }
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        Viewer viewer = access.current();
        AcademicYear year = context.activeYear(viewer);
        List<SchoolClass> classes = directory.classes(year.id()).stream()
                .filter(c -> viewer.canReadClass(c.id())).toList();
        model.addAttribute("viewer", viewer);
        model.addAttribute("roles", viewer.roles().stream().sorted(Comparator.naturalOrder()).map(Role::title).toList());
        model.addAttribute("school", context.school(viewer));
        model.addAttribute("year", year);
        model.addAttribute("classes", classes);
        model.addAttribute("camunda", viewer.has(Role.ADMIN_BOARD) || viewer.has(Role.PRINCIPAL));
        // Cockpit (read-only) only where it is switched on, and only for the admin board.
        model.addAttribute("cockpit", cockpit && viewer.has(Role.ADMIN_BOARD));
        return "home";
    }
}
