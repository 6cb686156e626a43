package vn.hocba.schoolyear;

/** A tổ chuyên môn. */
public record Department(DepartmentId id, String code, String name) {
}
