package vn.hocba.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.security.Viewer;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.ProcessFaults;
import vn.hocba.workflow.ProcessFaults.Fault;

/**
 * "Sự cố quy trình" on the admin board (issue 18, item 3): the steps of the school's processes that the
 * engine runs by itself and that failed — class and year, the step as users know it, its message, tries
 * left, next try, failing since — and "Thử lại ngay" for one of them once its cause is fixed
 * ({@link ProcessFaults#retryNow}, audited). Without Cockpit, which is off by default.
 */
@Controller
class ProcessFaultsPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** One failing step as shown: its times in Vietnam time and what the engine will do next. */
    record Row(Fault fault, String failingSince, String next) {

        static Row of(Fault f) {
            String next = f.incident() ? "Hết lượt tự thử lại: bước dừng cho đến khi được thử lại"
                    : "Còn " + f.retriesLeft() + " lần tự thử lại" + (f.nextRetry() == null ? ", lần tới: ngay khi hệ thống rảnh"
                            : ", lần tới lúc " + time(f.nextRetry()));
            return new Row(f, time(f.failingSince()), next);
        }

        private static String time(Instant instant) {
            return instant == null ? "—" : TIME.format(instant);
        }
    }

    private final AdminPages pages;
    private final SchoolContext context;
    private final ProcessFaults faults;

    ProcessFaultsPageController(AdminPages pages, SchoolContext context, ProcessFaults faults) {
        this.pages = pages;
        this.context = context;
        this.faults = faults;
    }

    @GetMapping("/quan-tri/su-co")
    String list(Model model) {
        Viewer viewer = pages.board();
        model.addAttribute("rows", faults.open(context.school(viewer).id()).stream().map(Row::of).toList());
        model.addAttribute("crumbs", List.of(Crumb.here("Sự cố quy trình")));
        return "admin/process-faults";
    }

    @PostMapping("/quan-tri/su-co/{jobId}/thu-lai")
    String retry(@PathVariable String jobId, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        return pages.change(flash, "/quan-tri/su-co", Map.of(), () -> {
            Fault f = faults.retryNow(jobId, context.school(viewer).id(), pages.actor(viewer), viewer.account().displayName());
            return "Đã cho thử lại ngay bước «" + f.step() + "»" + (f.classCode() == null ? "" : " của lớp " + f.classCode())
                    + ". Hệ thống chạy bước này trong giây lát; tải lại trang để xem kết quả.";
        });
    }
}
