package vn.hocba.schoolyear;

/** A subject or educational activity of the school's curriculum. */
public record CurriculumSubject(SubjectId id, String code, String name, AssessedBy assessment) {
}
