package vn.hocba.schoolyear;

/** A school: {@code code} is the sector's "mã trường", {@code level} THCS or THPT. */
public record School(SchoolId id, String code, String name, String province, String level) {
}
