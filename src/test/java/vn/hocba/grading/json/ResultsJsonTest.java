package vn.hocba.grading.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.hocba.grading.Gradebooks;
import vn.hocba.grading.Level;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.Term;

class ResultsJsonTest {

    private static JsonNode student(Gradebooks.Student s, boolean explain) throws Exception {
        String text = new ResultsJson(explain).write(RuleSets.standard().compute(Gradebooks.of(s.build())));
        return GradebookJson.parse(text).get("students").get(0);
    }

    @Test
    void theSubjectThatTriggeredArticle93IsNamed() throws Exception {
        JsonNode s = student(Gradebooks.student("8.0").set("TOAN", "4.9"), false);
        assertThat(s.get("learning").get("CN").asText()).isEqualTo("K");
        JsonNode adjustment = s.get("learningAdjustments").get("CN");
        assertThat(adjustment.get("from").asText()).isEqualTo("Đ");
        assertThat(adjustment.get("subject").asText()).isEqualTo("TOAN");
        assertThat(adjustment.get("rule").asText()).isEqualTo("TT22 Art. 9.3");
    }

    @Test
    void retestResultsAndTheOriginalsAreBothWritten() throws Exception {
        JsonNode s = student(Gradebooks.student("6.0").set("TOAN", "3.0").set("NGU_VAN", "3.0")
                .retest("TOAN", "5").retest("NGU_VAN", "6.5"), false);
        JsonNode toan = s.get("subjects").get("TOAN");
        assertThat(toan.get("CN").decimalValue().toPlainString()).isEqualTo("3.0");
        assertThat(toan.get("retest").decimalValue().toPlainString()).isEqualTo("5.0");
        assertThat(s.get("subjects").get("KHTN").has("retest")).isFalse();
        assertThat(s.get("learning").get("CN").asText()).isEqualTo("CĐ");
        assertThat(s.get("learning").get("afterRetest").asText()).isEqualTo("Đ");
        assertThat(s.get("promotion").asText()).isEqualTo("PROMOTED_AFTER_REASSESSMENT");
    }

    @Test
    void summerTrainingResultIsWrittenAsConductAfterSummer() throws Exception {
        JsonNode s = student(Gradebooks.student("7.0").conduct(Level.K, Level.CD).summer(Level.D), false);
        assertThat(s.get("conduct").get("CN").asText()).isEqualTo("CĐ");
        assertThat(s.get("conduct").get("afterSummer").asText()).isEqualTo("Đ");
    }

    @Test
    void anIncompleteStudentHasOnlyComputableValuesAndWhatIsMissing() throws Exception {
        JsonNode s = student(Gradebooks.student("7.0").term("TOAN", Term.HK2, Gradebooks.termMarks("7 7 7 7 | 7 | -")),
                false);
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("subjects").get("TOAN").get("HK1").decimalValue().toPlainString()).isEqualTo("7.0");
        assertThat(s.get("subjects").get("TOAN").get("HK2").isNull()).isTrue();
        assertThat(s.has("learning")).isFalse();
        assertThat(s.has("promotion")).isFalse();
        JsonNode missing = s.get("missing").get(0);
        assertThat(missing.get("subject").asText()).isEqualTo("TOAN");
        assertThat(missing.get("term").asText()).isEqualTo("HK2");
        assertThat(missing.get("column").asText()).isEqualTo("ĐĐGck");
    }

    @Test
    void explanationsAreWrittenOnRequest() throws Exception {
        JsonNode s = student(Gradebooks.student("8.0").set("TOAN", "4.9"), true);
        assertThat(s.get("explanations").findValuesAsText("text")).anySatisfy(text -> assertThat(text)
                .startsWith("Kết quả học tập cả năm: Khá (nâng từ Đạt lên Khá theo Điều 9.3 vì chỉ môn Toán dưới 6,5"));
        assertThat(student(Gradebooks.student("8.0"), false).has("explanations")).isFalse();
    }
}
