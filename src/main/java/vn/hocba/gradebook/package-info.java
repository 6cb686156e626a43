/**
 * The class gradebook: marks (regular, mid-term, end-of-term) with their entry policy and cell rules,
 * the stored results of each class, locks and their snapshots, and the exported class gradebook.
 *
 * <p>The core (this package): every route that changes marks goes through
 * {@link vn.hocba.gradebook.MarkSheets#save}, whose cell rules live in one place ({@code CellRules},
 * {@link vn.hocba.gradebook.EntryPolicy}; a cell's value is a {@link vn.hocba.gradebook.CellValue}),
 * written with optimistic locking and audited by {@code MarkWriter}. {@link vn.hocba.gradebook.ClassResultsStore}
 * keeps each class's TT22 results, recomputed before commit, assembled from the stored marks by
 * {@link vn.hocba.gradebook.ClassGradebookAssembler}. {@link vn.hocba.gradebook.GradebookLocks} locks a class,
 * subject or term with a {@link vn.hocba.gradebook.Snapshots snapshot}; {@link vn.hocba.gradebook.GradebookExport}
 * writes {@code hocba.class-gradebook/1}; {@link vn.hocba.gradebook.EntryProgress} counts what is entered
 * against the deadlines ({@link vn.hocba.gradebook.AssessmentCalendar}).
 *
 * <p>Capabilities, each a subpackage exposed to other modules as a named interface:
 * <ul>
 *   <li>{@code excel}: templates and uploads of one subject or a whole class, previewed cell by cell;</li>
 *   <li>{@code comments}: the subject and homeroom teachers' comments (nhận xét);</li>
 *   <li>{@code homeroom}: absences, conduct and the monthly attendance confirmation;</li>
 *   <li>{@code closing}: readiness, sign-offs, the principal's approval before a lock, the year end;</li>
 *   <li>{@code corrections}: corrections of locked marks with their approval;</li>
 *   <li>{@code interchange}: the JSON import of a class and the demo school's bulk load.</li>
 * </ul>
 *
 * <p>Reads of other modules' tables, kept on purpose, each for a reason that an API call would lose:
 * <ul>
 *   <li>{@code MarkSheets} locks the class × subject rows of {@code teaching_assignment} ({@code for update})
 *       so that two saves of one sheet take turns; the lock must be in the save's own transaction.</li>
 *   <li>{@code ClassResultsStore} locks the class's {@code school_class} row (on PostgreSQL
 *       {@code for no key update}) so that recomputes of one class take turns, in the save's transaction.</li>
 *   <li>{@code ClassGradebookAssembler} and {@code StoredComments} join {@code subject} for its code in the
 *       one query that reads a class's marks or comments (a mark save reads them on every save).</li>
 * </ul>
 * Everything else about schools, classes, staff and students comes through {@code schoolyear} and
 * {@code students}.
 */
package vn.hocba.gradebook;
