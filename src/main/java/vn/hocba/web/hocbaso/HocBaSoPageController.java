package vn.hocba.web.hocbaso;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.hocbaso.ClassRecordStates;
import vn.hocba.hocbaso.RecordSubmissions;
import vn.hocba.hocbaso.SignedRecords;
import vn.hocba.hocbaso.StoreSubmissions;
import vn.hocba.hocbaso.StudentIdentifiers;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Viewer;
import vn.hocba.students.StudentId;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * "Học bạ số" for the clerk and the principal: every class with its records signed and the national
 * store's status of its last package; per class every record (what it lacks, how far it is signed, the
 * store's answer with {@code ma_dinh_danh_hoc_ba} or the errors naming the field), the buttons to submit,
 * recall and re-issue, and the form to enter a student's identifiers.
 */
@Controller
class HocBaSoPageController {

    /** A class in the school table. */
    record ClassRow(SchoolClass schoolClass, int records, int released, String packageStatus, int submissions) {
    }

    private final RecordClerks clerks;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final ClassRecordStates states;
    private final SignedRecords records;
    private final StoreSubmissions store;
    private final RecordSubmissions submissions;
    private final StudentIdentifiers identifiers;
    private final ClassRecordScope scope;

    HocBaSoPageController(RecordClerks clerks, SchoolContext context, SchoolDirectory directory,
            ClassRecordStates states, SignedRecords records, StoreSubmissions store, RecordSubmissions submissions,
            StudentIdentifiers identifiers, ClassRecordScope scope) {
        this.clerks = clerks;
        this.context = context;
        this.directory = directory;
        this.states = states;
        this.records = records;
        this.store = store;
        this.submissions = submissions;
        this.identifiers = identifiers;
        this.scope = scope;
    }

    @GetMapping("/hoc-ba-so")
    String school(Model model) {
        Viewer viewer = clerks.require();
        List<ClassRow> rows = new ArrayList<>();
        for (SchoolClass c : directory.classes(context.activeYear(viewer).id())) {
            var stored = records.latestOfClass(c.id());
            var sent = store.ofClass(c.id());
            rows.add(new ClassRow(c, stored.size(), (int) stored.stream().filter(SignedRecords.StoredRecord::complete).count(),
                    new ClassRecordStates.ClassState(List.of(), sent).packageStatus(), sent.size()));
        }
        model.addAttribute("classes", rows);
        model.addAttribute("crumbs", List.of(Crumb.here("Học bạ số")));
        return "hocbaso";
    }

    @GetMapping("/hoc-ba-so/lop/{classId}")
    String ofClass(@PathVariable long classId, Model model) {
        clerks.require();
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("state", states.of(schoolClass.id()));
        model.addAttribute("labels", new SubmissionLabels());
        model.addAttribute("crumbs", List.of(Crumb.link("Học bạ số", "/hoc-ba-so"), Crumb.here("Lớp " + schoolClass.code())));
        return "hocbaso-class";
    }

    @PostMapping("/hoc-ba-so/lop/{classId}/gui")
    String submit(@PathVariable long classId, RedirectAttributes flash) {
        Viewer viewer = clerks.require();
        return act(classId, flash, () -> {
            var s = submissions.submit(new ClassId(classId), clerks.actor(viewer));
            return "Đã gửi gói học bạ số (lần gửi số " + s.id() + ", " + s.records().size() + " học bạ).";
        });
    }

    @GetMapping("/hoc-ba-so/lop/{classId}/goi")
    ResponseEntity<byte[]> download(@PathVariable long classId) {
        clerks.require();
        return HocBaSoClerkApiController.zip(submissions.currentPackage(directory.schoolClass(new ClassId(classId)).id()));
    }

    @PostMapping("/hoc-ba-so/lop/{classId}/lan-gui/{submissionId}/hoi")
    String poll(@PathVariable long classId, @PathVariable long submissionId, RedirectAttributes flash) {
        clerks.require();
        return act(classId, flash, () -> {
            var s = HocBaSoClerkApiController.pollOfClass(store, classId, submissionId);
            return "Đã hỏi kho về lần gửi số " + s.id() + ": " + SubmissionLabels.state(s) + ".";
        });
    }

    @PostMapping("/hoc-ba-so/lop/{classId}/thu-hoi")
    String recall(@PathVariable long classId, @RequestParam String nationalId, @RequestParam String reason,
            RedirectAttributes flash) {
        Viewer viewer = clerks.require();
        return act(classId, flash, () -> {
            scope.requireAcceptedFrom(classId, nationalId);
            var s = submissions.recall(new ClassId(classId), nationalId, reason, clerks.actor(viewer));
            return "Đã gửi yêu cầu thu hồi học bạ " + nationalId + " (lần gửi số " + s.id() + ").";
        });
    }

    @PostMapping("/hoc-ba-so/lop/{classId}/hoc-sinh/{studentId}/phat-hanh-lai")
    String reissue(@PathVariable long classId, @PathVariable long studentId, @RequestParam String reason,
            RedirectAttributes flash) {
        Viewer viewer = clerks.require();
        return act(classId, flash, () -> {
            scope.requireEnrolled(classId, studentId);
            var sent = submissions.reissue(new ClassId(classId), studentId, reason, clerks.actor(viewer));
            return "Đã thu hồi bản cũ và gửi học bạ số mới (lần gửi số " + sent.get(1).id() + ").";
        });
    }

    @PostMapping("/hoc-ba-so/lop/{classId}/hoc-sinh/{studentId}/dinh-danh")
    String identifiers(@PathVariable long classId, @PathVariable long studentId, @RequestParam(required = false) String moetCode,
            @RequestParam(defaultValue = "false") boolean temporaryCode, @RequestParam(required = false) String registerNumber,
            @RequestParam(required = false) String personalId, RedirectAttributes flash) {
        Viewer viewer = clerks.require();
        return act(classId, flash, () -> {
            scope.requireEnrolled(classId, studentId);
            new HocBaSoClerkApiController.Identifiers(moetCode, temporaryCode, registerNumber, personalId)
                    .requireSomething(studentId);
            identifiers.update(new StudentId(studentId), moetCode, temporaryCode, registerNumber, personalId,
                    clerks.actor(viewer));
            return "Đã lưu mã định danh của học sinh mã số " + studentId + ".";
        });
    }

    private String act(long classId, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("info", action.get());
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/hoc-ba-so/lop/" + classId;
    }
}
