package vn.hocba.gradebook.homeroom;

import java.time.LocalDate;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.students.StudentId;

/** A day a student was absent: excused (P) or not (K). */
public record AbsenceEntry(ClassId schoolClass, StudentId student, LocalDate day, boolean excused) {
}
