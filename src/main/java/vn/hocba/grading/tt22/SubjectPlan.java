package vn.hocba.grading.tt22;

import vn.hocba.grading.Explanation;
import vn.hocba.grading.Subject;
import vn.hocba.grading.Term;

/**
 * What is the same for every student of a class in one subject: the required regular marks
 * (Art. 6) and the topics and openings of the explanations. Computed once per class.
 */
record SubjectPlan(Subject subject, int requiredRegular, String hk1Topic, String hk2Topic, String yearTopic,
                   String hk1Prefix, String hk2Prefix, String yearPrefix) {

    static SubjectPlan of(Subject subject) {
        return new SubjectPlan(subject, RequiredAssessments.regular(subject),
                Explanation.subjectTopic(subject.code(), Term.HK1.name()),
                Explanation.subjectTopic(subject.code(), Term.HK2.name()),
                Explanation.subjectTopic(subject.code(), "CN"),
                subject.name() + ", " + Term.HK1.label() + ": ", subject.name() + ", " + Term.HK2.label() + ": ",
                subject.name() + ", cả năm: ");
    }

    String topic(Term term) {
        return term == Term.HK1 ? hk1Topic : hk2Topic;
    }

    /** A new explanation text starting with e.g. "Toán, HK I: ". */
    StringBuilder text(Term term) {
        return new StringBuilder(96).append(term == Term.HK1 ? hk1Prefix : term == Term.HK2 ? hk2Prefix : "");
    }

    StringBuilder yearText() {
        return new StringBuilder(96).append(yearPrefix);
    }
}
