package vn.hocba.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.corrections.Corrections;

/**
 * Task_ApplyCorrection: changes the one approved mark. Idempotent (a retried job finds the request
 * APPLIED and does nothing); a mark changed meanwhile fails the job, and after the retries the
 * incident in Cockpit carries the Vietnamese reason.
 */
@Component("applyCorrection")
class ApplyCorrectionDelegate implements JavaDelegate {

    private final Corrections corrections;

    ApplyCorrectionDelegate(Corrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(GradeCorrectionModel.CORRECTION_ID)).longValue();
        corrections.apply(id, Actor.system(GradeCorrectionModel.PROCESS));
    }
}
