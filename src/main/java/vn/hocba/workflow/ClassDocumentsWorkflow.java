package vn.hocba.workflow;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.YearClosure;
import vn.hocba.signing.ClassSigning;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.pades.BatchSigner;

/**
 * Drives the ClassDocuments process of one class: each person's step signs (idempotently, in the
 * signed store) and then completes their task (repeated on a concurrent completion).
 */
@Service
public class ClassDocumentsWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ClassSigning signing;
    private final ConcurrentCompletion completion;
    private final YearClosure closure;
    private final SchoolDirectory directory;

    public ClassDocumentsWorkflow(RuntimeService runtime, TaskService tasks, ClassSigning signing,
            ConcurrentCompletion completion, YearClosure closure, SchoolDirectory directory) {
        this.directory = directory;
        this.closure = closure;
        this.runtime = runtime;
        this.tasks = tasks;
        this.signing = signing;
        this.completion = completion;
    }

    /** Starts the year documents of a class whose year is closed ({@link YearClosure}); at most one runs per class. */
    @Transactional
    public String start(SchoolClass schoolClass, Actor by) {
        closure.requireClosed(schoolClass, ClassDocumentsDelegates.WHAT);
        // One run per class, also against a correction starting one at the same moment (CheckSignedDocumentsDelegate).
        directory.lockClass(schoolClass.id());
        String key = ClassDocumentsModel.businessKey(schoolClass.id().value());
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
            throw Rejected.conflict("Văn bản cả năm của lớp " + schoolClass.code() + " đang được lập và ký.");
        }
        return runtime.startProcessInstanceByKey(ClassDocumentsModel.PROCESS, key, Map.of(
                ClassDocumentsModel.CLASS_ID, schoolClass.id().value(),
                ClassDocumentsModel.REQUESTED_BY, by.username())).getId();
    }

    /** The subject teacher signs their subject's result sheet of the class. */
    public BatchSigner.Result signSubjectSheet(SchoolClass schoolClass, Actor by) {
        Task task = task(schoolClass, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS, by.username());
        long assignmentId = ((Number) tasks.getVariable(task.getId(), ClassDocumentsModel.ASSIGNMENT_ID)).longValue();
        BatchSigner.Result result = signing.signSubjectSheet(assignmentId, by);
        complete(task, "subject sheet signature");
        return result;
    }

    /** The homeroom teacher signs every transcript of the class. */
    public BatchSigner.Result homeroomSigns(SchoolClass schoolClass, Actor by) {
        Task task = task(schoolClass, ClassDocumentsModel.TASK_HOMEROOM_SIGNS, by.username());
        BatchSigner.Result result = signing.homeroomSigns(schoolClass.id(), by);
        complete(task, "homeroom transcript signatures");
        return result;
    }

    /** The principal signs every transcript of the class (resumable; see {@link ClassSigning#progress}). */
    public BatchSigner.Result principalSigns(SchoolClass schoolClass, Actor by) {
        Task task = task(schoolClass, ClassDocumentsModel.TASK_PRINCIPAL_SIGNS, null);
        BatchSigner.Result result = signing.principalSigns(schoolClass.id(), by);
        complete(task, "principal transcript signatures");
        return result;
    }

    /** The export package, once the process has built it (the clerk's task is open or done). */
    public Path exportPackage(SchoolClass schoolClass) {
        task(schoolClass, ClassDocumentsModel.TASK_CLERK_ARCHIVES, null);
        return signing.exportPackage(schoolClass.id());
    }

    /** The stored export package to stream, once the process has built it (the clerk's task is open or done). */
    public vn.hocba.signing.ExportPackageFile currentExportPackage(SchoolClass schoolClass) {
        task(schoolClass, ClassDocumentsModel.TASK_CLERK_ARCHIVES, null);
        return signing.currentExportPackage(schoolClass.id());
    }

    /** The clerk has downloaded and archived the package: the process ends. */
    public void archived(SchoolClass schoolClass, Actor by) {
        Task task = task(schoolClass, ClassDocumentsModel.TASK_CLERK_ARCHIVES, null);
        completion.run("clerk archived", () -> {
            tasks.setAssignee(task.getId(), by.username());
            tasks.complete(task.getId());
            return null;
        });
    }

    private void complete(Task task, String what) {
        completion.run(what, () -> {
            tasks.complete(task.getId());
            return null;
        });
    }

    private Task task(SchoolClass schoolClass, String taskKey, String assignee) {
        var query = tasks.createTaskQuery()
                .processInstanceBusinessKey(ClassDocumentsModel.businessKey(schoolClass.id().value()))
                .taskDefinitionKey(taskKey);
        Task task = (assignee == null ? query : query.taskAssignee(assignee)).listPage(0, 1).stream().findFirst()
                .orElse(null);
        if (task == null) {
            throw Rejected.conflict("Văn bản cả năm của lớp " + schoolClass.code() + " không chờ bước này của bạn.");
        }
        return task;
    }
}
