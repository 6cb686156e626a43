package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;
import vn.hocba.grading.ConductResults;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.LearningResult;
import vn.hocba.grading.LearningResults;
import vn.hocba.grading.Mark;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectResult;

/** One student of {@code hocba.class-results/1}. */
final class StudentResultsTree {

    private final JsonNodeFactory nodes;

    StudentResultsTree(JsonNodeFactory nodes) {
        this.nodes = nodes;
    }

    ObjectNode toTree(StudentResults s) {
        return toTree(s, true);
    }

    /**
     * @param withPeriods false to leave out each subject's HK1, HK2 and CN (kept: {@code retest}),
     *     for {@link ResultsParts}, which stores those per subject
     */
    ObjectNode toTree(StudentResults s, boolean withPeriods) {
        ObjectNode node = nodes.objectNode();
        node.put("code", s.code().value());
        ObjectNode subjects = node.putObject("subjects");
        for (SubjectResult r : s.subjects().values()) {
            ObjectNode subject = subjects.putObject(r.subject().value());
            if (withPeriods) {
                periods(subject, r);
            }
            if (r.retest() != null) {
                subject.set("retest", value(r.retest()));
            }
        }
        node.put("complete", s.complete());
        if (s.complete()) {
            learning(node, s.learning());
            conduct(node.putObject("conduct"), s.conduct());
        }
        node.put("absences", s.absences());
        if (s.complete()) {
            node.put("promotion", s.promotion().name());
            node.put("title", s.title() == null ? null : s.title().name());
        } else {
            missing(node, s);
        }
        return node;
    }

    /** Adds the student's explanations that {@code which} accepts, in the engine's order. */
    void explanations(ObjectNode node, StudentResults student, Predicate<Explanation> which) {
        ArrayNode list = node.putArray("explanations");
        for (Explanation e : student.explanations()) {
            if (which.test(e)) {
                list.addObject().put("topic", e.topic()).put("text", e.text());
            }
        }
    }

    /** A subject's HK1, HK2 and CN values. */
    void periods(ObjectNode subject, SubjectResult r) {
        subject.set("HK1", value(r.hk1()));
        subject.set("HK2", value(r.hk2()));
        subject.set("CN", value(r.year()));
    }

    private void learning(ObjectNode student, LearningResults l) {
        ObjectNode node = student.putObject("learning");
        node.put("HK1", l.hk1().level().code());
        node.put("HK2", l.hk2().level().code());
        node.put("CN", l.year().level().code());
        node.put("afterRetest", l.afterRetest() == null ? null : l.afterRetest().level().code());
        ObjectNode adjustments = nodes.objectNode();
        adjustment(adjustments, "HK1", l.hk1());
        adjustment(adjustments, "HK2", l.hk2());
        adjustment(adjustments, "CN", l.year());
        adjustment(adjustments, "afterRetest", l.afterRetest());
        if (!adjustments.isEmpty()) {
            student.set("learningAdjustments", adjustments);
        }
    }

    // Extra field: which subject triggered the TT22 Art. 9.3 adjustment, and from which level.
    private static void adjustment(ObjectNode adjustments, String period, LearningResult r) {
        if (r != null && r.adjusted()) {
            adjustments.putObject(period).put("from", r.computed().code()).put("to", r.level().code())
                    .put("subject", r.adjustedFor().value()).put("rule", "TT22 Art. 9.3");
        }
    }

    private static void conduct(ObjectNode node, ConductResults c) {
        node.put("HK1", c.hk1().code());
        node.put("HK2", c.hk2().code());
        node.put("CN", c.year().code());
        node.put("afterSummer", c.afterSummer() == null ? null : c.afterSummer().code());
    }

    private void missing(ObjectNode node, StudentResults s) {
        var list = node.putArray("missing");
        for (MissingEntry m : s.missing()) {
            ObjectNode entry = list.addObject();
            entry.put("subject", m.subject() == null ? null : m.subject().value());
            entry.put("term", m.term().name());
            entry.put("column", m.column());
            entry.put("message", m.message());
        }
    }

    private JsonNode value(Mark mark) {
        if (mark == null) {
            return nodes.nullNode();
        }
        if (mark instanceof Mark.Score score) {
            return nodes.numberNode(score.oneDecimal());
        }
        return nodes.textNode(mark.text());
    }
}
