package vn.hocba.students;

import java.time.LocalDate;
import vn.hocba.common.Rejected;
import vn.hocba.common.TypedText;

/** Validates a profile before it is stored; messages name the student and the field. */
final class ProfileCheck {

    private ProfileCheck() {
    }

    static StudentProfile normalised(StudentProfile p, LocalDate today) {
        String code = p.code() == null ? "" : p.code().trim();
        if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
            throw Rejected.invalid("Mã học sinh \"" + p.code() + "\" không hợp lệ: 1–20 chữ cái không dấu, chữ số, '_' hoặc '-'.");
        }
        String name = TypedText.optional(p.fullName(), "họ và tên của học sinh " + code, 100);
        if (name == null) {
            throw Rejected.invalid("Học sinh " + code + ": thiếu họ và tên.");
        }
        if (p.nationalId() != null && !p.nationalId().matches("\\d{12}")) {
            throw Rejected.invalid("Học sinh " + code + " (" + name + "): mã định danh cá nhân \"" + p.nationalId()
                    + "\" phải gồm đúng 12 chữ số.");
        }
        if (p.sex() == null) {
            throw Rejected.invalid("Học sinh " + code + " (" + name + "): thiếu giới tính (NAM hoặc NU).");
        }
        if (p.dateOfBirth() == null || !p.dateOfBirth().isBefore(today.minusYears(4))) {
            throw Rejected.invalid("Học sinh " + code + " (" + name + "): ngày sinh thiếu hoặc không hợp lý.");
        }
        String of = " của học sinh " + code + " (" + name + ")";
        // the lengths are those of the student table's columns (V2__students.sql)
        return new StudentProfile(code, p.nationalId(), name, p.sex(), p.dateOfBirth(),
                TypedText.optional(p.placeOfBirth(), "nơi sinh" + of, 200), TypedText.optional(p.ethnicity(), "dân tộc" + of, 50),
                TypedText.optional(p.policyStatus(), "diện chính sách" + of, 200), TypedText.optional(p.address(), "địa chỉ" + of, 300),
                parent(p.father(), "cha", of), parent(p.mother(), "mẹ", of), parent(p.guardian(), "người giám hộ", of));
    }

    private static StudentProfile.Parent parent(StudentProfile.Parent parent, String who, String of) {
        return parent == null ? null : new StudentProfile.Parent(TypedText.optional(parent.name(), "họ tên " + who + of, 100),
                TypedText.optional(parent.occupation(), "nghề nghiệp của " + who + of, 100));
    }
}
