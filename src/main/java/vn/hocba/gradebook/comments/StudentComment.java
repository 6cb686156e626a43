package vn.hocba.gradebook.comments;

/** A stored comment on one student, with its version (for the next save) and its last author. */
public record StudentComment(long studentId, String text, int version, String updatedBy) {
}
