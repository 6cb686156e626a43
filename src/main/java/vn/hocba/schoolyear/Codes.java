package vn.hocba.schoolyear;

import vn.hocba.common.Rejected;
import vn.hocba.common.TypedText;

/** Checks of codes and names typed by the admin board. */
final class Codes {

    private Codes() {
    }

    /** A code: 1-20 characters, letters A-Z, digits, '_' or '-'. */
    static String code(String value, String what) {
        return code(value, what, 20);
    }

    /** A code of at most {@code maxLength} (≤ 20) characters: letters A-Z, digits, '_' or '-' (a class code: 10). */
    static String code(String value, String what, int maxLength) {
        String code = value == null ? "" : value.trim();
        if (!code.matches("[A-Za-z0-9_-]{1," + maxLength + "}")) {
            throw Rejected.invalid("Mã " + what + " \"" + shown(value) + "\" không hợp lệ: cần 1–" + maxLength
                    + " ký tự gồm chữ cái không dấu, chữ số, '_' hoặc '-'.");
        }
        return code;
    }

    /** A required text, trimmed and normalised to Unicode NFC; no control characters, at most {@code maxLength}. */
    static String text(String value, String what, int maxLength) {
        return TypedText.required(value, what, maxLength);
    }

    /** The refused value as it may be quoted back: control characters shown as '?', cut at 40 characters. */
    private static String shown(String value) {
        String text = value == null ? "" : value.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
