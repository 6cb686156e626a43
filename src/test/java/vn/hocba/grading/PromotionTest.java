package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.grading.Gradebooks.resultsOf;
import static vn.hocba.grading.Gradebooks.student;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionTest {

    @ParameterizedTest(name = "{0}+{1} sessions absent → {2}")
    @CsvSource({"0, 0, PROMOTED", "22, 23, PROMOTED", "45, 0, PROMOTED", "0, 45, PROMOTED",
        "23, 23, RETAINED", "46, 0, RETAINED", "0, 46, RETAINED"})
    void moreThan45SessionsAbsentRetainsAnOtherwiseExcellentStudent(int excused, int unexcused, Promotion p) {
        StudentResults r = resultsOf(student("9.0").absences(excused, unexcused).build());
        assertThat(r.absences()).isEqualTo(excused + unexcused);
        assertThat(r.promotion()).isEqualTo(p);
    }

    @Test
    void absencesOver45RetainWithoutSummerTrainingOrRetest() {
        StudentResults r = resultsOf(student("4.0").conduct(Level.CD, Level.CD).summer(Level.T)
                .retest("TOAN", "9").absences(40, 6).build());
        assertThat(r.promotion()).isEqualTo(Promotion.RETAINED);
        assertThat(r.conduct().afterSummer()).isNull();
        assertThat(r.learning().afterRetest()).isNull();
        assertThat(r.subject(new SubjectCode("TOAN")).retest()).isNull();
    }

    @ParameterizedTest(name = "conduct {0}/{1}, summer {2} → {3}")
    @CsvSource(nullValues = "-", value = {
        "K, CD, -, SUMMER_TRAINING_PENDING", "K, CD, CD, RETAINED", "K, CD, D, PROMOTED_AFTER_REASSESSMENT",
        "CD, CD, T, PROMOTED_AFTER_REASSESSMENT", "CD, K, -, PROMOTED", "T, D, CD, PROMOTED"})
    void yearConductChuaDatLeadsToSummerTrainingWhoseResultDecides(Level hk1, Level hk2, Level summer,
                                                                   Promotion expected) {
        StudentResults r = resultsOf(student("7.0").conduct(hk1, hk2).summer(summer).build());
        assertThat(r.promotion()).isEqualTo(expected);
        Level expectedAfterSummer = r.conduct().year() == Level.CD ? summer : null;
        assertThat(r.conduct().afterSummer()).isEqualTo(expectedAfterSummer);
    }

    @Test
    void summerTrainingComesBeforeTheRetestWhenBothConductAndLearningFailed() {
        StudentResults r = resultsOf(student("4.0").conduct(Level.CD, Level.CD).retest("TOAN", "9").build());
        assertThat(r.promotion()).isEqualTo(Promotion.SUMMER_TRAINING_PENDING);
        assertThat(r.learning().afterRetest()).isNull();
    }

    @Test
    void retestCoversEveryScoredSubjectBelowFiveAndEveryCommentSubjectChuaDat() {
        Gradebooks.Student s = student("6.0").set("TOAN", "4.9").set("NGU_VAN", "3.0").set("GDTC", "CĐ")
                .set("GDDP", "CĐ");
        assertThat(resultsOf(s.build()).promotion()).isEqualTo(Promotion.RETEST_PENDING);
        s.retest("TOAN", "5.0").retest("NGU_VAN", "6").retest("GDTC", "Đ");
        assertThat(resultsOf(s.build()).promotion()).as("GDDP still pending").isEqualTo(Promotion.RETEST_PENDING);
        assertThat(resultsOf(s.build()).subject(new SubjectCode("TOAN")).retest()).isNull();
        s.retest("GDDP", "Đ");
        StudentResults r = resultsOf(s.build());
        assertThat(r.promotion()).isEqualTo(Promotion.PROMOTED_AFTER_REASSESSMENT);
        assertThat(r.learning().afterRetest().level()).isEqualTo(Level.D);
        assertThat(r.learning().year().level()).as("original kept").isEqualTo(Level.CD);
        SubjectResult toan = r.subject(new SubjectCode("TOAN"));
        assertThat(toan.year()).as("original ĐTBmcn kept").isEqualTo(Gradebooks.mark("4.9"));
        assertThat(toan.retest()).isEqualTo(Gradebooks.mark("5.0"));
        assertThat(r.subject(new SubjectCode("KHTN")).retest()).as("not a retest subject").isNull();
    }

    @Test
    void failedRetestRetainsAndKeepsTheOriginalResults() {
        StudentResults r = resultsOf(student("6.0").set("TOAN", "3.0").set("NGU_VAN", "3.0")
                .retest("TOAN", "6.0").retest("NGU_VAN", "3.4").build());
        assertThat(r.learning().year().level()).isEqualTo(Level.CD);
        assertThat(r.learning().afterRetest().level()).isEqualTo(Level.CD);
        assertThat(r.promotion()).isEqualTo(Promotion.RETAINED);
        assertThat(r.subject(new SubjectCode("NGU_VAN")).year()).isEqualTo(Gradebooks.mark("3.0"));
        assertThat(r.subject(new SubjectCode("NGU_VAN")).retest()).isEqualTo(Gradebooks.mark("3.4"));
    }

    @Test
    void recomputedLearningAfterRetestAppliesTheOneSubjectAdjustment() {
        // Year: Toán 3.0 and Văn 3.0, rest 7.0 → CĐ. Retest: Toán 6.0, Văn 3.0 → K→CĐ raised to Đ.
        StudentResults r = resultsOf(student("7.0").set("TOAN", "3.0").set("NGU_VAN", "3.0")
                .retest("TOAN", "6.0").retest("NGU_VAN", "3.0").build());
        assertThat(r.learning().afterRetest().level()).isEqualTo(Level.D);
        assertThat(r.learning().afterRetest().adjustedFor()).isEqualTo(new SubjectCode("NGU_VAN"));
        assertThat(r.promotion()).isEqualTo(Promotion.PROMOTED_AFTER_REASSESSMENT);
    }

    @Test
    void retestAfterPassedSummerTrainingCanPromote() {
        StudentResults r = resultsOf(student("6.0").set("TOAN", "2.0").conduct(Level.D, Level.CD).summer(Level.D)
                .set("NGU_VAN", "2.0").retest("TOAN", "5").retest("NGU_VAN", "5").build());
        assertThat(r.conduct().afterSummer()).isEqualTo(Level.D);
        assertThat(r.promotion()).isEqualTo(Promotion.PROMOTED_AFTER_REASSESSMENT);
    }

    @Test
    void retestEntriesOfAPromotedStudentAreIgnored() {
        StudentResults r = resultsOf(student("7.0").retest("TOAN", "2.0").build());
        assertThat(r.promotion()).isEqualTo(Promotion.PROMOTED);
        assertThat(r.subject(new SubjectCode("TOAN")).retest()).isNull();
        assertThat(r.learning().afterRetest()).isNull();
    }
}
