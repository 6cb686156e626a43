package vn.hocba.grading.tt22;

import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Mark;
import vn.hocba.grading.TermMarks;
import java.util.stream.IntStream;

/** Results of comment-only subjects (TT22 Art. 9.1). */
final class CommentResults {

    private CommentResults() {
    }

    /** A term result and its explanation. */
    record Outcome(Mark.Comment value, String explanation) {
    }

    /**
     * TT22 Art. 9.1: a comment subject's term result is Đ when the required assessments are
     * present and ALL assessments (every regular one, including extra ones, mid-term and
     * end-of-term) are Đ; otherwise CĐ. Called only when the required marks are present.
     */
    static Outcome term(TermMarks marks) {
        int count = marks.regular().size() + 2;
        if (allDat(marks)) {
            return new Outcome(Mark.Comment.DAT, count < PASSED.length ? PASSED[count] : passed(count));
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < marks.regular().size(); i++) {
            if (comment(marks.regular().get(i)) != Mark.Comment.DAT) {
                failed.add(RequiredAssessments.regularColumn(i + 1));
            }
        }
        if (comment(marks.midterm()) != Mark.Comment.DAT) {
            failed.add(RequiredAssessments.MIDTERM);
        }
        if (comment(marks.endOfTerm()) != Mark.Comment.DAT) {
            failed.add(RequiredAssessments.END_OF_TERM);
        }
        return new Outcome(Mark.Comment.CHUA_DAT, "CĐ: " + String.join(", ", failed)
                + " là CĐ (cần tất cả " + count + " lần đánh giá đều Đ)");
    }

    // The explanation of a passed term depends only on how many assessments there were.
    private static final String[] PASSED = IntStream.range(0, 16)
            .mapToObj(CommentResults::passed).toArray(String[]::new);

    private static String passed(int count) {
        // TT22 Art. 6: comment subjects always require 2 regular assessments.
        return "Đ: đủ đánh giá bắt buộc (2 ĐĐGtx, ĐĐGgk, ĐĐGck) và cả " + count + " lần đánh giá đều Đ";
    }

    private static boolean allDat(TermMarks marks) {
        for (Mark m : marks.regular()) {
            if (comment(m) != Mark.Comment.DAT) {
                return false;
            }
        }
        return comment(marks.midterm()) == Mark.Comment.DAT && comment(marks.endOfTerm()) == Mark.Comment.DAT;
    }

    /** TT22 Art. 9.1: the year result of a comment subject is its term II result. */
    static String yearExplanation(Mark.Comment hk2) {
        return "lấy kết quả HK II: " + hk2.text();
    }

    private static Mark.Comment comment(Mark mark) {
        if (mark instanceof Mark.Comment c) {
            return c;
        }
        throw new IllegalArgumentException("A comment subject has a score: " + mark.text());
    }
}
