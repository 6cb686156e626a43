package vn.hocba.web.closing;

import java.util.List;
import java.util.stream.Collectors;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SubjectSigners;
import vn.hocba.web.PersonNames;

/**
 * Where a subject's sign-offs stand, said the same way on the homeroom teacher's pages: who signed and, while a
 * teacher assigned to it has not (co-teachers each sign their part, {@link SubjectSigners}), who is still awaited —
 * a subject one of two co-teachers signed is not shown as signed.
 */
public final class SigningStates {

    private SigningStates() {
    }

    /**
     * "Đã ký: Ngô Văn Sử (gv10) · còn chờ ký: Hồ Quang Địa (gv12)"; "Đã trả lại: lí do" once sent back and signed
     * by nobody; "Chưa ký". {@code signedWord} is the page's word for signed ("Đã ký", "Đã ký xác nhận").
     */
    public static String of(SubjectSigners.SubjectSigning subject, List<SignOff> all, PersonNames people, String signedWord) {
        List<SignOff> active = subject.active();
        String waiting = subject.signed() || active.isEmpty() && subject.teachers().size() < 2 ? ""
                : " · còn chờ ký: " + subject.waiting().stream()
                        .map(t -> t.username() == null ? t.shown() : people.of(t.username())).collect(Collectors.joining(", "));
        if (!active.isEmpty()) {
            return signedWord + ": " + active.stream().map(SignOff::signedBy).distinct().map(people::of)
                    .collect(Collectors.joining(", ")) + waiting;
        }
        long id = subject.subject().subject().id().value();
        return all.stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT && s.subjectId() != null && s.subjectId() == id)
                .reduce((a, b) -> b).map(s -> "Đã trả lại: " + s.reopenReason() + waiting).orElse("Chưa ký" + waiting);
    }
}
