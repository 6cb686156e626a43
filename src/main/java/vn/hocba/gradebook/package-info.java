/**
 * The class gradebook: marks (regular, mid-term, end-of-term), conduct ratings and absences.
 * This first part stores entries in bulk (used by the demo school); mark entry with its policy,
 * locks, corrections, snapshots and imports build on it (issue 4).
 */
package vn.hocba.gradebook;
