package vn.hocba.web.tasks;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.CurriculumSubject;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.GradeCorrectionModel;
import vn.hocba.workflow.TaskInbox;
import vn.hocba.workflow.TaskInbox.InboxTask;
import vn.hocba.workflow.TermCloseModel;
import vn.hocba.workflow.YearEndModel;

/**
 * Where each open task is done: the page (the web app's agreed addresses) and the button's words.
 * A task whose step has no page of its own opens the page of its process for the class.
 */
@Component
class TaskLinks {

    /** The button of one task: what it says and where it goes (context-relative). */
    record Link(String label, String href) {
    }

    private final SchoolDirectory directory;

    TaskLinks(SchoolDirectory directory) {
        this.directory = directory;
    }

    /** The subjects of {@code school} by code, to turn a task's subject code into the id in addresses. */
    Map<String, Long> subjectIds(SchoolId school) {
        return directory.subjects(school).stream()
                .collect(Collectors.toMap(CurriculumSubject::code, s -> s.id().value(), (a, b) -> a));
    }

    Link of(InboxTask task, Function<String, Long> subjectId) {
        String step = task.step() == null ? "" : task.step();
        String schoolClass = "/lop/" + task.classId();
        Long subject = task.subjectCode() == null ? null : subjectId.apply(task.subjectCode());
        String subjectTerm = subject == null || task.term() == null ? null
                : schoolClass + "/mon/" + subject + "/hoc-ki/" + task.term();
        return switch (step) {
            case TermCloseModel.TASK_SUBJECT_SIGN_OFF -> subjectTerm == null ? fallback(task)
                    : new Link("Ký xác nhận môn", subjectTerm + "/ki-xac-nhan");
            case TermCloseModel.TASK_SUBJECT_REWORK -> subjectTerm == null ? fallback(task)
                    : new Link("Sửa điểm theo yêu cầu", subjectTerm + "/diem");
            case TermCloseModel.TASK_HOMEROOM_CHECK -> new Link("Kiểm tra sổ điểm lớp", schoolClass + "/kiem-tra/hoc-ki/" + task.term());
            case TermCloseModel.TASK_HOMEROOM_SIGN_OFF -> new Link("Ký xác nhận của GVCN", schoolClass + "/kiem-tra/hoc-ki/" + task.term());
            case TermCloseModel.TASK_PRINCIPAL_APPROVAL, YearEndModel.TASK_APPROVAL, YearEndModel.TASK_FINAL_APPROVAL,
                    GradeCorrectionModel.TASK_PRINCIPAL_APPROVE -> new Link("Mở hàng chờ duyệt", "/duyet");
            case GradeCorrectionModel.TASK_HOMEROOM_CONFIRM -> new Link("Xem đề nghị sửa điểm", "/de-nghi-sua-diem");
            case YearEndModel.TASK_PROPOSAL -> new Link("Lập đề nghị cuối năm", schoolClass + "/cuoi-nam");
            case YearEndModel.TASK_SUMMER_RESULTS -> new Link("Nhập kết quả hè", schoolClass + "/cuoi-nam");
            case TaskInbox.RETEST_STEP -> new Link("Nhập điểm kiểm tra lại", "/thi-lai");
            // A subject teacher may not open the class's documents page (403): the signing tasks go to the signing page.
            case ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS ->
                    new Link("Ký bảng kết quả môn học", "/ki-so?buoc=SUBJECT_SHEET&lop=" + task.classId());
            case ClassDocumentsModel.TASK_HOMEROOM_SIGNS ->
                    new Link("Ký học bạ, sổ theo dõi và phiếu liên lạc", "/ki-so?buoc=HOMEROOM&lop=" + task.classId());
            case ClassDocumentsModel.TASK_CLERK_ARCHIVES -> new Link("Lưu trữ và xuất", "/xuat");
            default -> fallback(task);
        };
    }

    private static Link fallback(InboxTask task) {
        if (ClassDocumentsModel.PROCESS.equals(task.process()) && task.classId() != null) {
            return new Link("Mở tài liệu của lớp", "/lop/" + task.classId() + "/tai-lieu");
        }
        if (GradeCorrectionModel.PROCESS.equals(task.process())) {
            return new Link("Xem đề nghị sửa điểm", "/de-nghi-sua-diem");
        }
        return task.classId() == null ? new Link("Mở trang trường", "/truong")
                : new Link("Mở trang lớp", "/lop/" + task.classId() + "/chu-nhiem");
    }
}
