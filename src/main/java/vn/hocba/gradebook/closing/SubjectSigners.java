package vn.hocba.gradebook.closing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Accounts;

/**
 * Who must sign each subject of a class's term and who has, from the records (domain.md §2.3; seed 000: the
 * co-teachers of an integrated subject — Lịch sử và Địa lí, history columns 1–2 and geography 3–4 — each enter
 * and sign their own part). A subject counts as signed only when every teacher of a teaching assignment of it in
 * the class has an active sign-off of it; one co-teacher's signature does not stand for the other's part, which may
 * be the part that was wrong (a send-back reopens every co-teacher's sign-off). A subject nobody is assigned to
 * counts as signed when someone's sign-off of it is active, as before. A teacher assigned after signing had been
 * done (a new co-teacher) is one more teacher to wait for. Sign-offs name accounts; the teacher's account comes
 * from {@code security} (a teacher without one cannot have signed).
 */
@Component
public class SubjectSigners {

    private final SchoolDirectory directory;
    private final Accounts accounts;

    SubjectSigners(SchoolDirectory directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** One teacher of the subject: full name, account (null without one), their active sign-off (null if none). */
    public record Signer(String fullName, String username, SignOff signOff) {

        public boolean signed() {
            return signOff != null;
        }

        /** "Hồ Quang Địa (gv12)", as pages name people. */
        public String shown() {
            return username == null ? fullName + " (chưa có tài khoản)" : fullName + " (" + username + ")";
        }
    }

    /** A subject of the class's grade with its teachers and its active sign-offs (oldest first). */
    public record SubjectSigning(GradeSubject subject, List<Signer> teachers, List<SignOff> active) {

        /** Signed by every teacher assigned to it (and by someone). */
        public boolean signed() {
            return !active.isEmpty() && teachers.stream().allMatch(Signer::signed);
        }

        /** The teachers still to sign. */
        public List<Signer> waiting() {
            return teachers.stream().filter(t -> !t.signed()).toList();
        }

        /** "Lịch sử và Địa lí (còn chờ Hồ Quang Địa (gv12) ký)"; the name alone when nobody is named. */
        public String describe() {
            List<Signer> waiting = waiting();
            return waiting.isEmpty() ? subject.subject().name() : subject.subject().name() + " (còn chờ "
                    + waiting.stream().map(Signer::shown).collect(Collectors.joining(", ")) + " ký)";
        }
    }

    /** Every subject of the class's grade, in the grade's order, with who signed it among {@code signOffs}. */
    public List<SubjectSigning> of(SchoolClass schoolClass, List<SignOff> signOffs) {
        List<TeachingAssignment> teaching = directory.teachingAssignmentsOfClass(schoolClass.id());
        Map<StaffId, String> usernames = accounts.usernamesOfStaff();
        List<SubjectSigning> subjects = new ArrayList<>();
        for (GradeSubject gs : directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade())) {
            long id = gs.subject().id().value();
            List<SignOff> active = signOffs.stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT && s.active()
                    && Objects.equals(s.subjectId(), id)).toList();
            // A teacher of several column ranges of one subject signs it once.
            Map<StaffId, String> teachers = new LinkedHashMap<>();
            teaching.stream().filter(t -> t.subject().id().value() == id)
                    .forEach(t -> teachers.putIfAbsent(t.teacher().id(), t.teacher().fullName()));
            List<Signer> signers = teachers.entrySet().stream().map(e -> {
                String username = usernames.get(e.getKey());
                SignOff own = username == null ? null
                        : active.stream().filter(s -> s.signedBy().equals(username)).reduce((a, b) -> b).orElse(null);
                return new Signer(e.getValue(), username, own);
            }).toList();
            subjects.add(new SubjectSigning(gs, signers, active));
        }
        return subjects;
    }

    /** The subjects not yet signed by all their teachers. */
    public List<SubjectSigning> unsigned(SchoolClass schoolClass, List<SignOff> signOffs) {
        return of(schoolClass, signOffs).stream().filter(s -> !s.signed()).toList();
    }
}
