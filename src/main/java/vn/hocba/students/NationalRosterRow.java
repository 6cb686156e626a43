package vn.hocba.students;

import java.util.List;
import java.util.Set;

/**
 * One student row of a national-database export, as the import would treat it: a new student, a
 * changed profile (with what changes), unchanged, skipped (not studying: the status says so) or
 * invalid, with the reason for each refused cell ({@code invalidFields} names those cells' headers).
 */
public record NationalRosterRow(int row, String code, String fullName, String dateOfBirth, String sex, String ethnicity,
        String nationalId, String classCode, String status, Outcome outcome, List<String> problems, List<String> changes,
        Set<String> invalidFields, StudentProfile profile) {

    public enum Outcome {
        NEW("Mới"), CHANGED("Thay đổi"), UNCHANGED("Không đổi"), SKIPPED("Bỏ qua"), INVALID("Không hợp lệ");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean invalid(String header) {
        return invalidFields.contains(header);
    }
}
