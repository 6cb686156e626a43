package vn.hocba.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.gradebook.closing.YearClosure;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.signing.ClassSigning;
import vn.hocba.signing.SubjectSheetSigning;
import vn.hocba.schoolyear.ClassId;

/** The service tasks of the ClassDocuments process after the human signatures; each is idempotent. */
final class ClassDocumentsDelegates {

    /** What the year-closure check refuses, in its message. */
    static final String WHAT = "lập và ký văn bản cả năm (học bạ, sổ theo dõi, phiếu liên lạc)";

    private ClassDocumentsDelegates() {
    }

    static ClassId classId(DelegateExecution execution) {
        return new ClassId(((Number) execution.getVariable(ClassDocumentsModel.CLASS_ID)).longValue());
    }

    /** Who started the process: the service tasks act (and are audited) in their name. */
    static Actor requester(DelegateExecution execution) {
        return new Actor((String) execution.getVariable(ClassDocumentsModel.REQUESTED_BY), "WORKFLOW", null);
    }

    /**
     * Task_GenerateTranscripts: the year still closed (domain records, also when the admin board retries the
     * step), the signed sheets made final (LT/LTA), then the transcripts and the class gradebook issued,
     * each subject row or marks table referring to its final sheet by SHA-256 and signers (signing profile,
     * decision 1).
     */
    @Component("generateClassTranscripts")
    static class GenerateTranscripts implements JavaDelegate {

        private final SubjectSheetSigning sheets;
        private final ClassDocuments documents;
        private final AccountNames names;
        private final YearClosure closure;
        private final SchoolDirectory directory;

        GenerateTranscripts(SubjectSheetSigning sheets, ClassDocuments documents, AccountNames names, YearClosure closure,
                SchoolDirectory directory) {
            this.names = names;
            this.sheets = sheets;
            this.documents = documents;
            this.closure = closure;
            this.directory = directory;
        }

        @Override
        public void execute(DelegateExecution execution) {
            ClassId classId = classId(execution);
            closure.requireClosed(directory.schoolClass(classId), WHAT);
            sheets.finish(classId);
            documents.generate(classId, AssessmentScope.YEAR, requester(execution), names,
                    GenerateClassDocumentsDelegate.AFTER_SHEETS_SIGNED);
        }
    }

    /** Task_ApplySeal: the year still closed (domain records), then the school seal on every transcript, then LT + LTA on every signed document. */
    @Component("applySchoolSeal")
    static class ApplySeal implements JavaDelegate {

        private final ClassSigning signing;
        private final YearClosure closure;
        private final SchoolDirectory directory;

        ApplySeal(ClassSigning signing, YearClosure closure, SchoolDirectory directory) {
            this.signing = signing;
            this.closure = closure;
            this.directory = directory;
        }

        @Override
        public void execute(DelegateExecution execution) {
            closure.requireClosed(directory.schoolClass(classId(execution)), WHAT);
            signing.applySeal(classId(execution), requester(execution));
        }
    }

    /**
     * Task_BuildExportPackage: the year still closed (domain records), then the class's current export package
     * version (a new version when a document in it was superseded).
     */
    @Component("buildExportPackage")
    static class BuildExportPackage implements JavaDelegate {

        private final ClassSigning signing;
        private final YearClosure closure;
        private final SchoolDirectory directory;

        BuildExportPackage(ClassSigning signing, YearClosure closure, SchoolDirectory directory) {
            this.signing = signing;
            this.closure = closure;
            this.directory = directory;
        }

        @Override
        public void execute(DelegateExecution execution) {
            closure.requireClosed(directory.schoolClass(classId(execution)), WHAT);
            var zip = signing.currentExportPackage(classId(execution));
            execution.setVariable("exportReady", zip != null);
        }
    }
}
