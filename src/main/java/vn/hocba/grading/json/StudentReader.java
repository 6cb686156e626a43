package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import vn.hocba.grading.Absences;
import vn.hocba.grading.ConductRatings;
import vn.hocba.grading.Level;
import vn.hocba.grading.StudentCode;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectMarks;

/** Reads one student of a class gradebook. */
final class StudentReader {

    // Far above any school year (about 350 sessions); only guards against absurd input.
    private static final int MAX_SESSIONS = 100_000;

    private final Map<String, Subject> subjects;
    private final MarkReader marks;

    StudentReader(Map<String, Subject> subjects, MarkReader marks) {
        this.subjects = subjects;
        this.marks = marks;
    }

    /** The student, or null when something is wrong (problems reported). */
    StudentRecord read(JsonNode node, Place listed) {
        if (!node.isObject()) {
            listed.problem("mỗi học sinh phải là một đối tượng JSON");
            return null;
        }
        String code = Fields.requiredText(node, "code", listed);
        String name = Fields.requiredText(node, "fullName", listed);
        Place place = code == null ? listed
                : listed.relabel("Học sinh " + code + (name == null ? "" : " (" + name + ")"));
        Absences absences = absences(node, place);
        ConductRatings conduct = conduct(node, place);
        Map<SubjectCode, SubjectMarks> byCode = marks(node, place);
        if (code == null || name == null || absences == null || conduct == null || byCode == null) {
            return null;
        }
        return new StudentRecord(new StudentCode(code), name, absences, conduct, byCode);
    }

    private Absences absences(JsonNode node, Place place) {
        JsonNode a = Fields.requiredObject(node, "absences", place);
        if (a == null) {
            return null;
        }
        Place at = place.field("absences", "số buổi nghỉ");
        Integer excused = Fields.requiredInt(a, "excused", 0, MAX_SESSIONS, at);
        Integer unexcused = Fields.requiredInt(a, "unexcused", 0, MAX_SESSIONS, at);
        return excused == null || unexcused == null ? null : new Absences(excused, unexcused);
    }

    private ConductRatings conduct(JsonNode node, Place place) {
        JsonNode c = Fields.requiredObject(node, "conduct", place);
        if (c == null) {
            return null;
        }
        Place at = place.field("conduct", "rèn luyện");
        boolean[] ok = {true};
        Level hk1 = level(c, "HK1", at, ok);
        Level hk2 = level(c, "HK2", at, ok);
        Level summer = level(c, "summer", at, ok);
        return ok[0] ? new ConductRatings(hk1, hk2, summer) : null;
    }

    private static Level level(JsonNode parent, String field, Place place, boolean[] ok) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Level level = node.isTextual() ? Level.ofCode(Fields.nfc(node.textValue())) : null;
        if (level == null) {
            place.field(field, field).problem("mức rèn luyện phải là \"T\", \"K\", \"Đ\" hoặc \"CĐ\" (hoặc null"
                    + " nếu chưa đánh giá), không phải " + node);
            ok[0] = false;
        }
        return level;
    }

    private Map<SubjectCode, SubjectMarks> marks(JsonNode node, Place place) {
        JsonNode m = Fields.requiredObject(node, "marks", place);
        if (m == null) {
            return null;
        }
        Map<SubjectCode, SubjectMarks> result = new HashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Subject subject = subjects.get(Fields.nfc(e.getKey()));
            Place at = place.field("marks." + e.getKey(), subject == null ? "môn " + e.getKey()
                    : "môn " + subject.label());
            if (subject == null) {
                at.problem("mã môn \"" + e.getKey() + "\" không có trong danh sách môn học (subjects) của lớp");
                ok = false;
                continue;
            }
            SubjectMarks read = marks.subject(e.getValue(), subject, at);
            ok &= read != null;
            if (read != null) {
                result.put(subject.code(), read);
            }
        }
        return ok ? result : null;
    }
}
