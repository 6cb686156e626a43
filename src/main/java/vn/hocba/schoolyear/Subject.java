package vn.hocba.schoolyear;

/** A subject or educational activity of the school's curriculum. */
public record Subject(SubjectId id, String code, String name, AssessmentKind assessment) {
}
