package vn.hocba.gradebook.comments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.hocba.common.Rejected;

/**
 * The comments (nhận xét) in a {@code hocba.class-gradebook/1} document: an optional field of each
 * student, which the schema allows and the grading engine ignores:
 *
 * <pre>{@code
 * "comments": {
 *   "subjects": { "TOAN": { "HK1": "…", "CN": "…" } },   // subject teachers', by subject code
 *   "homeroom": { "HK1": "…", "HK2": "…", "CN": "…" }      // the homeroom teacher's
 * }
 * }</pre>
 *
 * Written with stored comments only, in the document's subject order and HK1, HK2, CN order;
 * {@code comments}, {@code subjects} and {@code homeroom} are left out when empty, so the same
 * stored data always gives the same text (and a snapshot the same SHA-256). Read on import: a field
 * left out (or null) leaves the stored comments as they are; a period given as {@code null} or
 * blank text clears its comment; text replaces it.
 */
public final class CommentsJson {

    /** One comment as the document gives it: {@code subjectCode} null for the homeroom teacher's; {@code text} null to clear. */
    public record Typed(String studentCode, String subjectCode, CommentPeriod period, String text) {
    }

    static final String FIELD = "comments";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CommentsJson() {
    }

    /** Adds each student's stored comments to an exported document; {@code studentIds} maps student code to id. */
    public static void add(ObjectNode document, ClassComments comments, Map<String, Long> studentIds) {
        List<String> subjects = new ArrayList<>();
        document.path("subjects").forEach(s -> subjects.add(s.path("code").asText()));
        for (JsonNode student : document.path("students")) {
            Long id = studentIds.get(student.path("code").asText());
            if (id == null) {
                continue;
            }
            ObjectNode bySubject = NODES.objectNode();
            for (String subject : subjects) {
                putIfAny(bySubject, subject, periods(p -> comments.subject(id, subject, p)));
            }
            ObjectNode node = NODES.objectNode();
            putIfAny(node, "subjects", bySubject);
            putIfAny(node, "homeroom", periods(p -> comments.homeroom(id, p)));
            putIfAny((ObjectNode) student, FIELD, node);
        }
    }

    private static ObjectNode periods(Function<CommentPeriod, String> text) {
        ObjectNode node = NODES.objectNode();
        for (CommentPeriod period : CommentPeriod.values()) {
            String t = text.apply(period);
            if (t != null && !t.isEmpty()) {
                node.put(period.name(), t);
            }
        }
        return node;
    }

    private static void putIfAny(ObjectNode parent, String name, ObjectNode child) {
        if (!child.isEmpty()) {
            parent.set(name, child);
        }
    }

    /** The comments of a document (empty when it has none); refuses (400) the whole document when one is malformed. */
    public static List<Typed> read(JsonNode document) {
        List<Typed> typed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode student : document.path("students")) {
            JsonNode comments = student.get(FIELD);
            if (comments == null || comments.isNull()) {
                continue;
            }
            String code = Normalizer.normalize(student.path("code").asText(), Normalizer.Form.NFC);
            Reading reading = new Reading(code, typed, problems);
            if (!comments.isObject()) {
                reading.problem(FIELD, "phải là một đối tượng JSON");
                continue;
            }
            comments.fields().forEachRemaining(e -> {
                String path = FIELD + "." + e.getKey();
                switch (e.getKey()) {
                    case "subjects" -> reading.subjects(e.getValue(), path);
                    case "homeroom" -> reading.periods(null, e.getValue(), path);
                    default -> reading.problem(path, "không có trong định dạng; chỉ có \"subjects\" (nhận xét môn học) "
                            + "và \"homeroom\" (nhận xét của giáo viên chủ nhiệm)");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid("Nhận xét trong sổ điểm không hợp lệ, không có gì được nhập: " + String.join("; ", problems)
                    + ".");
        }
        return typed;
    }

    /** Reads the comments of one student, collecting what it finds and what is wrong. */
    private record Reading(String student, List<Typed> typed, List<String> problems) {

        void problem(String path, String what) {
            problems.add("học sinh " + student + ", trường \"" + path + "\" " + what);
        }

        void subjects(JsonNode node, String path) {
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> periods(Normalizer.normalize(e.getKey(), Normalizer.Form.NFC),
                        e.getValue(), path + "." + e.getKey()));
            } else if (!node.isNull()) {
                problem(path, "phải là một đối tượng JSON theo mã môn, ví dụ {\"TOAN\": {\"HK1\": \"…\"}}");
            }
        }

        void periods(String subject, JsonNode node, String path) {
            if (!node.isObject()) {
                if (!node.isNull()) {
                    problem(path, "phải là một đối tượng JSON theo kì, ví dụ {\"HK1\": \"…\", \"CN\": \"…\"}");
                }
                return;
            }
            node.fields().forEachRemaining(e -> {
                CommentPeriod period = period(e.getKey());
                JsonNode text = e.getValue();
                if (period == null) {
                    problem(path + "." + e.getKey(), "không phải một kì; dùng \"HK1\", \"HK2\" hoặc \"CN\" (cả năm)");
                } else if (!text.isNull() && !text.isTextual()) {
                    problem(path + "." + e.getKey(), "phải là chuỗi ký tự (hoặc null để xoá nhận xét), không phải " + text);
                } else {
                    typed.add(new Typed(student, subject, period, text.isNull() ? null : text.textValue()));
                }
            });
        }
    }

    private static CommentPeriod period(String name) {
        for (CommentPeriod p : CommentPeriod.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
