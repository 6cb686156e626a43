/**
 * Closing a term and the year: what is still missing ({@link vn.hocba.gradebook.closing.Readiness}),
 * the teachers' sign-offs of a class's content hash ({@link vn.hocba.gradebook.closing.SignOffs}; whether every
 * teacher assigned to a subject signed it, {@link vn.hocba.gradebook.closing.SubjectSigners}, which asks
 * {@code security} for the teachers' account names because sign-offs name accounts) and the
 * year end: promotion, retests and its approval ({@link vn.hocba.gradebook.closing.YearEnd}), the summer
 * work still to enter ({@link vn.hocba.gradebook.closing.SummerWork}) and whether the year is closed, which
 * the year documents require ({@link vn.hocba.gradebook.closing.YearClosure}).
 */
@org.springframework.modulith.NamedInterface("closing")
package vn.hocba.gradebook.closing;
