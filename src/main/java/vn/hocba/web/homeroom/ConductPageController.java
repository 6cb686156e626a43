package vn.hocba.web.homeroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.homeroom.ClassConduct;
import vn.hocba.gradebook.homeroom.HomeroomRecords;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.StudentResults;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * Rèn luyện of a term: T/K/Đ/CĐ and a comment per student (TT22 Art. 8); on term II also the
 * re-assessment after summer conduct training (Art. 13, stored as term 3) of the students who need it.
 * Only changed rows are saved, each through the same service as the API; a refused row keeps what was typed.
 */
@Controller
class ConductPageController {

    static final List<String> LEVELS = List.of("T", "K", "Đ", "CĐ");

    /** One student's row as shown (stored or as typed) with the reason it was refused, if it was. */
    record Row(long studentId, int number, String code, String name, String level, String comment, String error) {
    }

    private final ClassPage page;
    private final HomeroomRecords records;
    private final ClassConduct conduct;
    private final StudentRegistry students;
    private final ClassResultsStore results;

    ConductPageController(ClassPage page, HomeroomRecords records, ClassConduct conduct, StudentRegistry students,
            ClassResultsStore results) {
        this.page = page;
        this.records = records;
        this.conduct = conduct;
        this.students = students;
        this.results = results;
    }

    @GetMapping("/lop/{classId}/ren-luyen/hoc-ki/{term}")
    String show(@PathVariable long classId, @PathVariable int term, Model model) {
        return render(classId, ClassPage.term(term), Map.of(), Map.of(), model);
    }

    @PostMapping("/lop/{classId}/ren-luyen/hoc-ki/{term}")
    String save(@PathVariable long classId, @PathVariable int term, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "kết quả rèn luyện", model);
        ClassPage.term(term);
        Map<Long, String> errors = new LinkedHashMap<>();
        int saved = saveTerm(schoolClass, term, form, "", by, errors);
        if (term == 2) {
            saved += saveTerm(schoolClass, 3, form, "summer", by, errors);
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", saved == 0 ? "Không có thay đổi nào." : "Đã lưu " + saved + " xếp loại rèn luyện.");
            return "redirect:/lop/" + classId + "/ren-luyen/hoc-ki/" + term;
        }
        model.addAttribute("error", "Chưa lưu " + errors.size() + " dòng (các dòng khác đã lưu: " + saved + "). "
                + "Xem lí do ở từng học sinh bên dưới; nội dung bạn nhập vẫn còn.");
        return render(classId, term, form, errors, model);
    }

    /** Saves the rows of {@code term} whose level or comment differ from the stored ones; prefix "" or "summer". */
    private int saveTerm(SchoolClass schoolClass, int term, Map<String, String> form, String prefix, Actor by,
            Map<Long, String> errors) {
        Map<Long, ClassConduct.Rating> stored = conduct.of(schoolClass, term);
        int saved = 0;
        for (EnrolledStudent e : students.roster(schoolClass.id())) {
            long id = e.student().id().value();
            String level = blankToNull(form.get(prefix + "level_" + id));
            String comment = blankToNull(form.get(prefix + "comment_" + id));
            ClassConduct.Rating old = stored.get(id);
            boolean unchanged = old == null ? level == null && comment == null
                    : Objects.equals(old.level(), level) && Objects.equals(blankToNull(old.comment()), comment);
            if (unchanged || !form.containsKey(prefix + "level_" + id)) {
                continue;
            }
            try {
                records.conduct(schoolClass, id, term, level, comment, by);
                saved++;
            } catch (Rejected r) {
                // Without a level: a stored rating cannot be cleared, and a comment alone (nothing stored) needs a level.
                errors.put(id, level == null ? "Học sinh " + e.student().profile().fullName()
                        + ": chưa chọn mức rèn luyện (T, K, Đ hoặc CĐ); "
                        + (old == null ? "nhận xét chỉ được lưu cùng một mức, hãy chọn một mức."
                                : "xếp loại đã lưu không xoá được, hãy chọn một mức.") : r.getMessage());
            }
        }
        return saved;
    }

    private String render(long classId, int term, Map<String, String> typed, Map<Long, String> errors, Model model) {
        SchoolClass schoolClass = page.readable(classId, "kết quả rèn luyện", model);
        model.addAttribute("term", term);
        page.titled(model, schoolClass, "conduct", "Rèn luyện", vn.hocba.web.Crumb.termLabel(term));
        List<EnrolledStudent> roster = students.roster(schoolClass.id());
        model.addAttribute("rows", rows(roster, conduct.of(schoolClass, term), typed, "", errors));
        model.addAttribute("levels", LEVELS);
        if (term == 2) {
            Set<String> training = results.compute(schoolClass).students().stream()
                    .filter(s -> s.promotion() == Promotion.SUMMER_TRAINING_PENDING
                            || s.conduct() != null && s.conduct().afterSummer() != null)
                    .map(StudentResults::code).map(c -> c.value()).collect(Collectors.toSet());
            Map<Long, ClassConduct.Rating> summer = conduct.of(schoolClass, 3);
            List<EnrolledStudent> summerStudents = roster.stream().filter(e -> training.contains(e.student().profile().code())
                    || summer.containsKey(e.student().id().value())).toList();
            model.addAttribute("summerRows", rows(summerStudents, summer, typed, "summer", errors));
        }
        return "homeroom/conduct";
    }

    private static List<Row> rows(List<EnrolledStudent> roster, Map<Long, ClassConduct.Rating> stored, Map<String, String> typed,
            String prefix, Map<Long, String> errors) {
        List<Row> rows = new ArrayList<>();
        for (EnrolledStudent e : roster) {
            long id = e.student().id().value();
            ClassConduct.Rating r = stored.get(id);
            String level = typed.containsKey(prefix + "level_" + id) ? typed.get(prefix + "level_" + id) : r == null ? null : r.level();
            String comment = typed.containsKey(prefix + "comment_" + id) ? typed.get(prefix + "comment_" + id)
                    : r == null ? null : r.comment();
            rows.add(new Row(id, e.numberInClass(), e.student().profile().code(), e.student().profile().fullName(), level, comment,
                    errors.get(id)));
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
