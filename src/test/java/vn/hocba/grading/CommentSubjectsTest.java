package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.grading.Gradebooks.resultsOf;
import static vn.hocba.grading.Gradebooks.student;
import static vn.hocba.grading.Gradebooks.termMarks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentSubjectsTest {

    @ParameterizedTest(name = "HK I [{0}], HK II [{1}] → {2} / {3} / year {4}")
    @CsvSource(delimiter = ';', value = {
        "Đ Đ | Đ | Đ;     Đ Đ | Đ | Đ;      Đ;  Đ;  Đ",
        "CĐ Đ | Đ | Đ;    Đ Đ | Đ | Đ;      CĐ; Đ;  Đ",
        "Đ Đ | Đ | Đ;     Đ Đ | Đ | CĐ;     Đ;  CĐ; CĐ",
        "Đ Đ | CĐ | Đ;    Đ Đ Đ CĐ | Đ | Đ; CĐ; CĐ; CĐ",
        "Đ Đ Đ | Đ | Đ;   Đ Đ Đ Đ | Đ | Đ;  Đ;  Đ;  Đ"})
    void termIsDatOnlyWhenEveryAssessmentIsDatAndYearIsTermTwo(String hk1, String hk2, String r1, String r2,
                                                               String year) {
        StudentResults r = resultsOf(student("9.0").term("GDTC", Term.HK1, termMarks(hk1))
                .term("GDTC", Term.HK2, termMarks(hk2)).build());
        SubjectResult gdtc = r.subject(new SubjectCode("GDTC"));
        assertThat(gdtc.hk1().text()).isEqualTo(r1);
        assertThat(gdtc.hk2().text()).isEqualTo(r2);
        assertThat(gdtc.year().text()).isEqualTo(year);
    }
}
