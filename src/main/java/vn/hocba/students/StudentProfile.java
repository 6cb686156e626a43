package vn.hocba.students;

import java.time.LocalDate;

/**
 * What the transcript's profile page shows (domain.md §4). {@code code} is the school's student
 * code ("mã học sinh"); {@code nationalId} the 12-digit personal identifier ("mã định danh").
 */
public record StudentProfile(String code, String nationalId, String fullName, Sex sex, LocalDate dateOfBirth,
        String placeOfBirth, String ethnicity, String policyStatus, String address,
        Parent father, Parent mother, Parent guardian) {

    /** A parent or guardian: name and occupation. */
    public record Parent(String name, String occupation) {
    }
}
