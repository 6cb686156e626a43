/**
 * Who is behind, by the school's rules, and the reminders sent to them: marks entered by mid-term
 * and by term end ({@link vn.hocba.reminders.EntryReminders}, seed 000 §VII.2), mid-term marks ten
 * days after the periodic test ({@code MidtermEntryReminders}, §VII.2.7) and the homeroom teacher's
 * monthly attendance confirmation ({@link vn.hocba.reminders.AttendanceReminders}, §VII.1.2). Each
 * reminder is an in-app notice (and an e-mail when configured) sent once. The timer processes of
 * {@code workflow} only call {@link vn.hocba.reminders.Reminders#remind}.
 */
package vn.hocba.reminders;
