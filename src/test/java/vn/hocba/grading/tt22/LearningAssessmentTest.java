package vn.hocba.grading.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hocba.grading.Gradebooks;
import vn.hocba.grading.LearningResult;
import vn.hocba.grading.Level;
import vn.hocba.grading.Subject;

/**
 * Art. 9.2 levels and the Art. 9.3 adjustment on a THCS standing: 8 scored subjects (NGU_VAN,
 * TOAN, NGOAI_NGU_1, GDCD, LS_DL, KHTN, CONG_NGHE, TIN_HOC) then 4 comment subjects.
 */
class LearningAssessmentTest {

    @ParameterizedTest(name = "[{0}] [{1}] → {2} (computed {3}, adjusted for {4})")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        // Tốt: all ≥ 6.5 and at least 6 ≥ 8.0
        "8.0 8.0 8.0 8.0 8.0 8.0 8.0 8.0; Đ Đ Đ Đ;   T; T; -",
        "8.0 8.0 8.0 8.0 8.0 8.0 6.5 6.5; Đ Đ Đ Đ;   T; T; -",
        // only 5 subjects ≥ 8.0 → Khá
        "8.0 8.0 8.0 8.0 8.0 7.9 6.5 6.5; Đ Đ Đ Đ;   K; K; -",
        // one subject 6.4 → not Tốt; Khá is one step below, no adjustment
        "9.0 9.0 9.0 9.0 9.0 9.0 9.0 6.4; Đ Đ Đ Đ;   K; K; -",
        // Khá: all ≥ 5.0 and at least 6 ≥ 6.5
        "6.5 6.5 6.5 6.5 6.5 6.5 5.0 5.0; Đ Đ Đ Đ;   K; K; -",
        // only 5 ≥ 6.5 → Đạt
        "6.5 6.5 6.5 6.5 6.5 6.4 5.0 5.0; Đ Đ Đ Đ;   Đ; Đ; -",
        // Đạt: at least 6 ≥ 5.0, none < 3.5
        "5.0 5.0 5.0 5.0 5.0 5.0 3.5 3.5; Đ Đ Đ Đ;   Đ; Đ; -",
        "5.0 5.0 5.0 5.0 5.0 5.0 3.5 3.4; Đ Đ Đ Đ;   CĐ; CĐ; -",
        // only 5 ≥ 5.0 → Chưa đạt
        "5.0 5.0 5.0 5.0 5.0 4.9 4.9 4.9; Đ Đ Đ Đ;   CĐ; CĐ; -",
        // Đạt allows one comment subject CĐ, not two
        "5.0 5.0 5.0 5.0 5.0 5.0 5.0 5.0; Đ CĐ Đ Đ;  Đ; Đ; -",
        "5.0 5.0 5.0 5.0 5.0 5.0 5.0 5.0; CĐ CĐ Đ Đ; CĐ; CĐ; -",
        // Art. 9.3 T→Đ becomes K: only one comment subject CĐ keeps a Tốt student from Tốt
        "8.0 8.0 8.0 8.0 8.0 8.0 8.0 8.0; Đ Đ Đ CĐ;  K; Đ; GDDP",
        // T→CĐ becomes Đ: only Tin học (3.4 < 6.5) violates Tốt, 7 subjects ≥ 8.0
        "9.0 9.0 9.0 9.0 9.0 9.0 9.0 3.4; Đ Đ Đ Đ;   Đ; CĐ; TIN_HOC",
        // T→Đ becomes K: only Toán (4.9) below 6.5
        "8.0 4.9 8.0 8.0 8.0 8.0 8.0 8.0; Đ Đ Đ Đ;   K; Đ; TOAN",
        // K→CĐ becomes Đ: only Ngữ văn (3.0) below 5.0, 7 subjects ≥ 6.5
        "3.0 7.0 7.0 7.0 7.0 7.0 7.0 7.0; Đ Đ Đ Đ;   Đ; CĐ; NGU_VAN",
        // no adjustment: two violating subjects
        "3.0 7.0 7.0 7.0 7.0 7.0 7.0 3.0; Đ Đ Đ Đ;   CĐ; CĐ; -",
        "8.0 8.0 8.0 8.0 8.0 8.0 8.0 3.0; Đ CĐ Đ Đ;  CĐ; CĐ; -",
        // no adjustment: Khá's count condition fails (only 5 ≥ 6.5)
        "3.0 6.5 6.5 6.5 6.5 6.5 6.0 6.0; Đ Đ Đ Đ;   CĐ; CĐ; -",
        // Tốt's count fails (5 ≥ 8.0); sole cause for Khá but Đạt is one step below Khá → stays Đạt
        "8.0 8.0 8.0 8.0 8.0 7.0 7.0 7.0; Đ Đ CĐ Đ;  Đ; Đ; -",
        // two subjects violate Tốt; only Toán violates Khá but Đạt is one step below Khá → stays Đạt
        "8.0 4.0 8.0 8.0 8.0 8.0 8.0 6.0; Đ Đ Đ Đ;   Đ; Đ; -"})
    void learningLevelFollowsArticle9WithTheOneSubjectAdjustment(String scores, String comments, String level,
                                                                  String computed, String adjustedFor) {
        LearningResult r = LearningAssessment.of(standing(scores, comments)).result();
        assertThat(r.level().code()).isEqualTo(level);
        assertThat(r.computed().code()).isEqualTo(computed);
        assertThat(r.adjustedFor() == null ? null : r.adjustedFor().value()).isEqualTo(adjustedFor);
    }

    @ParameterizedTest(name = "{0} scored subjects, all 8.0 → Tốt needs all of them")
    @CsvSource({"1", "3", "5"})
    void withFewerThanSixScoredSubjectsTheCountMeansAllOfThem(int scoredCount) {
        List<Standing.Entry> entries = new ArrayList<>();
        for (int i = 0; i < scoredCount; i++) {
            entries.add(new Standing.Entry(Gradebooks.THCS.get(i), Gradebooks.mark("8.0")));
        }
        assertThat(LearningAssessment.of(new Standing(entries)).result().level()).isEqualTo(Level.T);
        entries.set(0, new Standing.Entry(Gradebooks.THCS.get(0), Gradebooks.mark("7.9")));
        assertThat(LearningAssessment.of(new Standing(entries)).result().level()).isEqualTo(Level.K);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "8.0 4.9 8.0 8.0 8.0 8.0 8.0 8.0; Khá (nâng từ Đạt lên Khá theo Điều 9.3 vì chỉ môn Toán dưới 6,5"})
    void explanationNamesTheSubjectThatTriggeredTheAdjustment(String scores, String start) {
        String text = LearningAssessment.of(standing(scores, "Đ Đ Đ Đ")).explanation("CN").text();
        assertThat(text).startsWith("Kết quả học tập cả năm: " + start);
    }

    static Standing standing(String scores, String comments) {
        List<Standing.Entry> entries = new ArrayList<>();
        String[] s = scores.trim().split("\\s+");
        String[] c = comments.trim().split("\\s+");
        List<Subject> subjects = Gradebooks.THCS;
        for (int i = 0; i < 8; i++) {
            entries.add(new Standing.Entry(subjects.get(i), Gradebooks.mark(s[i])));
        }
        for (int i = 0; i < 4; i++) {
            entries.add(new Standing.Entry(subjects.get(8 + i), Gradebooks.mark(c[i])));
        }
        return new Standing(entries);
    }
}
