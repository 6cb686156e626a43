package vn.hocba.schoolyear;

/** Staff member {@code staffId} teaches {@code subject} in {@code schoolClass} (optionally only some columns). */
public record TeachingAssignment(long id, SchoolClass schoolClass, CurriculumSubject subject, Staff teacher, ColumnRange columns) {
}
