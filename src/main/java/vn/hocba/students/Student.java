package vn.hocba.students;

/** A student of the school with a profile. */
public record Student(StudentId id, StudentProfile profile) {
}
