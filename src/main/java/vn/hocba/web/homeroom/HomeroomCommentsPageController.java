package vn.hocba.web.homeroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.comments.CommentBank;
import vn.hocba.gradebook.comments.CommentChange;
import vn.hocba.gradebook.comments.CommentTemplate;
import vn.hocba.gradebook.homeroom.ClassConduct;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
import vn.hocba.gradebook.comments.CommentPeriod;
import vn.hocba.gradebook.comments.StudentComment;
import vn.hocba.gradebook.comments.StudentComments;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Nhận xét của GVCN for a term or the year ("ca-nam"): one text per student, a counter against the
 * limit, a template applied to the selected students. Saved all or nothing by the comment service,
 * with the version each text was read at (409 when someone changed it meanwhile); a refusal keeps every text typed.
 */
@Controller
class HomeroomCommentsPageController {

    /** One student's comment: as typed (or stored), the stored text and version it was read at. */
    record Row(long studentId, int number, String code, String name, String text, String original, Integer version,
            String level) {
    }

    private final ClassPage page;
    private final StudentComments comments;
    private final StudentRegistry students;
    private final CommentBank bank;
    private final ClassConduct conduct;
    private final SchoolContext context;

    HomeroomCommentsPageController(ClassPage page, StudentComments comments, StudentRegistry students, CommentBank bank,
            ClassConduct conduct, SchoolContext context) {
        this.page = page;
        this.comments = comments;
        this.students = students;
        this.bank = bank;
        this.conduct = conduct;
        this.context = context;
    }

    @GetMapping("/lop/{classId}/nhan-xet-chu-nhiem/hoc-ki/{term}")
    String show(@PathVariable long classId, @PathVariable String term, Model model) {
        return render(classId, term, null, model);
    }

    @PostMapping("/lop/{classId}/nhan-xet-chu-nhiem/hoc-ki/{term}")
    String save(@PathVariable long classId, @PathVariable String term, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "nhận xét của giáo viên chủ nhiệm", model);
        CommentPeriod period = period(term);
        List<CommentChange> changes = new ArrayList<>();
        for (EnrolledStudent e : students.roster(schoolClass.id())) {
            long id = e.student().id().value();
            String text = form.get("text_" + id);
            if (text != null && !Objects.equals(text.strip(), form.getOrDefault("original_" + id, "").strip())) {
                String version = form.get("version_" + id);
                changes.add(new CommentChange(id, text, version == null || version.isBlank() ? null : Integer.valueOf(version)));
            }
        }
        try {
            int changed = comments.saveHomeroomComments(schoolClass, period, changes, by);
            redirect.addFlashAttribute("saved", changed == 0 ? "Không có thay đổi nào."
                    : "Đã lưu nhận xét của " + changed + " học sinh (" + period.label() + ").");
            return "redirect:/lop/" + classId + "/nhan-xet-chu-nhiem/hoc-ki/" + term;
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            return render(classId, term, form, model);
        }
    }

    private String render(long classId, String term, Map<String, String> typed, Model model) {
        SchoolClass schoolClass = page.readable(classId, "nhận xét của giáo viên chủ nhiệm", model);
        CommentPeriod period = period(term);
        if (period != CommentPeriod.CN) {
            model.addAttribute("term", period == CommentPeriod.HK1 ? 1 : 2);
        }
        page.titled(model, schoolClass, "comments", "Nhận xét của GVCN", period == CommentPeriod.CN ? "Cả năm" : vn.hocba.web.Crumb.termLabel(period == CommentPeriod.HK1 ? 1 : 2));
        Map<Long, StudentComment> stored = comments.homeroomComments(schoolClass, period).stream()
                .collect(Collectors.toMap(StudentComment::studentId, Function.identity()));
        // The bank's "by level" fills each student with a template of their conduct level of the period.
        Map<Long, ClassConduct.Rating> ratings = conduct.of(schoolClass, period == CommentPeriod.HK1 ? 1 : 2);
        List<Row> rows = students.roster(schoolClass.id()).stream().map(e -> {
            long id = e.student().id().value();
            StudentComment c = stored.get(id);
            String original = typed != null ? typed.getOrDefault("original_" + id, "") : c == null ? "" : c.text();
            Integer version = typed != null ? parse(typed.get("version_" + id)) : c == null ? null : c.version();
            String text = typed != null && typed.containsKey("text_" + id) ? typed.get("text_" + id) : original;
            ClassConduct.Rating rating = ratings.get(id);
            return new Row(id, e.numberInClass(), e.student().profile().code(), e.student().profile().fullName(), text, original, version,
                    rating == null ? "" : level(rating.level()));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("period", period);
        model.addAttribute("periodPath", term);
        model.addAttribute("limit", StudentComments.homeroomMaxLength());
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        model.addAttribute("templates", bank.templates(context.school(viewer).id(), viewer.account().username(),
                CommentTemplate.Kind.HOMEROOM, null));
        model.addAttribute("back", "/lop/" + classId + "/nhan-xet-chu-nhiem/hoc-ki/" + term);
        return "homeroom/comments";
    }

    /** "1", "2" or "ca-nam" (the year comment printed on the transcript). */
    private static CommentPeriod period(String term) {
        return switch (term) {
            case "1" -> CommentPeriod.HK1;
            case "2" -> CommentPeriod.HK2;
            case "ca-nam" -> CommentPeriod.CN;
            default -> throw Rejected.notFound("Không có \"" + term + "\": nhận xét theo học kì 1, học kì 2 hoặc cả năm (ca-nam).");
        };
    }

    /** The bank's level of a conduct rating (TT22 Art. 8 levels T, K, Đ, CĐ). */
    private static String level(String conductLevel) {
        return switch (conductLevel) {
            case "T" -> CommentTemplate.Level.TOT.name();
            case "K" -> CommentTemplate.Level.KHA.name();
            case "Đ" -> CommentTemplate.Level.DAT.name();
            default -> CommentTemplate.Level.CHUA_DAT.name();
        };
    }

    private static Integer parse(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s);
    }
}
