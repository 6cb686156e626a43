/**
 * School-year setup: the school, its school years with two terms, departments, staff, subjects
 * and their periods per grade, classes, homeroom and teaching assignments, and the rollover to
 * the next school year. A leaf module: it knows nothing of marks, accounts or documents.
 *
 * <p>Writes go through {@link vn.hocba.schoolyear.SchoolSetup}, {@link vn.hocba.schoolyear.YearSetup},
 * {@link vn.hocba.schoolyear.AssignmentSetup} and {@link vn.hocba.schoolyear.YearRollover}; reads
 * through {@link vn.hocba.schoolyear.SchoolDirectory}. Every refusal is a
 * {@link vn.hocba.common.Rejected} with a Vietnamese message naming the offending code.
 */
package vn.hocba.schoolyear;
