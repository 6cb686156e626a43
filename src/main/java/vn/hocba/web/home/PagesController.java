package vn.hocba.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
/** The login page (the home page {@code /} is the person's tasks, {@code web.tasks.TasksPageController}). */
@Controller
class PagesController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired, @RequestParam(name = "doi-mat-khau", required = false) String changed,
            Model model) {
        if ("locked".equals(error)) {
            model.addAttribute("error", "Tài khoản tạm khoá 15 phút do đăng nhập sai nhiều lần. "
                    + "Hãy thử lại sau hoặc liên hệ Ban quản trị.");
        } else if ("busy".equals(error)) {
            model.addAttribute("error", vn.hocba.security.PasswordCheckTurns.BUSY);
        } else if (error != null) {
            model.addAttribute("error", "Sai tên đăng nhập hoặc mật khẩu.");
        }
        if (logout != null) {
            model.addAttribute("info", "Bạn đã đăng xuất.");
        }
        if (expired != null) {
            model.addAttribute("info", "Phiên làm việc đã hết hạn (sau 30 phút không thao tác) hoặc đã kết thúc. "
                    + "Hãy đăng nhập lại: bạn sẽ trở lại trang đang làm.");
        }
        if (changed != null) {
            model.addAttribute("info", "Đã đổi mật khẩu. Hãy đăng nhập lại bằng mật khẩu mới.");
        }
        return "login";
    }
}
