package vn.hocba.schoolyear;

import java.text.Normalizer;
import vn.hocba.common.Rejected;

/** Checks of codes and names typed by the admin board. */
final class Codes {

    private Codes() {
    }

    /** A code: 1-20 characters, letters A-Z, digits, '_' or '-'. */
    static String code(String value, String what) {
        String code = value == null ? "" : value.trim();
        if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
            throw Rejected.invalid("Mã " + what + " \"" + (value == null ? "" : value)
                    + "\" không hợp lệ: cần 1–20 kí tự gồm chữ cái không dấu, chữ số, '_' hoặc '-'.");
        }
        return code;
    }

    /** A required text, trimmed and normalised to Unicode NFC (decomposed Vietnamese prints badly). */
    static String text(String value, String what, int maxLength) {
        String text = value == null ? "" : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            throw Rejected.invalid("Thiếu " + what + ".");
        }
        if (text.length() > maxLength) {
            throw Rejected.invalid(capitalize(what) + " dài quá " + maxLength + " kí tự.");
        }
        return text;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
