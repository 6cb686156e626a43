package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.Term;
import vn.hocba.grading.TermMarks;

/** One student's term and year results in one subject, what is missing, and why (TT22 Art. 9.1). */
final class SubjectEvaluation {

    private SubjectEvaluation() {
    }

    /** Evaluates; adds missing entries and explanations to the given lists. */
    static SubjectResult evaluate(SubjectPlan plan, StudentRecord student, List<MissingEntry> missing,
                                  List<Explanation> explanations) {
        SubjectMarks marks = student.marksOf(plan.subject().code());
        Mark hk1 = term(plan, student, Term.HK1, marks.hk1(), missing, explanations);
        Mark hk2 = term(plan, student, Term.HK2, marks.hk2(), missing, explanations);
        return new SubjectResult(plan.subject().code(), hk1, hk2, year(plan, hk1, hk2, explanations), null);
    }

    /**
     * Decision (domain.md §3): a term result is computed only when every required mark of that
     * term is present; otherwise it is null (not computable) and the missing columns are listed.
     * An assessment not taken must be entered as 0 or CĐ, so "missing" always means "not entered".
     */
    private static Mark term(SubjectPlan plan, StudentRecord student, Term term, TermMarks marks,
                             List<MissingEntry> missing, List<Explanation> explanations) {
        List<String> absent = absentColumns(marks, plan.requiredRegular());
        if (!absent.isEmpty()) {
            addMissing(plan, student, term, absent, missing);
            explanations.add(new Explanation(plan.topic(term),
                    plan.text(term).append("chưa tính được, thiếu ").append(String.join(", ", absent)).toString()));
            return null;
        }
        if (plan.subject().scored()) {
            BigDecimal value = SubjectAverages.termValue(marks);
            explanations.add(Explanation.composedOnUse(plan.topic(term), () -> {
                StringBuilder text = plan.text(term);
                SubjectAverages.describeTerm(marks, value, text);
                return text.toString();
            }));
            return new Mark.Score(value);
        }
        CommentResults.Outcome outcome = CommentResults.term(marks);
        explanations.add(Explanation.composedOnUse(plan.topic(term),
                () -> plan.text(term).append(outcome.explanation()).toString()));
        return outcome.value();
    }

    /** Adds the student's missing entries of the subject and term alone (the same as {@link #evaluate} adds). */
    static void missing(SubjectPlan plan, StudentRecord student, Term term, List<MissingEntry> missing) {
        addMissing(plan, student, term,
                absentColumns(student.marksOf(plan.subject().code()).term(term), plan.requiredRegular()), missing);
    }

    private static void addMissing(SubjectPlan plan, StudentRecord student, Term term, List<String> absent,
                                   List<MissingEntry> missing) {
        for (String column : absent) {
            missing.add(MissingEntry.mark(student, plan.subject(), term, column));
        }
    }

    private static List<String> absentColumns(TermMarks marks, int required) {
        if (marks.regular().size() >= required && marks.midterm() != null && marks.endOfTerm() != null) {
            return List.of();
        }
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

    private static Mark year(SubjectPlan plan, Mark hk1, Mark hk2, List<Explanation> explanations) {
        if (!plan.subject().scored()) {
            // TT22 Art. 9.1: the year result of a comment subject is the term II result.
            explanations.add(Explanation.composedOnUse(plan.yearTopic(), () -> plan.yearText()
                    .append(hk2 == null ? "chưa tính được, chưa có kết quả HK II"
                            : CommentResults.yearExplanation((Mark.Comment) hk2)).toString()));
            return hk2;
        }
        if (hk1 == null || hk2 == null) {
            explanations.add(new Explanation(plan.yearTopic(), plan.yearText()
                    .append("chưa tính được ĐTBmcn, chưa có ĐTBmhk của cả hai học kì").toString()));
            return null;
        }
        BigDecimal first = ((Mark.Score) hk1).value();
        BigDecimal second = ((Mark.Score) hk2).value();
        BigDecimal value = SubjectAverages.yearValue(first, second);
        explanations.add(Explanation.composedOnUse(plan.yearTopic(), () -> {
            StringBuilder text = plan.yearText();
            SubjectAverages.describeYear(first, second, value, text);
            return text.toString();
        }));
        return new Mark.Score(value);
    }
}
