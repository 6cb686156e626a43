package vn.hocba.gradebook.comments;

/**
 * One comment a teacher writes: {@code text} as typed (blank or null clears it); {@code version}
 * the version the teacher saw (null for no comment yet), for optimistic locking as with marks.
 */
public record CommentChange(long studentId, String text, Integer version) {
}
