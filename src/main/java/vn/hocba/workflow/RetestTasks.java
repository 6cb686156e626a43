package vn.hocba.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Viewer;

/**
 * The subject teacher's retest tasks (TT22 Art. 14), derived from the domain records rather than
 * held by the engine: once the principal has approved a class's year-end lists and until the final
 * approval, each teacher of a subject with retests not yet entered sees one task for that class and
 * subject, listing the students still without a retest mark. The task goes away as the marks are
 * entered ({@code POST /api/classes/{classId}/year-end/subjects/{subjectId}/retests}).
 */
@Component
class RetestTasks {

    static final String ACTION = "Nhập điểm kiểm tra lại";

    private final YearEnd yearEnd;
    private final SummerWork summer;

    RetestTasks(YearEnd yearEnd, SummerWork summer) {
        this.yearEnd = yearEnd;
        this.summer = summer;
    }

    List<TaskInbox.InboxTask> of(Viewer viewer) {
        Map<Long, SchoolClass> classes = new LinkedHashMap<>();
        viewer.teaching().forEach(t -> classes.putIfAbsent(t.schoolClass().id().value(), t.schoolClass()));
        List<TaskInbox.InboxTask> inbox = new ArrayList<>();
        for (SchoolClass schoolClass : classes.values()) {
            Optional<Instant> approved = yearEnd.latest(schoolClass).filter(s -> s == YearEnd.Stage.APPROVED)
                    .flatMap(s -> yearEnd.decidedAt(schoolClass, s));
            if (approved.isEmpty()) {
                continue;
            }
            List<SummerWork.PendingRetest> pending = summer.retests(schoolClass);
            viewer.teaching().stream().filter(t -> t.schoolClass().id().equals(schoolClass.id()))
                    .map(TeachingAssignment::subject).distinct().forEach(subject -> {
                        List<String> missing = pending.stream().filter(r -> r.subjectId().equals(subject.id()))
                                .map(SummerWork.PendingRetest::message).toList();
                        if (!missing.isEmpty()) {
                            inbox.add(new TaskInbox.InboxTask("retest-" + schoolClass.id().value() + "-" + subject.id().value(),
                                    ACTION + " môn " + subject.name(), YearEndModel.PROCESS, schoolClass.code(),
                                    schoolClass.id().value(), subject.code(), subject.name(), null, null,
                                    Date.from(approved.get()), null, missing, TaskInbox.RETEST_STEP, null));
                        }
                    });
        }
        return inbox;
    }
}
