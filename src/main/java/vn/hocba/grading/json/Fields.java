package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;

/** Reading typed values out of a JSON tree, reporting what is wrong where. */
final class Fields {

    private Fields() {
    }

    /** A required non-blank string field, or null (problem reported). */
    static String requiredText(JsonNode parent, String name, Place place) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            place.problem("thiếu trường bắt buộc \"" + name + "\"");
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            place.problem("trường \"" + name + "\" phải là chuỗi ký tự không rỗng");
            return null;
        }
        return nfc(node.textValue());
    }

    /** An optional string field, or null. */
    static String optionalText(JsonNode parent, String name, Place place) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            place.problem("trường \"" + name + "\" phải là chuỗi ký tự");
            return null;
        }
        return nfc(node.textValue());
    }

    /** A required whole number in [min, max], or null (problem reported). */
    static Integer requiredInt(JsonNode parent, String name, int min, int max, Place place) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            place.problem("thiếu trường bắt buộc \"" + name + "\"");
            return null;
        }
        BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            place.problem("trường \"" + name + "\" phải là số nguyên từ " + min + " đến " + max
                    + " (đang là " + node + ")");
            return null;
        }
        return value.intValueExact();
    }

    /** A required object field, or null (problem reported). */
    static JsonNode requiredObject(JsonNode parent, String name, Place place) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            place.problem(node == null ? "thiếu trường bắt buộc \"" + name + "\""
                    : "trường \"" + name + "\" phải là một đối tượng JSON");
            return null;
        }
        return node;
    }

    /** Text in Unicode NFC, so "Đ" typed in decomposed form still matches. */
    static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
