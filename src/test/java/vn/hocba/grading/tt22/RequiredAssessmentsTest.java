package vn.hocba.grading.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hocba.grading.AssessmentKind;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;

class RequiredAssessmentsTest {

    @ParameterizedTest(name = "{0} with {1} periods needs {2} regular marks")
    @CsvSource({
        "SCORE, 1, 2", "SCORE, 35, 2", "SCORE, 35.5, 3", "SCORE, 36, 3", "SCORE, 70, 3",
        "SCORE, 70.5, 4", "SCORE, 71, 4", "SCORE, 140, 4",
        "COMMENT, 35, 2", "COMMENT, 70, 2", "COMMENT, 105, 2", "COMMENT, 140, 2"})
    void regularMarksRequiredPerTermFollowArticle6(AssessmentKind kind, String periods, int required) {
        Subject subject = new Subject(new SubjectCode("X"), "X", kind, new BigDecimal(periods));
        assertThat(RequiredAssessments.regular(subject)).isEqualTo(required);
    }
}
