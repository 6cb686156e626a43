package vn.hocba.gradebook;

/**
 * One cell a teacher changes: {@code value} as typed ("8", "7,5", "Đ", "CĐ", or null to clear);
 * {@code version} the version the teacher saw (null for an empty cell), for optimistic locking.
 */
public record CellChange(long studentId, MarkKind kind, int column, String value, Integer version) {
}
