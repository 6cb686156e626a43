/**
 * Corrections of locked marks: a request with its reason and evidence, the deadline rules, the
 * principal's approval and the applied change with its record ({@link vn.hocba.gradebook.corrections.Corrections},
 * {@link vn.hocba.gradebook.corrections.CorrectionIntake}).
 */
@org.springframework.modulith.NamedInterface("corrections")
package vn.hocba.gradebook.corrections;
