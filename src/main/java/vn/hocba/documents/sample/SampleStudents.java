package vn.hocba.documents.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hocba.documents.PrintedProfile;

/** Forty deterministic student profiles with full Vietnamese diacritics. */
final class SampleStudents {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lữ", "Ông"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Minh", "Khánh", "Bảo", "Thuỳ", "Phương"};
    private static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Đức", "Gia", "Hữu", "Tuấn", "Quang"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Diệp", "Giang", "Hà", "Hương", "Linh", "Mai", "Ngân",
        "Nhi", "Oanh", "Phượng", "Quyên", "Trang", "Uyên", "Vy", "Yến", "Ỷ"};
    private static final String[] GIVEN_M = {"An", "Bảo", "Cường", "Dũng", "Đạt", "Hiếu", "Huy", "Khải", "Khoa",
        "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Vũ", "Ước", "Ẩn"};
    private static final String[] STREETS = {"Trần Duy Hưng", "Nguyễn Khánh Toàn", "Cầu Giấy", "Xuân Thuỷ",
        "Hoàng Quốc Việt", "Dịch Vọng Hậu"};

    private SampleStudents() {
    }

    static List<PrintedProfile> create(int count) {
        Random random = new Random(7);
        List<PrintedProfile> students = new ArrayList<>();
        students.add(profile(1, "Đặng Thị Ánh", "Nữ", random));
        students.add(profile(2, "Lữ Quang Vũ", "Nam", random));
        students.add(profile(3, "Hoàng Ngọc Ỷ", "Nữ", random));
        for (int i = students.size() + 1; i <= count; i++) {
            boolean female = random.nextBoolean();
            String name = pick(FAMILY, random) + " " + (female ? pick(MIDDLE_F, random) : pick(MIDDLE_M, random))
                    + " " + (female ? pick(GIVEN_F, random) : pick(GIVEN_M, random));
            students.add(profile(i, name, female ? "Nữ" : "Nam", random));
        }
        return students;
    }

    private static PrintedProfile profile(int no, String name, String sex, Random random) {
        String family = name.substring(0, name.indexOf(' '));
        String father = family + " " + pick(MIDDLE_M, random) + " " + pick(GIVEN_M, random);
        String mother = pick(FAMILY, random) + " Thị " + pick(GIVEN_F, random);
        String dob = String.format("%02d/%02d/2012", 1 + random.nextInt(28), 1 + random.nextInt(12));
        String address = "Số " + (1 + random.nextInt(200)) + " phố " + pick(STREETS, random)
                + ", phường Dịch Vọng, quận Cầu Giấy, Hà Nội";
        String policy = no == 3 ? "Con thương binh" : "Không";
        // Mã định danh (TT 59/2021/TT-BCA Art. 7): Hà Nội 001, century/sex digit 2 male / 3 female for 2000s, year 12.
        return new PrintedProfile(String.format("HS7A1%03d", no), String.format("001%d12%06d", "Nữ".equals(sex) ? 3 : 2, 4711 + no * 37),
                name, sex, dob, no % 5 == 0 ? "Nam Định" : "Hà Nội", no == 3 ? "Tày" : "Kinh", policy, address,
                father, "Kỹ sư", mother, "Giáo viên", "", "");
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
