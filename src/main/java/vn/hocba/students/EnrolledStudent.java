package vn.hocba.students;

/** A student on a class roster, with their number in the class list. */
public record EnrolledStudent(int numberInClass, Student student) {
}
