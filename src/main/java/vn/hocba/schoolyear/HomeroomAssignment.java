package vn.hocba.schoolyear;

/** Staff member is the homeroom teacher (giáo viên chủ nhiệm) of the class. */
public record HomeroomAssignment(SchoolClass schoolClass, Staff teacher) {
}
