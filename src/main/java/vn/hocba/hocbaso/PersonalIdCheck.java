package vn.hocba.hocbaso;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân) as Thông tư 59/2021/TT-BCA
 * Art. 7 builds it: 3 digits of the province where the birth was registered, 1 digit for century
 * and sex (0/1 male/female born 1900–1999, 2/3 born 2000–2099, 4/5 2100–2199), 2 digits of the year of
 * birth, 6 random digits. A record of a student whose number breaks one of these is not generated.
 */
public final class PersonalIdCheck {

    /** Province codes of Thông tư 59/2021/TT-BCA, Phụ lục I (the 63 provinces). */
    private static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012",
            "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035",
            "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058",
            "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083",
            "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

    private PersonalIdCheck() {
    }

    /**
     * What is wrong with {@code id} for a person born on {@code birthDate} of sex {@code female}, in
     * Vietnamese (empty when nothing is).
     */
    public static List<String> problems(String id, LocalDate birthDate, boolean female) {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("thiếu số định danh cá nhân");
            return problems;
        }
        if (!id.matches("\\d{12}")) {
            problems.add("số định danh cá nhân \"" + id + "\" phải gồm đúng 12 chữ số");
            return problems;
        }
        if (!PROVINCES.contains(id.substring(0, 3))) {
            problems.add("số định danh cá nhân " + id + ": mã tỉnh nơi đăng ký khai sinh " + id.substring(0, 3)
                    + " không có trong danh mục (Thông tư 59/2021/TT-BCA)");
        }
        if (birthDate != null) {
            int century = (birthDate.getYear() / 100) - 19; // 0 for 1900–1999, 1 for 2000–2099
            int expected = century * 2 + (female ? 1 : 0);
            int digit = id.charAt(3) - '0';
            if (century < 0 || digit != expected) {
                problems.add("số định danh cá nhân " + id + ": chữ số thứ 4 là " + digit + " nhưng học sinh "
                        + (female ? "nữ" : "nam") + " sinh năm " + birthDate.getYear() + " phải là " + expected);
            }
            String year = String.format("%02d", birthDate.getYear() % 100);
            if (!id.substring(4, 6).equals(year)) {
                problems.add("số định danh cá nhân " + id + ": chữ số thứ 5–6 là " + id.substring(4, 6)
                        + " nhưng năm sinh là " + birthDate.getYear());
            }
        }
        return problems;
    }
}
