package vn.hocba.grading.tt22;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocba.grading.ConductResults;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.LearningResults;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.Term;
import vn.hocba.grading.TitleRule;

/** All TT22 results of one student, in the order the regulation builds them. */
final class StudentEvaluation {

    private final List<Subject> subjects;
    private final List<SubjectPlan> plans;
    private final TitleRule titles;

    StudentEvaluation(List<Subject> subjects, TitleRule titles) {
        this.subjects = subjects;
        this.plans = subjects.stream().map(SubjectPlan::of).toList();
        this.titles = titles;
    }

    StudentResults evaluate(StudentRecord student) {
        List<MissingEntry> missing = new ArrayList<>();
        List<Explanation> explanations = new ArrayList<>(4 * plans.size() + 8);
        Map<SubjectCode, SubjectResult> results = new LinkedHashMap<>(2 * plans.size());
        for (SubjectPlan plan : plans) {
            results.put(plan.subject().code(), SubjectEvaluation.evaluate(plan, student, missing, explanations));
        }
        for (Term term : Term.values()) {
            if (student.conduct().term(term) == null) {
                missing.add(MissingEntry.conduct(student, term));
            }
        }
        if (!missing.isEmpty()) {
            // Decision (domain.md §3): incomplete → subject values only; no level, promotion, title.
            explanations.add(new Explanation("missing", "Chưa đủ dữ liệu (" + missing.size()
                    + " mục còn thiếu) nên chưa xếp loại học tập, rèn luyện, lên lớp và danh hiệu"));
            return new StudentResults(student.code(), student.fullName(), false, missing, results, null, null,
                    student.absences().total(), null, null, explanations);
        }
        return complete(student, results, explanations);
    }

    private StudentResults complete(StudentRecord student, Map<SubjectCode, SubjectResult> results,
                                    List<Explanation> explanations) {
        LearningAssessment hk1 = learning(results, Term.HK1, explanations);
        LearningAssessment hk2 = learning(results, Term.HK2, explanations);
        Standing yearStanding = standing(results, null);
        LearningAssessment year = LearningAssessment.of(yearStanding);
        explanations.add(year.explanation("CN"));
        Level conductYear = conductYear(student, explanations);

        PromotionDecision.Outcome outcome = PromotionDecision.decide(student, conductYear,
                year.result().level(), yearStanding);
        explainReassessment(outcome, explanations);
        applyRetests(results, outcome.appliedRetests(), explanations);

        TitleRule.Award award = titles.award(conductYear, year.result().level(), yearStanding.scoredResults());
        explanations.add(new Explanation("title", award.reason()));
        LearningAssessment afterRetest = outcome.learningAfterRetest();
        return new StudentResults(student.code(), student.fullName(), true, List.of(), results,
                new LearningResults(hk1.result(), hk2.result(), year.result(),
                        afterRetest == null ? null : afterRetest.result()),
                new ConductResults(student.conduct().hk1(), student.conduct().hk2(), conductYear,
                        outcome.conductAfterSummer()),
                student.absences().total(), outcome.promotion(), award.title(), explanations);
    }

    private static Level conductYear(StudentRecord student, List<Explanation> explanations) {
        Level c1 = student.conduct().hk1();
        Level c2 = student.conduct().hk2();
        Level year = YearConduct.of(c1, c2);
        explanations.add(Explanation.composedOnUse("conduct/CN", () -> YearConduct.explain(c1, c2, year)));
        return year;
    }

    private static void explainReassessment(PromotionDecision.Outcome outcome, List<Explanation> explanations) {
        explanations.add(PromotionDecision.explanation(outcome));
        if (outcome.conductAfterSummer() != null) {
            explanations.add(new Explanation("conduct/afterSummer", "Rèn luyện sau kì nghỉ hè: "
                    + outcome.conductAfterSummer().label() + " (Điều 13)"));
        }
        if (outcome.learningAfterRetest() != null) {
            explanations.add(outcome.learningAfterRetest().explanation("afterRetest"));
        }
    }

    private LearningAssessment learning(Map<SubjectCode, SubjectResult> results, Term term,
                                        List<Explanation> explanations) {
        LearningAssessment assessment = LearningAssessment.of(standing(results, term));
        explanations.add(assessment.explanation(term.name()));
        return assessment;
    }

    /** The standing of a term, or of the year when {@code term} is null. */
    private Standing standing(Map<SubjectCode, SubjectResult> results, Term term) {
        List<Standing.Entry> entries = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            SubjectResult r = results.get(subject.code());
            entries.add(new Standing.Entry(subject, term == null ? r.year() : r.term(term)));
        }
        return new Standing(entries);
    }

    // TT22 Art. 14: retest results replace the year results for the decision; originals are kept.
    private void applyRetests(Map<SubjectCode, SubjectResult> results, Map<SubjectCode, Mark> retests,
                              List<Explanation> explanations) {
        for (Subject subject : subjects) {
            Mark retest = retests.get(subject.code());
            if (retest == null) {
                continue;
            }
            SubjectResult r = results.get(subject.code());
            results.put(subject.code(), new SubjectResult(r.subject(), r.hk1(), r.hk2(), r.year(), retest));
            explanations.add(new Explanation(Explanation.subjectTopic(subject.code(), "retest"), subject.name()
                    + ", kiểm tra lại: " + retest.text() + " thay cho kết quả cả năm " + r.year().text()
                    + " khi xét lên lớp (Điều 14)"));
        }
    }
}
