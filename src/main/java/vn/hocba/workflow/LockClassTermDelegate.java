package vn.hocba.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.closing.ApprovedTermLocks;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;

/**
 * Task_LockClassTerm: locks the class term (which stores the snapshot) in the name of the principal
 * whose approval is recorded. Reads only the class and term from the process: whether the term may be
 * locked, and by whom, comes from the recorded sign-offs ({@link ApprovedTermLocks}), never from
 * variables such as {@code approver} or from how the process got here (issue 13: a process started at
 * this step, or the principal's task completed without the API, locked a class without approval).
 * Without them the job fails, and after its retries the incident says what is missing.
 * Idempotent: a retried job finds the term locked and does nothing.
 */
@Component("lockClassTerm")
class LockClassTermDelegate implements JavaDelegate {

    private final SchoolDirectory directory;
    private final GradebookLocks locks;
    private final ApprovedTermLocks approvedLocks;
    private final Accounts accounts;

    LockClassTermDelegate(SchoolDirectory directory, GradebookLocks locks, ApprovedTermLocks approvedLocks, Accounts accounts) {
        this.directory = directory;
        this.locks = locks;
        this.approvedLocks = approvedLocks;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(((Number) execution.getVariable(TermCloseModel.CLASS_ID)).longValue()));
        int term = ((Number) execution.getVariable(TermCloseModel.TERM)).intValue();
        if (locks.isLocked(schoolClass, null, term)) {
            return;
        }
        approvedLocks.lock(schoolClass, term, username -> accounts.byUsername(username).map(a -> a.displayName()).orElse(username));
    }
}
