package vn.hocba.web.closing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.PersonNames;
import vn.hocba.web.marks.SheetCrumbs;
import vn.hocba.workflow.TermCloseReturns;
import vn.hocba.workflow.TermCloseWorkflow;

/**
 * "Ký xác nhận": what is still missing in the teacher's subject (each with a link to its cell), and
 * the sign-off itself through the same workflow step as {@code POST …/subjects/{s}/sign-off}.
 */
@Controller
class SubjectSignOffPageController {

    private static final String PAGE = "/lop/{classId}/mon/{subjectId}/hoc-ki/{term}/ki-xac-nhan";

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkGrids grids;
    private final Readiness readiness;
    private final SignOffs signOffs;
    private final TermCloseWorkflow workflow;
    private final TermCloseReturns returns;
    private final PersonNames people;

    SubjectSignOffPageController(AccessPolicy access, SchoolDirectory directory, MarkGrids grids, Readiness readiness,
            SignOffs signOffs, TermCloseWorkflow workflow, TermCloseReturns returns, PersonNames people) {
        this.returns = returns;
        this.access = access;
        this.directory = directory;
        this.grids = grids;
        this.readiness = readiness;
        this.signOffs = signOffs;
        this.workflow = workflow;
        this.people = people;
    }

    /** A missing mark: student, column as the rules name it, and the grid cell to open. */
    record Missing(String student, String column, String cell) {
    }

    @GetMapping(PAGE)
    String page(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term, Model model) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireReadSubject(id, subject);
        SchoolClass schoolClass = directory.schoolClass(id);
        MarkGrid grid = grids.grid(schoolClass, subject, term, viewer.columns(id, subject));
        String code = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst().orElseThrow().subject().code();
        Map<String, MarkGrid.Row> rows = grid.rows().stream().collect(Collectors.toMap(MarkGrid.Row::code, Function.identity()));
        List<Missing> missing = readiness.missing(schoolClass, term).stream()
                .filter(m -> m.subject() != null && m.subject().value().equals(code))
                .map(m -> missing(m, rows.get(m.student().value()))).toList();
        // Co-teachers each sign the subject: the viewer's own sign-off when there is one, else a co-teacher's.
        SignOff signed = signOffs.of(schoolClass, term).stream()
                .filter(s -> s.kind() == SignOff.Kind.SUBJECT && s.active() && Long.valueOf(subjectId).equals(s.subjectId()))
                .sorted(java.util.Comparator.comparing(s -> !s.signedBy().equals(viewer.account().username())))
                .findFirst().orElse(null);
        model.addAttribute("viewer", viewer);
        model.addAttribute("grid", grid);
        model.addAttribute("crumbs", SheetCrumbs.beside(grid, "Ký xác nhận"));
        model.addAttribute("missing", missing);
        model.addAttribute("signed", signed);
        model.addAttribute("signedBy", signed == null ? null : people.of(signed.signedBy()));
        model.addAttribute("teaching", viewer.teaches(id, subject));
        model.addAttribute("returned", viewer.teaches(id, subject)
                ? returns.sentBack(schoolClass, term, subject, viewer.account().username()).orElse(null) : null);
        model.addAttribute("zone", ZoneId.of("Asia/Ho_Chi_Minh"));
        model.addAttribute("base", "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term);
        return "marks/sign-off";
    }

    @PostMapping(PAGE)
    String signOff(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            RedirectAttributes redirect) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        try {
            Viewer viewer = access.requireTeaching(id, subject);
            workflow.signSubject(directory.schoolClass(id), subject, term, access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("info", "Đã ký xác nhận điểm môn.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term + "/ki-xac-nhan";
    }

    /** "ĐĐGtx 3" → the student's third regular cell, "ĐĐGgk"/"ĐĐGck" → the periodic ones. */
    private static Missing missing(MissingEntry m, MarkGrid.Row row) {
        String column = m.column();
        String key = column.startsWith("ĐĐGtx") ? "REGULAR-" + column.replaceAll("\\D", "")
                : column.equals("ĐĐGgk") ? "MIDTERM-1" : "FINAL-1";
        String label = column.startsWith("ĐĐGtx") ? "TX" + column.replaceAll("\\D", "")
                : column.equals("ĐĐGgk") ? "giữa kì" : "cuối kì";
        return row == null ? new Missing(m.student().value(), label, null)
                : new Missing(row.fullName(), label, "o-" + row.studentId() + "-" + key);
    }
}
