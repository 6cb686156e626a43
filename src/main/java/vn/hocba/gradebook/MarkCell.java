package vn.hocba.gradebook;

/** A stored mark as a sheet shows it: value as text ("8", "7.5", "Đ") and its version. */
public record MarkCell(long studentId, MarkKind kind, int column, String value, int version) {
}
