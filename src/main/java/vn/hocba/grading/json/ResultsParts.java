package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;

/**
 * {@code hocba.class-results/1} with explanations, cut into parts that can be stored separately:
 * one part per subject (every student's HK1, HK2 and CN result of that subject and their three
 * explanations, which depend on that subject's marks only) and the class part (everything else:
 * learning, conduct, promotion, title, retests, what is missing, and their explanations). A change
 * to one subject's marks then rewrites that subject's part and the class part instead of the whole
 * document. {@link #compose} puts the parts back into exactly the text {@link ResultsJson} writes.
 * Parts are compact JSON. Thread-safe.
 */
public final class ResultsParts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final List<String> PERIODS = List.of("HK1", "HK2", "CN");

    private final StudentResultsTree students = new StudentResultsTree(NODES);

    /** The class part: the whole document but each subject's HK1, HK2, CN and their explanations. */
    public String classPart(ClassResults results) {
        ObjectNode root = ResultsJson.header(results);
        ArrayNode list = root.putArray("students");
        for (StudentResults student : results.students()) {
            ObjectNode node = students.toTree(student, false);
            students.explanations(node, student, e -> !subjectPeriod(student, e));
            list.add(node);
        }
        return JsonText.writeCompact(root);
    }

    /** The part of one subject: per student (in class order) its HK1, HK2, CN and their explanations. */
    public String subjectPart(ClassResults results, SubjectCode subject) {
        ObjectNode root = NODES.objectNode();
        root.put("subject", subject.value());
        ArrayNode list = root.putArray("students");
        for (StudentResults student : results.students()) {
            ObjectNode node = list.addObject();
            node.put("code", student.code().value());
            SubjectResult result = student.subject(subject);
            if (result != null) {
                students.periods(node, result);
            }
            students.explanations(node, student, e -> e.topic().startsWith(subject.value() + "/") && subjectPeriod(student, e));
        }
        return JsonText.writeCompact(root);
    }

    /**
     * The whole document from its class part and the parts of its subjects, pretty-printed as
     * {@link ResultsJson#write} does; empty when a subject's part is missing or was written for
     * other students (then the parts are stale and the results must be computed again).
     */
    public Optional<String> compose(String classPart, Function<String, Optional<String>> subjectPart) {
        try {
            ObjectNode root = (ObjectNode) JsonText.parse(classPart);
            ArrayNode list = (ArrayNode) root.get("students");
            Map<String, ArrayNode> parts = new HashMap<>();
            ArrayNode composed = NODES.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                Optional<ObjectNode> student = student((ObjectNode) list.get(i), i, parts, subjectPart);
                if (student.isEmpty()) {
                    return Optional.empty();
                }
                composed.add(student.get());
            }
            root.set("students", composed);
            return Optional.of(JsonText.write(root));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("Stored class results cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<ObjectNode> student(ObjectNode stored, int index, Map<String, ArrayNode> parts,
                                         Function<String, Optional<String>> subjectPart) throws IOException {
        String code = stored.get("code").textValue();
        ObjectNode node = NODES.objectNode();
        node.put("code", code);
        ObjectNode subjects = node.putObject("subjects");
        ArrayNode explanations = NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.get("subjects").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> subject = it.next();
            ArrayNode part = parts.get(subject.getKey());
            if (part == null) {
                Optional<String> text = subjectPart.apply(subject.getKey());
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                part = (ArrayNode) JsonText.parse(text.get()).get("students");
                parts.put(subject.getKey(), part);
            }
            JsonNode entry = part.get(index);
            if (entry == null || !code.equals(entry.get("code").textValue())) {
                return Optional.empty();
            }
            ObjectNode values = subjects.putObject(subject.getKey());
            PERIODS.forEach(p -> values.set(p, entry.get(p)));
            values.setAll((ObjectNode) subject.getValue());
            entry.get("explanations").forEach(explanations::add);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "code", "subjects" -> { }
                case "explanations" -> field.getValue().forEach(explanations::add);
                default -> node.set(field.getKey(), field.getValue());
            }
        }
        node.set("explanations", explanations);
        return Optional.of(node);
    }

    /** A subject's HK1, HK2 or CN explanation (not its retest, which depends on the promotion decision). */
    private static boolean subjectPeriod(StudentResults student, Explanation e) {
        String topic = e.topic();
        int slash = topic.indexOf('/');
        return slash > 0 && PERIODS.contains(topic.substring(slash + 1))
                && student.subjects().containsKey(new SubjectCode(topic.substring(0, slash)));
    }
}
