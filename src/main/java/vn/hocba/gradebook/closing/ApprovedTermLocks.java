package vn.hocba.gradebook.closing;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.gradebook.GradebookLock;
import vn.hocba.gradebook.GradebookLocks;
/**
 * The lock that ends a class's term close (domain.md §2.3): taken only on the recorded sign-offs —
 * every subject of the grade signed by its teacher, then the class by the homeroom teacher, then the
 * principal's approval of exactly that content (the same SHA-256) — and in the name of the principal who
 * recorded the approval. Nothing a caller passes (a process variable naming an approver, a completed
 * task) can stand in for these records.
 */
@Service
@Transactional
public class ApprovedTermLocks {

    private final SignOffs signOffs;
    private final SchoolDirectory directory;
    private final GradebookLocks locks;

    public ApprovedTermLocks(SignOffs signOffs, SchoolDirectory directory, GradebookLocks locks) {
        this.signOffs = signOffs;
        this.directory = directory;
        this.locks = locks;
    }

    /**
     * Locks the class term in the approving principal's name ({@code nameOf} gives a username's display
     * name); refused (409, naming what is missing) unless the sign-offs described above are recorded.
     */
    public GradebookLock lock(SchoolClass schoolClass, int term, UnaryOperator<String> nameOf) {
        SignOff approval = approval(schoolClass, term);
        return locks.lock(new GradebookLocks.LockRequest(schoolClass.yearId().value(), term, schoolClass.id(), null,
                "Hiệu trưởng phê duyệt kết quả " + TermName.of(term)), new Actor(approval.signedBy(), "PRINCIPAL", null),
                nameOf.apply(approval.signedBy()));
    }

    /** The principal's recorded approval that the lock rests on, after checking every sign-off below it. */
    @Transactional(readOnly = true)
    public SignOff approval(SchoolClass schoolClass, int term) {
        String what = "Lớp " + schoolClass.code() + " " + TermName.of(term) + " không khoá được: ";
        List<SignOff> active = signOffs.of(schoolClass, term).stream().filter(SignOff::active).toList();
        SignOff homeroom = classLevel(active, SignOff.Kind.HOMEROOM).orElseThrow(() -> Rejected.conflict(what
                + "giáo viên chủ nhiệm chưa ký xác nhận kết quả của lớp."));
        List<String> unsigned = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(gs -> active.stream().noneMatch(s -> s.kind() == SignOff.Kind.SUBJECT
                        && gs.subject().id().value() == s.subjectId() && s.id() < homeroom.id()))
                .map(gs -> gs.subject().name()).toList();
        if (!unsigned.isEmpty()) {
            throw Rejected.conflict(what + "các môn chưa được giáo viên bộ môn ký xác nhận trước khi lớp được ký: "
                    + String.join(", ", unsigned) + ".");
        }
        List<String> changed = signOffs.changedSinceSigned(schoolClass, term);
        if (!changed.isEmpty()) {
            throw Rejected.conflict(what + "điểm của các môn " + String.join(", ", changed) + " đã thay đổi sau khi "
                    + "giáo viên bộ môn ký xác nhận; môn đó cần được ký xác nhận lại, rồi lớp được ký và phê duyệt lại.");
        }
        SignOff approval = classLevel(active, SignOff.Kind.PRINCIPAL).orElseThrow(() -> Rejected.conflict(what
                + "chưa có phê duyệt của Hiệu trưởng."));
        if (approval.id() < homeroom.id() || !approval.contentSha256().equals(homeroom.contentSha256())) {
            throw Rejected.conflict(what + "phê duyệt của Hiệu trưởng không phải cho nội dung giáo viên chủ nhiệm đã ký (SHA-256 "
                    + homeroom.contentSha256() + ").");
        }
        return approval;
    }

    private static Optional<SignOff> classLevel(List<SignOff> active, SignOff.Kind kind) {
        return active.stream().filter(s -> s.kind() == kind && s.subjectId() == null).reduce((first, last) -> last);
    }
}
