package vn.hocba.gradebook.homeroom;

import vn.hocba.schoolyear.ClassId;
import vn.hocba.students.StudentId;

/** A term conduct rating T/K/Đ/CĐ by the homeroom teacher (TT22 Art. 8), with an optional comment. */
public record ConductEntry(ClassId schoolClass, StudentId student, int term, String level, String comment) {
}
