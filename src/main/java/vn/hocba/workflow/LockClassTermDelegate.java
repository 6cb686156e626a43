package vn.hocba.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;

/**
 * Task_LockClassTerm: locks the class term (which stores the snapshot) in the approver's name.
 * Idempotent: a retried job finds the term locked and does nothing.
 */
@Component("lockClassTerm")
class LockClassTermDelegate implements JavaDelegate {

    private final SchoolDirectory directory;
    private final GradebookLocks locks;
    private final Accounts accounts;

    LockClassTermDelegate(SchoolDirectory directory, GradebookLocks locks, Accounts accounts) {
        this.directory = directory;
        this.locks = locks;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(((Number) execution.getVariable(TermCloseModel.CLASS_ID)).longValue()));
        int term = ((Number) execution.getVariable(TermCloseModel.TERM)).intValue();
        if (locks.isLocked(schoolClass, null, term)) {
            return;
        }
        String approver = (String) execution.getVariable(TermCloseModel.APPROVER);
        String name = accounts.byUsername(approver).map(a -> a.displayName()).orElse(approver);
        locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                "Hiệu trưởng phê duyệt kết quả học kì " + term), new Actor(approver, "PRINCIPAL", null), name);
    }
}
