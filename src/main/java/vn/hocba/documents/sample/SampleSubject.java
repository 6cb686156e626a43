package vn.hocba.documents.sample;

import java.util.List;

/**
 * A grade-7 THCS subject of TT22 with its teacher(s) and number of regular assessments per term;
 * the integrated Lịch sử và Địa lí is shared by two co-teachers ("A, B" in column order).
 */
record SampleSubject(String code, String name, boolean commentOnly, int regularCount, String teacher) {

    /** Each teacher of the subject, in column order: one signature box each. */
    List<String> teachers() {
        return List.of(teacher.split(", "));
    }

    /** TT22 Art. 5 subject kinds; regular counts from periods per year (Art. 6: ≤35 → 2, 36–70 → 3, >70 → 4). */
    static final List<SampleSubject> GRADE_7 = List.of(
            new SampleSubject("NGU_VAN", "Ngữ văn", false, 4, "Nguyễn Thị Hằng"),
            new SampleSubject("TOAN", "Toán", false, 4, "Trần Quốc Đạt"),
            new SampleSubject("NGOAI_NGU_1", "Ngoại ngữ 1", false, 4, "Phạm Thị Thu Hương"),
            new SampleSubject("GDCD", "Giáo dục công dân", false, 2, "Lê Thị Ngọc Ánh"),
            new SampleSubject("LS_DL", "Lịch sử và Địa lí", false, 4, "Đỗ Văn Thắng, Mai Thị Hoa"),
            new SampleSubject("KHTN", "Khoa học tự nhiên", false, 4, "Vũ Thị Thuỷ"),
            new SampleSubject("CONG_NGHE", "Công nghệ", false, 2, "Hoàng Minh Đức"),
            new SampleSubject("TIN_HOC", "Tin học", false, 2, "Bùi Thanh Tùng"),
            new SampleSubject("GDTC", "Giáo dục thể chất", true, 2, "Ngô Văn Cường"),
            new SampleSubject("NGHE_THUAT", "Nghệ thuật", true, 2, "Dương Thị Ỷ Lan"),
            new SampleSubject("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", true, 2, "Đặng Thị Ánh Tuyết"),
            new SampleSubject("GDDP", "Nội dung giáo dục của địa phương", true, 2, "Lữ Thị Hồng Nhung"));
}
