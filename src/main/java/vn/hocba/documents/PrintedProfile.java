package vn.hocba.documents;

/**
 * A student's profile as printed on the transcript's first page and the class student list.
 * Dates are already formatted (dd/MM/yyyy).
 */
public record PrintedProfile(
        String studentCode,
        String personalId,
        String fullName,
        String sex,
        String dateOfBirth,
        String placeOfBirth,
        String ethnicity,
        String policyStatus,
        String address,
        String fatherName,
        String fatherOccupation,
        String motherName,
        String motherOccupation,
        String guardianName,
        String guardianOccupation) {
}
