package vn.hocba.web.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.comments.CommentBank;
import vn.hocba.gradebook.comments.CommentChange;
import vn.hocba.gradebook.comments.CommentPeriod;
import vn.hocba.gradebook.comments.CommentTemplate;
import vn.hocba.gradebook.comments.StudentComment;
import vn.hocba.gradebook.comments.StudentComments;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/**
 * "Nhận xét": a subject's comments on each student for a term, with the comment bank to insert a
 * template into one student or apply it to the selected ones. Saved through
 * {@link StudentComments#saveSubjectComments} as the comments API does (all or nothing, versions).
 */
@Controller
class SubjectCommentsPageController {

    private static final String PAGE = "/lop/{classId}/mon/{subjectId}/hoc-ki/{term}/nhan-xet";

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkGrids grids;
    private final StudentComments comments;
    private final CommentBank bank;

    SubjectCommentsPageController(AccessPolicy access, SchoolDirectory directory, MarkGrids grids, StudentComments comments,
            CommentBank bank) {
        this.access = access;
        this.directory = directory;
        this.grids = grids;
        this.comments = comments;
        this.bank = bank;
    }

    /** A student's line: the stored comment (and version), the text shown (typed when a save failed), the level. */
    record Line(long studentId, int number, String name, String standing, String level, String levelTitle, String stored,
            Integer version, String text) {
    }

    @GetMapping(PAGE)
    String page(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term, Model model) {
        fill(model, classId, subjectId, term, Map.of());
        return "marks/comments";
    }

    @PostMapping(PAGE)
    String save(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireTeaching(id, subject);
        List<CommentChange> changes = new ArrayList<>();
        form.forEach((name, text) -> {
            if (name.startsWith("c") && name.substring(1).matches("\\d+")) {
                String original = form.getOrDefault("o" + name.substring(1), "");
                if (!original.equals(text.strip())) {
                    String version = form.getOrDefault("v" + name.substring(1), "");
                    changes.add(new CommentChange(Long.parseLong(name.substring(1)), text,
                            version.isEmpty() ? null : Integer.valueOf(version)));
                }
            }
        });
        try {
            int changed = comments.saveSubjectComments(directory.schoolClass(id), subject, period(term), changes,
                    access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("info", "Đã lưu " + changed + " nhận xét.");
            return "redirect:/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term + "/nhan-xet";
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            fill(model, classId, subjectId, term, changes.stream()
                    .collect(Collectors.toMap(CommentChange::studentId, c -> c.text() == null ? "" : c.text())));
            return "marks/comments";
        }
    }

    private void fill(Model model, long classId, long subjectId, int term, Map<Long, String> typed) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireReadSubject(id, subject);
        SchoolClass schoolClass = directory.schoolClass(id);
        MarkGrid grid = grids.grid(schoolClass, subject, term, viewer.columns(id, subject));
        Map<Long, StudentComment> stored = comments.subjectComments(schoolClass, subject, period(term)).stream()
                .collect(Collectors.toMap(StudentComment::studentId, Function.identity()));
        List<Line> lines = grid.rows().stream().map(r -> {
            StudentComment c = stored.get(r.studentId());
            CommentTemplate.Level level = CommentTemplate.Level.of(r.standing());
            String text = c == null ? "" : c.text();
            return new Line(r.studentId(), r.number(), r.fullName(), r.standing(), level == null ? "" : level.name(),
                    level == null ? "chưa có" : level.title(), text, c == null ? null : c.version(),
                    typed.getOrDefault(r.studentId(), text));
        }).toList();
        model.addAttribute("viewer", viewer);
        model.addAttribute("grid", grid);
        model.addAttribute("lines", lines);
        model.addAttribute("editable", viewer.teaches(id, subject) && !grid.locked());
        model.addAttribute("templates", bank.templates(directory.year(schoolClass.yearId()).schoolId(),
                viewer.account().username(), CommentTemplate.Kind.SUBJECT, subjectId));
        model.addAttribute("bankKind", "SUBJECT");
        model.addAttribute("bankSubject", subjectId);
        model.addAttribute("base", "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term);
        model.addAttribute("back", "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term + "/nhan-xet");
        model.addAttribute("maxLength", 150);
    }

    private static CommentPeriod period(int term) {
        if (term != 1 && term != 2) {
            throw Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
        return term == 1 ? CommentPeriod.HK1 : CommentPeriod.HK2;
    }
}
