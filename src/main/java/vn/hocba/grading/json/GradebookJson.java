package vn.hocba.grading.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.MarkPolicy;

/**
 * Reads (and writes) {@code hocba.class-gradebook/1}. Numbers are read as exact decimals, never
 * doubles (the equivalent of Jackson's {@code USE_BIG_DECIMAL_FOR_FLOATS}). The
 * whole document is validated first; any problem rejects it as a whole
 * ({@link InvalidGradebookException}) with messages naming student, subject, term and field.
 *
 * <p>Fields the schema does not name are ignored, at every level: the schema allows additional
 * properties (it never says {@code additionalProperties: false}), so extensions such as the
 * gradebook module's per-student {@code comments} pass through the engine untouched and the
 * {@code results} command reads an exported document as it is. Thread-safe.
 */
public final class GradebookJson {

    /** The format identifier. */
    public static final String FORMAT = "hocba.class-gradebook/1";

    private final MarkPolicy policy;

    /** Accepts marks as TT22 Art. 5.3.b allows. */
    public GradebookJson() {
        this(MarkPolicy.TT22);
    }

    /** Accepts marks as the school's policy allows. */
    public GradebookJson(MarkPolicy policy) {
        this.policy = policy;
    }

    /** Parses and validates a document. */
    public ClassGradebook read(String json) throws InvalidGradebookException {
        return fromTree(parse(json));
    }

    /** Parses JSON text into a tree with exact decimals; malformed JSON names line and column. */
    public static JsonNode parse(String json) throws InvalidGradebookException {
        if (json == null || json.isBlank()) {
            throw new InvalidGradebookException(List.of("Tài liệu rỗng: cần một sổ điểm dạng JSON " + FORMAT));
        }
        try {
            return JsonText.parse(json);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new InvalidGradebookException(List.of(tooLarge(e)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " ở dòng " + at.getLineNr() + ", cột " + at.getColumnNr();
            throw new InvalidGradebookException(List.of("JSON không hợp lệ" + where + ": "
                    + parserMessage(e) + ". Hãy sửa cú pháp tài liệu rồi gửi lại."));
        } catch (IOException e) {
            throw new InvalidGradebookException(List.of("Không đọc được tài liệu: " + e.getMessage()));
        }
    }

    /** Writes a gradebook as {@code hocba.class-gradebook/1} (e.g. to export a class). */
    public String write(ClassGradebook gradebook) {
        return text(toTree(gradebook));
    }

    /** The gradebook as a JSON tree, for a caller that adds its own fields before writing it with {@link #text}. */
    public ObjectNode toTree(ClassGradebook gradebook) {
        return new GradebookWriter().toTree(gradebook);
    }

    /** A tree as pretty-printed JSON text, exactly as {@link #write} formats it (deterministic: field order kept). */
    public static String text(JsonNode tree) {
        return JsonText.write(tree);
    }

    /** Which of the parser's limits the document passed, in Vietnamese (Jackson's text names its Java classes). */
    private static String tooLarge(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
        String message = String.valueOf(e.getOriginalMessage());
        String what = message.contains("nesting depth") ? "có các mảng, đối tượng lồng nhau quá " + JsonText.MAX_DEPTH + " cấp"
                : message.contains("String value length") ? "có chuỗi dài hơn " + JsonText.CONSTRAINTS.getMaxStringLength() + " ký tự"
                : message.contains("Number value length") ? "có số dài hơn " + JsonText.CONSTRAINTS.getMaxNumberLength() + " chữ số"
                : "quá lớn (hơn " + JsonText.CONSTRAINTS.getMaxDocumentLength() / 1024 / 1024 + " MB)";
        return "Tài liệu " + what + where + ", vượt giới hạn của một sổ điểm lớp; không có gì được đọc. Hãy gửi đúng tài liệu "
                + FORMAT + ".";
    }

    /** Jackson's description of the syntax error, without its source-location boilerplate. */
    private static String parserMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (start marker at");
        message = cut < 0 ? message : message.substring(0, cut);
        cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** Validates a parsed document and maps it to the engine's input. */
    public ClassGradebook fromTree(JsonNode root) throws InvalidGradebookException {
        List<String> problems = new ArrayList<>();
        ClassGradebook gradebook = new GradebookReader(new MarkReader(policy)).read(root, Place.root(problems));
        if (!problems.isEmpty() || gradebook == null) {
            throw new InvalidGradebookException(problems.isEmpty() ? List.of("Sổ điểm không hợp lệ") : problems);
        }
        return gradebook;
    }
}
