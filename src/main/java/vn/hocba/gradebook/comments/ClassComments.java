package vn.hocba.gradebook.comments;

import java.util.Map;

/**
 * Every comment of one class, for printing: subject teachers' comments keyed by student, subject
 * code and period, homeroom comments by student and period. A missing comment reads as "".
 */
public record ClassComments(Map<String, String> subjectTexts, Map<String, String> homeroomTexts) {

    public ClassComments {
        subjectTexts = Map.copyOf(subjectTexts);
        homeroomTexts = Map.copyOf(homeroomTexts);
    }

    public static ClassComments none() {
        return new ClassComments(Map.of(), Map.of());
    }

    /** The comment of the teacher of {@code subjectCode} on the student for {@code period}, or "". */
    public String subject(long studentId, String subjectCode, CommentPeriod period) {
        return subjectTexts.getOrDefault(subjectKey(studentId, subjectCode, period), "");
    }

    /** The homeroom teacher's comment on the student for {@code period}, or "". */
    public String homeroom(long studentId, CommentPeriod period) {
        return homeroomTexts.getOrDefault(homeroomKey(studentId, period), "");
    }

    static String subjectKey(long studentId, String subjectCode, CommentPeriod period) {
        return studentId + "/" + subjectCode + "/" + period.name();
    }

    static String homeroomKey(long studentId, CommentPeriod period) {
        return studentId + "/" + period.name();
    }
}
