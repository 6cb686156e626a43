package vn.hocba.hocbaso;

import java.util.List;
import java.util.Map;
import vn.hocba.documents.TranscriptData;

/**
 * What a record is built from: the transcript's own data (the same record the PDF prints and
 * embeds), the identifiers and, per HocBa subject code, the names of the subject's teachers in
 * column order (one signature slot each).
 */
public record RecordInput(TranscriptData transcript, RecordIdentifiers identifiers,
        Map<String, List<String>> subjectTeachers) {

    public RecordInput {
        subjectTeachers = Map.copyOf(subjectTeachers);
    }

    /** The teachers of a subject; the transcript's teacher line when no list was given. */
    public List<String> teachersOf(String subjectCode, String teacherLine) {
        List<String> teachers = subjectTeachers.get(subjectCode);
        if (teachers != null && !teachers.isEmpty()) {
            return teachers;
        }
        return teacherLine == null || teacherLine.isBlank() ? List.of() : List.of(teacherLine.split(",\\s*"));
    }

    /** "Đặng Thị Ánh (HS7A1001)": how messages name the student. */
    public String student() {
        return transcript.student().fullName() + " (" + transcript.student().studentCode() + ")";
    }
}
