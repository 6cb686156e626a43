package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.StudentResults;

/**
 * Writes {@code hocba.class-results/1}: numbers with exactly one decimal (8.0, not 8). Besides the
 * schema's fields it adds {@code ruleSet}, and per student {@code learningAdjustments} (which
 * subject triggered TT22 Art. 9.3) when any, {@code missing} when incomplete and, on request,
 * {@code explanations}. For an incomplete student ({@code complete: false}) only {@code subjects}
 * (null where not computable), {@code absences} and {@code missing} are written; learning,
 * conduct, promotion and title are omitted, as the schema says they are not meaningful then.
 * Thread-safe.
 */
public final class ResultsJson {

    /** The format identifier. */
    public static final String FORMAT = "hocba.class-results/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final boolean withExplanations;

    /** @param withExplanations add each student's explanations (Vietnamese) to the output */
    public ResultsJson(boolean withExplanations) {
        this.withExplanations = withExplanations;
    }

    /** The results as a JSON tree. */
    public ObjectNode toTree(ClassResults results) {
        ObjectNode root = header(results);
        StudentResultsTree students = new StudentResultsTree(NODES);
        var list = root.putArray("students");
        for (StudentResults student : results.students()) {
            ObjectNode node = students.toTree(student);
            if (withExplanations) {
                students.explanations(node, student, e -> true);
            }
            list.add(node);
        }
        return root;
    }

    /** The document's first fields, before its students. */
    static ObjectNode header(ClassResults results) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("schoolYear", results.schoolYear().toString());
        root.put("class", results.classCode().value());
        root.put("ruleSet", results.ruleSet().name());
        return root;
    }

    /** The results as pretty-printed JSON text (UTF-8 characters, not escaped). */
    public String write(ClassResults results) {
        return write(toTree(results));
    }

    static String write(JsonNode tree) {
        return JsonText.write(tree);
    }
}
