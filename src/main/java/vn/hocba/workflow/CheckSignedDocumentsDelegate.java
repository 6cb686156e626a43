package vn.hocba.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.signing.ClassSigning;

/**
 * Task_CheckSignedDocuments of GradeCorrection (issue 13 item 11): after the mark was corrected,
 * reads in the domain records whether the class's year documents were already signed — then the
 * correction is finished only when the re-issued documents and the correction record (biên bản sửa
 * điểm) are signed and packaged, by the ClassDocuments process called from here — and whether a run
 * of that process is going on (then the correction waits for it to end). The class row is held while
 * deciding, so a person starting the run at the same moment cannot start a second one.
 */
@Component("checkSignedDocuments")
class CheckSignedDocumentsDelegate implements JavaDelegate {

    private final Corrections corrections;
    private final ClassSigning signing;
    private final SchoolDirectory directory;
    private final RuntimeService runtime;

    CheckSignedDocumentsDelegate(Corrections corrections, ClassSigning signing, SchoolDirectory directory,
            RuntimeService runtime) {
        this.corrections = corrections;
        this.signing = signing;
        this.directory = directory;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectionRequest request = corrections.find(
                ((Number) execution.getVariable(GradeCorrectionModel.CORRECTION_ID)).longValue());
        ClassId classId = new ClassId(request.classId());
        directory.lockClass(classId);
        boolean signed = signing.progress(classId).signedByPrincipal() > 0 || !signing.exportPackages(classId).isEmpty();
        String key = ClassDocumentsModel.businessKey(classId.value());
        boolean running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0;
        execution.setVariable(GradeCorrectionModel.REISSUE, signed);
        execution.setVariable(GradeCorrectionModel.DOCUMENTS_RUNNING, running);
        execution.setVariable(ClassDocumentsModel.CLASS_ID, classId.value());
        execution.setVariable(GradeCorrectionModel.CLASS_DOCUMENTS_KEY, key);
        // The re-issue acts, and is audited, in the name of the principal who approved the correction.
        execution.setVariable(ClassDocumentsModel.REQUESTED_BY, request.decidedBy());
    }
}
