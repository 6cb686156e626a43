package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.Term;
import vn.hocba.grading.TermMarks;

/** One student's term and year results in one subject, what is missing, and why (TT22 Art. 9.1). */
final class SubjectEvaluation {

    private final Subject subject;
    private final StudentRecord student;
    private final List<MissingEntry> missing = new ArrayList<>();
    private final List<Explanation> explanations = new ArrayList<>();

    private SubjectEvaluation(Subject subject, StudentRecord student) {
        this.subject = subject;
        this.student = student;
    }

    /** Evaluates; adds missing entries and explanations to the given lists. */
    static SubjectResult evaluate(Subject subject, StudentRecord student, List<MissingEntry> missing,
                                  List<Explanation> explanations) {
        SubjectEvaluation evaluation = new SubjectEvaluation(subject, student);
        SubjectResult result = evaluation.run();
        missing.addAll(evaluation.missing);
        explanations.addAll(evaluation.explanations);
        return result;
    }

    private SubjectResult run() {
        SubjectMarks marks = student.marksOf(subject.code());
        Mark hk1 = term(Term.HK1, marks.hk1());
        Mark hk2 = term(Term.HK2, marks.hk2());
        return new SubjectResult(subject.code(), hk1, hk2, year(hk1, hk2), null);
    }

    /**
     * Decision (domain.md §3): a term result is computed only when every required mark of that
     * term is present; otherwise it is null (not computable) and the missing columns are listed.
     * An assessment not taken must be entered as 0 or CĐ, so "missing" always means "not entered".
     */
    private Mark term(Term term, TermMarks marks) {
        int required = RequiredAssessments.regular(subject);
        List<String> absent = absentColumns(marks, required);
        for (String column : absent) {
            missing.add(MissingEntry.mark(student, subject, term, column));
        }
        String topic = Explanation.subjectTopic(subject.code(), term.name());
        if (!absent.isEmpty()) {
            explain(topic, term.label() + ": chưa tính được, thiếu " + String.join(", ", absent));
            return null;
        }
        if (subject.scored()) {
            SubjectAverages.Average average = SubjectAverages.term(marks);
            explain(topic, term.label() + ": " + average.explanation());
            return new Mark.Score(average.value());
        }
        CommentResults.Outcome outcome = CommentResults.term(marks, required);
        explain(topic, term.label() + ": " + outcome.explanation());
        return outcome.value();
    }

    private static List<String> absentColumns(TermMarks marks, int required) {
        List<String> absent = new ArrayList<>();
        for (int n = marks.regular().size() + 1; n <= required; n++) {
            absent.add(RequiredAssessments.regularColumn(n));
        }
        if (marks.midterm() == null) {
            absent.add(RequiredAssessments.MIDTERM);
        }
        if (marks.endOfTerm() == null) {
            absent.add(RequiredAssessments.END_OF_TERM);
        }
        return absent;
    }

    private Mark year(Mark hk1, Mark hk2) {
        String topic = Explanation.subjectTopic(subject.code(), "CN");
        if (!subject.scored()) {
            // TT22 Art. 9.1: the year result of a comment subject is the term II result.
            if (hk2 == null) {
                explain(topic, "cả năm: chưa tính được, chưa có kết quả HK II");
                return null;
            }
            explain(topic, "cả năm: " + CommentResults.yearExplanation((Mark.Comment) hk2));
            return hk2;
        }
        if (hk1 == null || hk2 == null) {
            explain(topic, "cả năm: chưa tính được ĐTBmcn, chưa có ĐTBmhk của cả hai học kì");
            return null;
        }
        BigDecimal first = ((Mark.Score) hk1).value();
        BigDecimal second = ((Mark.Score) hk2).value();
        SubjectAverages.Average average = SubjectAverages.year(first, second);
        explain(topic, "cả năm: " + average.explanation());
        return new Mark.Score(average.value());
    }

    private void explain(String topic, String text) {
        explanations.add(new Explanation(topic, subject.name() + ", " + text));
    }
}
