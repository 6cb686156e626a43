package vn.hocba.schoolyear;

/** A member of staff; {@code code} is the school's staff code (e.g. GV01). */
public record Staff(StaffId id, String code, String fullName, Position position, DepartmentId departmentId,
        String email) {
}
