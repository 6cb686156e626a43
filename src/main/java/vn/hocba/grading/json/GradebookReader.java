package vn.hocba.grading.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocba.grading.AssessmentKind;
import vn.hocba.grading.ClassCode;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.SchoolYear;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;

/** Reads the document level of a class gradebook: header, subjects, then each student. */
final class GradebookReader {

    private final MarkReader marks;

    GradebookReader(MarkReader marks) {
        this.marks = marks;
    }

    ClassGradebook read(JsonNode root, Place place) {
        if (!root.isObject()) {
            place.problem("tài liệu phải là một đối tượng JSON " + GradebookJson.FORMAT);
            return null;
        }
        JsonNode format = root.get("format");
        if (format == null || !GradebookJson.FORMAT.equals(format.asText(null))) {
            place.problem("trường \"format\" phải là \"" + GradebookJson.FORMAT + "\" (đang là " + format + ")");
        }
        SchoolYear year = schoolYear(root, place);
        JsonNode school = Fields.requiredObject(root, "school", place);
        String schoolCode = school == null ? null : Fields.requiredText(school, "code", place.field("school", "trường"));
        String schoolName = school == null ? null : Fields.requiredText(school, "name", place.field("school", "trường"));
        JsonNode klass = Fields.requiredObject(root, "class", place);
        Place classPlace = place.field("class", "lớp");
        String classCode = klass == null ? null : Fields.requiredText(klass, "code", classPlace);
        Integer grade = klass == null ? null : Fields.requiredInt(klass, "grade", 1, 12, classPlace);
        Map<String, Subject> subjects = subjects(root, place);
        List<StudentRecord> students = students(root, place, subjects);
        if (year == null || classCode == null || grade == null || subjects == null || students == null) {
            return null;
        }
        return new ClassGradebook(year, schoolCode, schoolName, new ClassCode(classCode), grade,
                List.copyOf(subjects.values()), students);
    }

    private static SchoolYear schoolYear(JsonNode root, Place place) {
        String text = Fields.requiredText(root, "schoolYear", place);
        if (text == null) {
            return null;
        }
        try {
            return SchoolYear.parse(text);
        } catch (IllegalArgumentException e) {
            place.field("schoolYear", "năm học").problem("năm học \"" + text
                    + "\" phải có dạng NNNN-NNNN với hai năm liên tiếp, ví dụ 2024-2025");
            return null;
        }
    }

    private static Map<String, Subject> subjects(JsonNode root, Place place) {
        JsonNode list = root.get("subjects");
        if (list == null || !list.isArray() || list.isEmpty()) {
            place.problem("cần danh sách môn học \"subjects\" có ít nhất một môn");
            return null;
        }
        Map<String, Subject> subjects = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Subject subject = subject(list.get(i), place.field("subjects", "").element(i, "môn thứ " + (i + 1)));
            if (subject != null && subjects.putIfAbsent(subject.code().value(), subject) != null) {
                place.field("subjects", "").element(i, "môn " + subject.code())
                        .problem("mã môn bị trùng; mỗi môn chỉ khai báo một lần");
            }
        }
        return subjects;
    }

    private static Subject subject(JsonNode node, Place place) {
        if (!node.isObject()) {
            place.problem("mỗi môn học phải là một đối tượng JSON");
            return null;
        }
        String code = Fields.requiredText(node, "code", place);
        String name = Fields.requiredText(node, "name", place);
        Fields.optionalText(node, "teacher", place);
        String kindText = Fields.requiredText(node, "assessment", place);
        AssessmentKind kind = "SCORE".equals(kindText) ? AssessmentKind.SCORE
                : "COMMENT".equals(kindText) ? AssessmentKind.COMMENT : null;
        if (kindText != null && kind == null) {
            place.problem("\"assessment\" phải là \"SCORE\" (tính điểm) hoặc \"COMMENT\" (nhận xét), không phải \""
                    + kindText + "\"");
        }
        JsonNode periods = node.get("periodsPerYear");
        if (periods == null || !periods.isNumber() || periods.decimalValue().signum() <= 0) {
            place.problem("\"periodsPerYear\" phải là số tiết cả năm lớn hơn 0 (đang là " + periods + ")");
            return null;
        }
        if (code == null || name == null || kind == null) {
            return null;
        }
        return new Subject(new SubjectCode(code), name, kind, periods.decimalValue());
    }

    private List<StudentRecord> students(JsonNode root, Place place, Map<String, Subject> subjects) {
        JsonNode list = root.get("students");
        if (list == null || !list.isArray()) {
            place.problem("cần danh sách học sinh \"students\" (mảng)");
            return null;
        }
        if (subjects == null) {
            return null;
        }
        StudentReader reader = new StudentReader(subjects, marks);
        List<StudentRecord> students = new ArrayList<>(list.size());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Place at = place.field("students", "").element(i, "học sinh thứ " + (i + 1));
            StudentRecord student = reader.read(list.get(i), at);
            if (student != null && !codes.add(student.code().value())) {
                at.relabel("Học sinh " + student.label()).problem("mã học sinh bị trùng với một học sinh khác"
                        + " trong lớp; mỗi học sinh cần một mã riêng");
            }
            students.add(student);
        }
        return students.contains(null) ? null : students;
    }
}
