/**
 * Closing a term and the year: what is still missing ({@link vn.hocba.gradebook.closing.Readiness}),
 * the teachers' sign-offs of a class's content hash ({@link vn.hocba.gradebook.closing.SignOffs}) and the
 * year end: promotion, retests and its approval ({@link vn.hocba.gradebook.closing.YearEnd}).
 */
@org.springframework.modulith.NamedInterface("closing")
package vn.hocba.gradebook.closing;
