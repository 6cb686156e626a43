package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.Term;
import vn.hocba.grading.TermMarks;

/** Writes a {@link ClassGradebook} as {@code hocba.class-gradebook/1} (export; marks as entered). */
final class GradebookWriter {

    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    ObjectNode toTree(ClassGradebook g) {
        ObjectNode root = nodes.objectNode();
        root.put("format", GradebookJson.FORMAT);
        root.put("schoolYear", g.schoolYear().toString());
        root.putObject("school").put("code", g.schoolCode()).put("name", g.schoolName());
        root.putObject("class").put("code", g.classCode().value()).put("grade", g.grade());
        ArrayNode subjects = root.putArray("subjects");
        for (Subject s : g.subjects()) {
            subjects.addObject().put("code", s.code().value()).put("name", s.name())
                    .put("assessment", s.kind().name()).put("periodsPerYear", s.periodsPerYear());
        }
        ArrayNode students = root.putArray("students");
        for (StudentRecord s : g.students()) {
            students.add(student(s, g));
        }
        return root;
    }

    private ObjectNode student(StudentRecord s, ClassGradebook g) {
        ObjectNode node = nodes.objectNode();
        node.put("code", s.code().value());
        node.put("fullName", s.fullName());
        node.putObject("absences").put("excused", s.absences().excused()).put("unexcused", s.absences().unexcused());
        node.putObject("conduct").put("HK1", code(s.conduct().hk1())).put("HK2", code(s.conduct().hk2()))
                .put("summer", code(s.conduct().summer()));
        ObjectNode marks = node.putObject("marks");
        for (Subject subject : g.subjects()) {
            if (s.marks().containsKey(subject.code())) {
                marks.set(subject.code().value(), subjectMarks(s.marksOf(subject.code())));
            }
        }
        return node;
    }

    private ObjectNode subjectMarks(SubjectMarks m) {
        ObjectNode node = nodes.objectNode();
        for (Term term : Term.values()) {
            TermMarks t = m.term(term);
            ObjectNode termNode = node.putObject(term.name());
            ArrayNode regular = termNode.putArray("regular");
            t.regular().forEach(mark -> regular.add(value(mark)));
            termNode.set("midterm", value(t.midterm()));
            termNode.set("final", value(t.endOfTerm()));
        }
        node.set("retest", value(m.retest()));
        return node;
    }

    private JsonNode value(Mark mark) {
        if (mark == null) {
            return nodes.nullNode();
        }
        return mark instanceof Mark.Score s ? nodes.numberNode(s.value()) : nodes.textNode(mark.text());
    }

    private static String code(Level level) {
        return level == null ? null : level.code();
    }
}
