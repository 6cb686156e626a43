package vn.hocba.demo;

import java.util.List;
import java.util.Random;
import vn.hocba.students.Sex;

/** Realistic Vietnamese names from a seeded generator (the same names on every start). */
final class DemoNames {

    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
            "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh");
    private static final List<String> MIDDLE_MALE = List.of("Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Gia",
            "Tuấn", "Anh", "Bảo", "Trọng", "Xuân");
    private static final List<String> MIDDLE_FEMALE = List.of("Thị", "Ngọc", "Thu", "Thanh", "Phương", "Khánh",
            "Minh", "Bảo", "Diệu", "Mai", "Hồng", "Ánh");
    private static final List<String> GIVEN_MALE = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu",
            "Hoàng", "Huy", "Khang", "Khoa", "Kiên", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
            "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trí", "Trung", "Tùng", "Việt", "Vinh", "Vũ", "Ỷ");
    private static final List<String> GIVEN_FEMALE = List.of("Anh", "Ánh", "Chi", "Diệp", "Dung", "Giang", "Hà",
            "Hằng", "Hạnh", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung",
            "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến");
    private static final List<String> OCCUPATIONS = List.of("Nông dân", "Công nhân", "Giáo viên", "Kinh doanh",
            "Bác sĩ", "Kĩ sư", "Nội trợ", "Công chức", "Lái xe", "Thợ may", "Kế toán", "Điều dưỡng");

    private final Random random;

    DemoNames(long seed) {
        this.random = new Random(seed);
    }

    Sex sex() {
        return random.nextBoolean() ? Sex.NAM : Sex.NU;
    }

    String fullName(Sex sex) {
        String middle = pick(sex == Sex.NAM ? MIDDLE_MALE : MIDDLE_FEMALE);
        String given = pick(sex == Sex.NAM ? GIVEN_MALE : GIVEN_FEMALE);
        return pick(FAMILY) + " " + middle + " " + given;
    }

    /** A parent's name with the given family name. */
    String parentName(String familyName, Sex sex) {
        String full = fullName(sex);
        return familyName + full.substring(full.indexOf(' '));
    }

    String occupation() {
        return pick(OCCUPATIONS);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextGaussian() {
        return random.nextGaussian();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
