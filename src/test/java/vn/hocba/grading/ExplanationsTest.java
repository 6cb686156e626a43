package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.grading.Gradebooks.resultsOf;
import static vn.hocba.grading.Gradebooks.student;
import static vn.hocba.grading.Gradebooks.termMarks;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void everyResultOfACompleteStudentIsExplained() {
        StudentResults r = resultsOf(student("7.0").set("TOAN", "3.0").set("NGU_VAN", "3.0")
                .retest("TOAN", "6").retest("NGU_VAN", "5").conduct(Level.K, Level.CD).summer(Level.D).build());
        List<String> expected = new ArrayList<>();
        for (Subject s : Gradebooks.THCS) {
            for (String period : List.of("HK1", "HK2", "CN")) {
                expected.add(Explanation.subjectTopic(s.code(), period));
            }
        }
        expected.addAll(List.of("TOAN/retest", "NGU_VAN/retest", "learning/HK1", "learning/HK2", "learning/CN",
                "learning/afterRetest", "conduct/CN", "conduct/afterSummer", "promotion", "title"));
        assertThat(r.explanations()).extracting(Explanation::topic).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.explanations()).allSatisfy(e -> assertThat(e.text()).isNotBlank());
        assertThat(r.explain("NGU_VAN/retest").orElseThrow().text())
                .isEqualTo("Ngữ văn, kiểm tra lại: 5 thay cho kết quả cả năm 3.0 khi xét lên lớp (Điều 14)");
        assertThat(r.explain("promotion").orElseThrow().text()).isEqualTo("Được lên lớp sau khi đánh giá lại: học tập"
                + " sau kiểm tra lại Khá, rèn luyện sau kì nghỉ hè Đạt (Điều 14)");
    }

    @Test
    void aTermAverageIsExplainedByItsFormulaWithTheMarksAsEntered() {
        StudentResults r = resultsOf(student("9.0").term("TOAN", Term.HK1, termMarks("8 9 7 10 | 7.5 | 8.0")).build());
        assertThat(r.explain("TOAN/HK1").orElseThrow().text())
                .isEqualTo("Toán, HK I: ĐTBmhk = (8+9+7+10 + 2×7.5 + 3×8.0)/9 = 73.0/9 = 8.1");
        assertThat(r.explain("TOAN/CN").orElseThrow().text())
                .isEqualTo("Toán, cả năm: ĐTBmcn = (ĐTBmhk I + 2×ĐTBmhk II)/3 = (8.1 + 2×9.0)/3 = 26.1/3 = 8.7");
    }

    @Test
    void theSameInputIsExplainedInTheSameWordsEveryTime() {
        StudentRecord s = student("6.4").set("GDTC", "CĐ").build();
        StudentResults first = resultsOf(s);
        assertThat(resultsOf(s).explanations()).isEqualTo(first.explanations());
        Explanation learning = first.explain("learning/CN").orElseThrow();
        assertThat(learning.text()).isSameAs(learning.text());
    }
}
