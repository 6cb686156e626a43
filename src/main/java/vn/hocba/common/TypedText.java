package vn.hocba.common;

import java.text.Normalizer;

/**
 * A name or other one-line text someone typed (a person's name, a school's, an address): trimmed,
 * normalised to Unicode NFC (decomposed Vietnamese prints badly), and refused with a 400 naming the
 * field when it holds what no name can: control characters (NUL, which PostgreSQL cannot store,
 * escape, line breaks, …), lone UTF-16 surrogates (not characters at all), or more characters than
 * the field holds. The database would refuse some of these too, but only as an anonymous error.
 */
public final class TypedText {

    private TypedText() {
    }

    /**
     * The text, or null when {@code value} is null or blank.
     *
     * @param field the field as the message names it, e.g. "họ tên", "nơi sinh của học sinh HS001"
     * @param maxLength the most characters the field holds (its column's length)
     */
    public static String optional(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw Rejected.invalid("Có ký tự điều khiển (mã U+" + String.format("%04X", (int) c) + ") ở vị trí " + (i + 1)
                        + " của " + field + "; hãy gõ lại, không dán từ nơi khác.");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                throw Rejected.invalid("Có ký tự không hợp lệ (nửa cặp UTF-16) ở vị trí " + (i + 1) + " của " + field
                        + "; hãy gõ lại.");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        if (text.length() > maxLength) {
            throw Rejected.invalid("Quá dài: " + field + " có " + text.length() + " ký tự, tối đa " + maxLength + " ký tự.");
        }
        return text;
    }

    /** The text; a refusal saying it is missing when {@code value} is null or blank. */
    public static String required(String value, String field, int maxLength) {
        String text = optional(value, field, maxLength);
        if (text == null) {
            throw Rejected.invalid("Thiếu " + field + ".");
        }
        return text;
    }
}
