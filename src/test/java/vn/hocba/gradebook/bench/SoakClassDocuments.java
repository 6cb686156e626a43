package vn.hocba.gradebook.bench;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.audit.Actor;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.workflow.ExportPackages;

/**
 * The soak's class documents: one class's year closed, then its ClassDocuments process run by the engine's
 * job executor (generation, transcripts, seal, LT/LTA, export), the people's signatures given as they come due
 * (each subject teacher, homeroom teacher, principal), and the export package's manifest checked at the end.
 */
final class SoakClassDocuments {

    /** When the flow ran (ms since the soak began) and how long each part took (s). */
    record Timings(long startMillis, long endMillis, double generation, double sheets, double transcripts,
                   double homeroom, double principal, double sealLtaExport, int packageEntries) {
        @Override
        public String toString() {
            return String.format("%.0f s in all (from %d s to %d s of the soak): generation %.0f s, subject sheets signed "
                    + "%.0f s, sheets LTA + transcripts %.0f s, homeroom batch %.0f s, principal batch %.0f s, seal + "
                    + "LT/LTA + export %.0f s; package of %d entries, manifest matches", (endMillis - startMillis) / 1000.0,
                    startMillis / 1000, endMillis / 1000, generation, sheets, transcripts, homeroom, principal,
                    sealLtaExport, packageEntries);
        }
    }

    private final ConfigurableApplicationContext app;
    private final SchoolDirectory directory;
    private final TaskService tasks;
    private final ClassDocumentsWorkflow workflow;
    private final SchoolClass schoolClass;

    SoakClassDocuments(ConfigurableApplicationContext app, String classCode) {
        this.app = app;
        this.directory = app.getBean(SchoolDirectory.class);
        this.tasks = app.getBean(TaskService.class);
        this.workflow = app.getBean(ClassDocumentsWorkflow.class);
        this.schoolClass = MarkEntrySoak.classByCode(directory, classCode);
    }

    /** Term II completed, both terms locked and the year closed, as before the year documents (not timed). */
    void closeTheYear() {
        StudentRegistry registry = app.getBean(StudentRegistry.class);
        GradebookBulkLoad load = app.getBean(GradebookBulkLoad.class);
        ClassResultsStore results = app.getBean(ClassResultsStore.class);
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, app.getBean(GradebookLocks.class), app.getBean(YearEnd.class),
                app.getBean(SummerWork.class), load, results).close(schoolClass);
    }

    Timings run(long soakBegin) throws Exception {
        long start = System.nanoTime();
        String instance = workflow.start(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        await(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS);
        double generation = since(start);
        long t = System.nanoTime();
        for (Task task = task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS); task != null;
                task = task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS)) {
            workflow.signSubjectSheet(schoolClass, new Actor(task.getAssignee(), "SUBJECT_TEACHER", null));
        }
        double sheets = since(t);
        t = System.nanoTime();
        await(instance, ClassDocumentsModel.TASK_HOMEROOM_SIGNS);
        double transcripts = since(t);
        t = System.nanoTime();
        String homeroom = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().code().toLowerCase();
        workflow.homeroomSigns(schoolClass, new Actor(homeroom, "HOMEROOM_TEACHER", null));
        double homeroomBatch = since(t);
        t = System.nanoTime();
        workflow.principalSigns(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        double principal = since(t);
        t = System.nanoTime();
        await(instance, ClassDocumentsModel.TASK_CLERK_ARCHIVES);
        double rest = since(t);
        Map<String, byte[]> entries = ExportPackages.unzip(Files.readAllBytes(workflow.exportPackage(schoolClass)));
        ExportPackages.assertManifestMatches(entries);
        return new Timings((start - soakBegin) / 1_000_000, (System.nanoTime() - soakBegin) / 1_000_000, generation, sheets,
                transcripts, homeroomBatch, principal, rest, entries.size());
    }

    private void await(String instance, String taskKey) {
        while (task(instance, taskKey) == null) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The open task, or null; a poll that finds no free connection (the pool busy with the teachers) polls again. */
    private Task task(String instance, String key) {
        try {
            List<Task> open = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).listPage(0, 1);
            return open.isEmpty() ? null : open.get(0);
        } catch (RuntimeException e) {
            boolean noConnection = vn.hocba.web.layout.DatabaseUnavailableFilter.isDatabaseUnavailable(e);
            for (Throwable t = e; t != null && !noConnection; t = t.getCause()) {
                noConnection = t instanceof java.sql.SQLTransientConnectionException;
            }
            if (!noConnection) {
                throw e;
            }
            System.out.println("documents flow: no free connection for a task poll, polling again: " + e.getMessage());
            return null;
        }
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
