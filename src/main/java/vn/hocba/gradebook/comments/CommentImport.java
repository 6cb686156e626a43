package vn.hocba.gradebook.comments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.students.EnrolledStudent;

/**
 * Applies the comments of an imported class gradebook ({@link CommentsJson}) in the import's
 * transaction, by the rules of the comment API: each slot (subject × period, homeroom × period) that
 * has a comment differing from the stored one (after NFC and trimming) is saved through
 * {@link StudentComments} — length limits, 423 where locked, audited with old and new text — and a
 * slot with nothing to change is not touched, locked or not.
 */
@Component
public class CommentImport {

    private final StudentComments comments;
    private final StoredComments stored;

    CommentImport(StudentComments comments, StoredComments stored) {
        this.comments = comments;
        this.stored = stored;
    }

    /**
     * Returns how many comments changed; {@code subjects} is the class's programme by subject code, and
     * every student and subject of {@code typed} has been checked to be the class's.
     */
    public int apply(SchoolClass schoolClass, Map<String, GradeSubject> subjects, List<CommentsJson.Typed> typed, Actor by,
            String related) {
        if (typed.isEmpty()) {
            return 0;
        }
        Map<String, EnrolledStudent> students = comments.roster(schoolClass).values().stream()
                .collect(Collectors.toMap(e -> e.student().profile().code(), Function.identity()));
        Map<CommentSlot, List<CommentsJson.Typed>> bySlot = new LinkedHashMap<>();
        for (CommentsJson.Typed t : typed) {
            CommentSlot slot = new CommentSlot(schoolClass,
                    t.subjectCode() == null ? null : subjects.get(t.subjectCode()).subject(), t.period());
            bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(t);
        }
        int changed = 0;
        for (Map.Entry<CommentSlot, List<CommentsJson.Typed>> e : bySlot.entrySet()) {
            List<CommentChange> changes = changes(e.getKey(), e.getValue(), students);
            if (!changes.isEmpty()) {
                changed += comments.save(e.getKey(), changes, by, related);
            }
        }
        return changed;
    }

    /** The comments of one slot that differ from the stored ones, each with the stored version it replaces. */
    private List<CommentChange> changes(CommentSlot slot, List<CommentsJson.Typed> typed, Map<String, EnrolledStudent> students) {
        Map<Long, StudentComment> current = stored.in(slot).stream()
                .collect(Collectors.toMap(StudentComment::studentId, Function.identity()));
        List<CommentChange> changes = new ArrayList<>();
        for (CommentsJson.Typed t : typed) {
            EnrolledStudent student = students.get(t.studentCode());
            if (student == null) {
                throw Rejected.invalid("Học sinh " + t.studentCode() + " không có tên trong lớp " + slot.schoolClass().code()
                        + "; không có gì được nhập.");
            }
            StudentComment now = current.get(student.student().id().value());
            if (!Objects.equals(slot.normalised(t.text(), student), now == null ? null : now.text())) {
                changes.add(new CommentChange(student.student().id().value(), t.text(), now == null ? null : now.version()));
            }
        }
        return changes;
    }
}
