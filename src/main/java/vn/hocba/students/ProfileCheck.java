package vn.hocba.students;

import java.text.Normalizer;
import java.time.LocalDate;
import vn.hocba.common.Rejected;

/** Validates a profile before it is stored; messages name the student and the field. */
final class ProfileCheck {

    private ProfileCheck() {
    }

    static StudentProfile normalised(StudentProfile p, LocalDate today) {
        String code = p.code() == null ? "" : p.code().trim();
        if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
            throw Rejected.invalid("Mã học sinh \"" + p.code() + "\" không hợp lệ: 1–20 chữ cái không dấu, chữ số, '_' hoặc '-'.");
        }
        String name = nfc(p.fullName());
        if (name == null || name.isEmpty()) {
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
        return new StudentProfile(code, p.nationalId(), name, p.sex(), p.dateOfBirth(), nfc(p.placeOfBirth()),
                nfc(p.ethnicity()), nfc(p.policyStatus()), nfc(p.address()), parent(p.father()), parent(p.mother()),
                parent(p.guardian()));
    }

    private static StudentProfile.Parent parent(StudentProfile.Parent parent) {
        return parent == null ? null : new StudentProfile.Parent(nfc(parent.name()), nfc(parent.occupation()));
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
    }
}
