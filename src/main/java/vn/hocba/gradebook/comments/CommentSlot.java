package vn.hocba.gradebook.comments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.CurriculumSubject;
import vn.hocba.students.EnrolledStudent;

/**
 * Where a set of comments lives: the comments of one subject's teacher(s) in a class ({@code subject}
 * set) or of the class's homeroom teacher ({@code subject} null), for one period. Knows its table,
 * its audit names and its length limit.
 */
record CommentSlot(SchoolClass schoolClass, CurriculumSubject subject, CommentPeriod period) {

    /**
     * A subject comment shares a narrow cell of the transcript's subject table with the teacher's
     * signature: 150 characters are about four printed lines; twelve such rows still make a tidy table.
     */
    static final int SUBJECT_MAX_LENGTH = 150;
    static final int HOMEROOM_MAX_LENGTH = 1000;

    boolean homeroom() {
        return subject == null;
    }

    String table() {
        return homeroom() ? "homeroom_comment" : "subject_comment";
    }

    /** The key columns of this slot (then {@code student_id = ?}), with {@link #keyParams()}. */
    String key() {
        return "class_id = ? and term = ?" + (homeroom() ? "" : " and subject_id = ?");
    }

    List<Object> keyParams() {
        List<Object> params = new ArrayList<>(List.of(schoolClass.id().value(), period.code()));
        if (!homeroom()) {
            params.add(subject.id().value());
        }
        return params;
    }

    int maxLength() {
        return homeroom() ? HOMEROOM_MAX_LENGTH : SUBJECT_MAX_LENGTH;
    }

    String action(String verb) {
        return (homeroom() ? "HOMEROOM_COMMENT_" : "SUBJECT_COMMENT_") + verb;
    }

    String target(EnrolledStudent s) {
        String code = s.student().profile().code();
        return homeroom() ? "homeroom-comment " + schoolClass.code() + "/" + code + "/" + period.name()
                : "subject-comment " + schoolClass.code() + "/" + subject.code() + "/" + code + "/" + period.name();
    }

    /** "Nhận xét môn Toán về học sinh Nguyễn Văn An (HS00001), học kì 1": for messages. */
    String where(EnrolledStudent s) {
        String who = "học sinh " + s.student().profile().fullName() + " (" + s.student().profile().code() + ")";
        return (homeroom() ? "Nhận xét của giáo viên chủ nhiệm về " : "Nhận xét môn " + subject.name() + " về ")
                + who + ", " + period.label();
    }

    /** What is written lock-wise: "Nhận xét môn Toán lớp 6A1". */
    String what() {
        return (homeroom() ? "Nhận xét của giáo viên chủ nhiệm" : "Nhận xét môn " + subject.name()) + " lớp "
                + schoolClass.code();
    }

    /** The text as stored: NFC, trimmed, null when blank; refused when longer than the limit. */
    String normalised(String typed, EnrolledStudent s) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength()) {
            throw Rejected.invalid(where(s) + " dài " + length + " ký tự, vượt quá giới hạn " + maxLength()
                    + " ký tự. Hãy rút gọn rồi lưu lại; không có nhận xét nào được lưu.");
        }
        return text;
    }
}
