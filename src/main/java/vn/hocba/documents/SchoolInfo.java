package vn.hocba.documents;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * The issuing school as printed in document headers.
 *
 * @param authority   governing body line, e.g. "PHÒNG GD&amp;ĐT QUẬN 1"
 * @param name        e.g. "TRƯỜNG THCS MẪU"
 * @param code        school code (mã trường)
 * @param province    tỉnh/thành phố
 * @param district    quận/huyện
 * @param place       place name for the date line, e.g. "Hà Nội"
 * @param commune     xã/phường/đặc khu: the unit under the province since 1 July 2025 (two-level local
 *                    government), "" when unknown
 */
public record SchoolInfo(String authority, String name, String code, String province, String district,
        String place, String commune) {

    public SchoolInfo {
        commune = commune == null ? "" : commune;
    }

    /** Without the commune (a year before two-level local government, or not known). */
    public SchoolInfo(String authority, String name, String code, String province, String district, String place) {
        this(authority, name, code, province, district, place, "");
    }

    /** "TRƯỜNG THCS MẪU, Quận Cầu Giấy, Thành phố Hà Nội": the name, district and province that are not empty. */
    public String nameAndPlace() {
        return Stream.of(name, district, province).filter(s -> s != null && !s.isBlank())
                .map(String::strip).collect(Collectors.joining(", "));
    }
}
