package vn.hocba.web.comments;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.comments.CommentBank;
import vn.hocba.gradebook.comments.CommentTemplate;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;

/**
 * Adds and removes comment bank templates from the pages that show the bank (subject comments,
 * homeroom comments), then returns to that page. A template for the whole school only from the
 * school's leaders and department heads; everyone else's are their own.
 */
@Controller
class CommentBankController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final CommentBank bank;

    CommentBankController(AccessPolicy access, SchoolContext context, CommentBank bank) {
        this.access = access;
        this.context = context;
        this.bank = bank;
    }

    @PostMapping("/ngan-hang-nhan-xet")
    String add(@RequestParam CommentTemplate.Kind kind, @RequestParam(required = false) Long subjectId,
            @RequestParam(required = false) CommentTemplate.Level level, @RequestParam String text,
            @RequestParam(defaultValue = "false") boolean forSchool, @RequestParam String back, RedirectAttributes redirect) {
        Viewer viewer = access.current();
        if (forSchool && !speaksForSchool(viewer)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng và tổ trưởng chuyên môn thêm được mẫu nhận xét của trường.");
        }
        try {
            bank.add(context.school(viewer).id(), kind, subjectId, level, text, forSchool, access.actor(viewer, role(viewer)));
            redirect.addFlashAttribute("info", "Đã thêm mẫu nhận xét vào ngân hàng.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + local(back);
    }

    @PostMapping("/ngan-hang-nhan-xet/{id}/xoa")
    String remove(@PathVariable long id, @RequestParam(defaultValue = "false") boolean forSchool, @RequestParam String back,
            RedirectAttributes redirect) {
        Viewer viewer = access.current();
        if (forSchool && !speaksForSchool(viewer)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng và tổ trưởng chuyên môn xoá được mẫu nhận xét của trường.");
        }
        bank.remove(id, forSchool, access.actor(viewer, role(viewer)));
        redirect.addFlashAttribute("info", "Đã xoá mẫu nhận xét.");
        return "redirect:" + local(back);
    }

    private static boolean speaksForSchool(Viewer viewer) {
        return viewer.has(Role.PRINCIPAL) || viewer.has(Role.VICE_PRINCIPAL) || viewer.has(Role.DEPARTMENT_HEAD);
    }

    private static Role role(Viewer viewer) {
        return viewer.has(Role.SUBJECT_TEACHER) ? Role.SUBJECT_TEACHER : viewer.has(Role.HOMEROOM_TEACHER)
                ? Role.HOMEROOM_TEACHER : viewer.roles().iterator().next();
    }

    /** Only a path of this site (never an address elsewhere, nor a line break that Tomcat refuses with a 500) to return to. */
    static String local(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl) ? back : "/";
    }
}
