package vn.hocba.web.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.TaskInbox.InboxTask;

/**
 * The button of a year-documents signing task must open a page its holder may open: a subject teacher gets 403 on
 * the class's documents page ({@code /lop/{id}/tai-lieu}), so the signing tasks open the signing page.
 */
class TaskLinksTest {

    private final TaskLinks links = new TaskLinks(null);

    private static InboxTask task(String step, String subjectCode) {
        return new InboxTask("t1", "…", ClassDocumentsModel.PROCESS, "7A1", 3L, subjectCode, null, null, null,
                new Date(), null, List.of(), step, null);
    }

    @Test
    void subjectTeacherSigningTaskOpensTheSigningPageNotTheClassDocuments() {
        TaskLinks.Link link = links.of(task(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS, "TOAN"), code -> 2L);

        assertThat(link.href()).isEqualTo("/ki-so?buoc=SUBJECT_SHEET&lop=3");
        assertThat(link.label()).isEqualTo("Ký bảng kết quả môn học");
    }

    @Test
    void homeroomSigningTaskOpensTheHomeroomSigningPage() {
        TaskLinks.Link link = links.of(task(ClassDocumentsModel.TASK_HOMEROOM_SIGNS, null), code -> null);

        assertThat(link.href()).isEqualTo("/ki-so?buoc=HOMEROOM&lop=3");
    }

    @Test
    void principalSigningTaskStillOpensTheClassDocumentsWithSignAll() {
        TaskLinks.Link link = links.of(task(ClassDocumentsModel.TASK_PRINCIPAL_SIGNS, null), code -> null);

        assertThat(link.href()).isEqualTo("/lop/3/tai-lieu");
    }
}
