package vn.hocba.demo;

import java.math.BigDecimal;
import java.util.List;
import vn.hocba.schoolyear.AssessmentKind;

/** The twelve subjects of the THCS curriculum (CT GDPT 2018) with their periods per year. */
final class DemoCurriculum {

    record DemoSubject(String code, String name, AssessmentKind assessment, int periodsGrades6to7, int periodsGrades8to9) {

        BigDecimal periods(int grade) {
            return BigDecimal.valueOf(grade <= 7 ? periodsGrades6to7 : periodsGrades8to9);
        }
    }

    static final List<DemoSubject> SUBJECTS = List.of(
            new DemoSubject("NGU_VAN", "Ngữ văn", AssessmentKind.SCORE, 140, 140),
            new DemoSubject("TOAN", "Toán", AssessmentKind.SCORE, 140, 140),
            new DemoSubject("NGOAI_NGU_1", "Ngoại ngữ 1", AssessmentKind.SCORE, 105, 105),
            new DemoSubject("GDCD", "Giáo dục công dân", AssessmentKind.SCORE, 35, 35),
            new DemoSubject("LS_DL", "Lịch sử và Địa lí", AssessmentKind.SCORE, 105, 105),
            new DemoSubject("KHTN", "Khoa học tự nhiên", AssessmentKind.SCORE, 140, 140),
            new DemoSubject("CONG_NGHE", "Công nghệ", AssessmentKind.SCORE, 35, 52),
            new DemoSubject("TIN_HOC", "Tin học", AssessmentKind.SCORE, 35, 35),
            new DemoSubject("GDTC", "Giáo dục thể chất", AssessmentKind.COMMENT, 70, 70),
            new DemoSubject("NGHE_THUAT", "Nghệ thuật", AssessmentKind.COMMENT, 70, 70),
            new DemoSubject("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", AssessmentKind.COMMENT, 105, 105),
            new DemoSubject("GDDP", "Nội dung giáo dục của địa phương", AssessmentKind.COMMENT, 35, 35));

    private DemoCurriculum() {
    }
}
