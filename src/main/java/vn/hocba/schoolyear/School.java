package vn.hocba.schoolyear;

/**
 * A school: {@code code} is the sector's "mã trường", {@code level} THCS or THPT; {@code district} (quận/huyện)
 * and {@code commune} (xã/phường/đặc khu, the unit under the province since 1 July 2025) may be null.
 */
public record School(SchoolId id, String code, String name, String province, String level, String district,
        String commune) {
}
