package vn.hocba.workflow;

import org.springframework.stereotype.Component;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * What the gateways of processes/year-end.bpmn ask after the principal's tasks
 * ({@code ${yearEndDecisions.listsApproved(classId)}}): the class's recorded year-end decision, never a
 * process variable. A principal's task completed without a recorded approval (sent back with a reason, or
 * completed from outside HocBa) therefore leads back to the homeroom teacher, not on.
 */
@Component("yearEndDecisions")
public class YearEndDecisions {

    private final YearEnd yearEnd;
    private final SchoolDirectory directory;

    YearEndDecisions(YearEnd yearEnd, SchoolDirectory directory) {
        this.yearEnd = yearEnd;
        this.directory = directory;
    }

    /** Whether the principal's approval of the lists is on record (and not sent back). */
    public boolean listsApproved(Long classId) {
        return yearEnd.latest(directory.schoolClass(new ClassId(classId)))
                .filter(s -> s == YearEnd.Stage.APPROVED || s == YearEnd.Stage.FINAL).isPresent();
    }

    /** Whether the principal's final approval after the summer is on record. */
    public boolean finalApproved(Long classId) {
        return yearEnd.latest(directory.schoolClass(new ClassId(classId))).filter(s -> s == YearEnd.Stage.FINAL).isPresent();
    }
}
