package vn.hocba.demo;

import java.math.BigDecimal;
import java.util.List;
import vn.hocba.schoolyear.AssessedBy;

/** The twelve subjects of the THCS curriculum (CT GDPT 2018) with their periods per year. */
final class DemoCurriculum {

    record DemoSubject(String code, String name, AssessedBy assessment, int periodsGrades6to7, int periodsGrades8to9) {

        BigDecimal periods(int grade) {
            return BigDecimal.valueOf(grade <= 7 ? periodsGrades6to7 : periodsGrades8to9);
        }
    }

    static final List<DemoSubject> SUBJECTS = List.of(
            new DemoSubject("NGU_VAN", "Ngữ văn", AssessedBy.SCORE, 140, 140),
            new DemoSubject("TOAN", "Toán", AssessedBy.SCORE, 140, 140),
            new DemoSubject("NGOAI_NGU_1", "Ngoại ngữ 1", AssessedBy.SCORE, 105, 105),
            new DemoSubject("GDCD", "Giáo dục công dân", AssessedBy.SCORE, 35, 35),
            new DemoSubject("LS_DL", "Lịch sử và Địa lí", AssessedBy.SCORE, 105, 105),
            new DemoSubject("KHTN", "Khoa học tự nhiên", AssessedBy.SCORE, 140, 140),
            new DemoSubject("CONG_NGHE", "Công nghệ", AssessedBy.SCORE, 35, 52),
            new DemoSubject("TIN_HOC", "Tin học", AssessedBy.SCORE, 35, 35),
            new DemoSubject("GDTC", "Giáo dục thể chất", AssessedBy.COMMENT, 70, 70),
            new DemoSubject("NGHE_THUAT", "Nghệ thuật", AssessedBy.COMMENT, 70, 70),
            new DemoSubject("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", AssessedBy.COMMENT, 105, 105),
            new DemoSubject("GDDP", "Nội dung giáo dục của địa phương", AssessedBy.COMMENT, 35, 35));

    private DemoCurriculum() {
    }
}
