package vn.hocba.documents.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.TranscriptForm;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.Promotion;

class PrintedValuesTest {

    @Test
    void enteredMarksArePrintedAsTheTeacherWroteThemWithADecimalComma() {
        assertThat(PrintedValues.entered(Mark.Score.of("8.0"))).isEqualTo("8");
        assertThat(PrintedValues.entered(Mark.Score.of("10"))).isEqualTo("10");
        assertThat(PrintedValues.entered(Mark.Score.of("7.50"))).isEqualTo("7,5");
        assertThat(PrintedValues.entered(Mark.Comment.CHUA_DAT)).isEqualTo("CĐ");
        assertThat(PrintedValues.entered(null)).isEmpty();
    }

    @Test
    void averagesAlwaysShowOneDecimal() {
        assertThat(PrintedValues.result(Mark.Score.of("8"))).isEqualTo("8,0");
        assertThat(PrintedValues.result(Mark.Score.of("6.45"))).isEqualTo("6,5");
        assertThat(PrintedValues.result(Mark.Comment.DAT)).isEqualTo("Đ");
    }

    @Test
    void levelsAndDecisionsArePrintedInVietnameseWords() {
        assertThat(PrintedValues.level(Level.CD)).isEqualTo("Chưa đạt");
        assertThat(PrintedValues.level(null)).isEmpty();
        assertThat(PrintedValues.promotion(Promotion.RETAINED)).isEqualTo("Ở lại lớp");
        assertThat(PrintedValues.dateLine("Hà Nội", LocalDate.of(2026, 5, 31))).isEqualTo("Hà Nội, ngày 31 tháng 5 năm 2026");
        assertThat(PrintedValues.date(LocalDate.of(2013, 2, 3))).isEqualTo("03/02/2013");
    }

    @Test
    void theFormsYearEndOptionFollowsTheEnginesDecisionAndIsNoneWhileAReassessmentIsPending() {
        assertThat(PrintedValues.decision(Promotion.PROMOTED)).isEqualTo(TranscriptForm.Decision.PROMOTED);
        assertThat(PrintedValues.decision(Promotion.PROMOTED_AFTER_REASSESSMENT))
                .isEqualTo(TranscriptForm.Decision.PROMOTED_AFTER_REASSESSMENT);
        assertThat(PrintedValues.decision(Promotion.RETAINED)).isEqualTo(TranscriptForm.Decision.NOT_PROMOTED);
        assertThat(PrintedValues.decision(Promotion.RETEST_PENDING)).isEqualTo(TranscriptForm.Decision.UNDECIDED);
        assertThat(PrintedValues.decision(Promotion.SUMMER_TRAINING_PENDING)).isEqualTo(TranscriptForm.Decision.UNDECIDED);
        assertThat(PrintedValues.completion(Promotion.PROMOTED_AFTER_REASSESSMENT))
                .isEqualTo("Hoàn thành chương trình trung học cơ sở");
        assertThat(PrintedValues.completion(Promotion.RETAINED)).isEqualTo("Không hoàn thành chương trình trung học cơ sở");
    }
}
