package vn.hocba.gradebook.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.CellValue;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.Mark;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.TermMarks;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.grading.json.InvalidGradebookException;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.MarkCell;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.gradebook.MarkWriter;
import vn.hocba.gradebook.RegularColumns;
import vn.hocba.gradebook.comments.CommentImport;
import vn.hocba.gradebook.comments.CommentsJson;
import vn.hocba.grading.SubjectCode;

/**
 * Imports a whole class gradebook ({@code hocba.class-gradebook/1}) in one transaction: students
 * and subjects matched by code, only the marks that differ from the stored ones written, each
 * through {@link MarkSheets#save} (entry policy, locks, audit with "import &lt;id&gt;"). A student or a
 * subject the document leaves out is left as stored; a listed subject's terms replace the stored
 * marks (null or a shorter regular list clears). The students' {@code comments} (see
 * {@link CommentsJson}) are applied in the same transaction by the comment rules ({@link CommentImport});
 * a document without them leaves the stored comments as they are. Conduct, absences and retest
 * marks in the document are not imported: they have their own entry routes.
 */
@Service
public class GradebookImport {

    /** The outcome: the import id named in the audit log, how many marks and how many comments changed. */
    public record Imported(String importId, int changed, int commentsChanged) {
    }

    private final MarkSheets sheets;
    private final SchoolDirectory directory;
    private final CommentImport comments;

    public GradebookImport(MarkSheets sheets, SchoolDirectory directory, CommentImport comments) {
        this.sheets = sheets;
        this.directory = directory;
        this.comments = comments;
    }

    @Transactional
    public Imported importJson(SchoolClass schoolClass, String json, Actor by) {
        JsonNode document = parse(json);
        ClassGradebook book = read(document);
        List<CommentsJson.Typed> typedComments = CommentsJson.read(document);
        requireSameClass(schoolClass, book);
        Map<String, GradeSubject> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .collect(Collectors.toMap(g -> g.subject().code(), Function.identity()));
        requireKnown(schoolClass, book, typedComments, subjects);
        String id = UUID.randomUUID().toString();
        int changed = 0;
        for (var subject : book.subjects()) {
            GradeSubject gs = subjects.get(subject.code().value());
            for (int term = 1; term <= 2; term++) {
                MarkSheet stored = sheets.sheet(schoolClass, gs.subject().id(), term);
                List<CellChange> changes = changes(book, subject.code(), term, stored);
                if (!changes.isEmpty()) {
                    changed += sheets.save(schoolClass, gs.subject().id(), term, List.of(ColumnRange.WHOLE), changes, by,
                            "import " + id);
                }
            }
        }
        return new Imported(id, changed, comments.apply(schoolClass, subjects, typedComments, by, "import " + id));
    }

    private static JsonNode parse(String json) {
        try {
            return GradebookJson.parse(json);
        } catch (InvalidGradebookException e) {
            throw invalid(e);
        }
    }

    private static ClassGradebook read(JsonNode document) {
        try {
            return new GradebookJson().fromTree(document);
        } catch (InvalidGradebookException e) {
            throw invalid(e);
        }
    }

    private static Rejected invalid(InvalidGradebookException e) {
        return Rejected.invalid("Sổ điểm không hợp lệ, không có gì được nhập: " + String.join("; ", e.errors()));
    }

    /**
     * The document must be this class's gradebook: same school, school year, class and grade. Students
     * are matched by code, and codes repeat across schools and years, so a gradebook of another school
     * or year would otherwise overwrite this year's marks. Each mismatch is named.
     */
    private void requireSameClass(SchoolClass schoolClass, ClassGradebook book) {
        AcademicYear year = directory.year(schoolClass.yearId());
        School school = directory.schools().stream().filter(s -> s.id().equals(year.schoolId())).findFirst()
                .orElseThrow();
        List<String> mismatches = new ArrayList<>();
        if (!school.code().equals(book.schoolCode())) {
            mismatches.add("trường " + book.schoolCode() + (book.schoolName() == null ? "" : " (" + book.schoolName() + ")")
                    + ", không phải trường " + school.code() + " (" + school.name() + ")");
        }
        if (book.schoolYear().startYear() != year.startYear()) {
            mismatches.add("năm học " + book.schoolYear() + ", không phải năm học " + year.name());
        }
        if (!book.classCode().value().equals(schoolClass.code())) {
            mismatches.add("lớp " + book.classCode().value() + ", không phải lớp " + schoolClass.code());
        }
        if (book.grade() != schoolClass.grade()) {
            mismatches.add("khối " + book.grade() + ", không phải khối " + schoolClass.grade());
        }
        if (!mismatches.isEmpty()) {
            throw Rejected.invalid("Sổ điểm trong tài liệu là của " + String.join("; ", mismatches) + " nên không có gì được nhập. "
                    + "Hãy nhập sổ điểm của đúng trường, năm học và lớp này.");
        }
    }

    /** Every student and subject of the document (the subjects of its comments too) must be the class's. */
    private void requireKnown(SchoolClass schoolClass, ClassGradebook book, List<CommentsJson.Typed> comments,
            Map<String, GradeSubject> subjects) {
        Set<String> roster = sheets.sheet(schoolClass, subjects.values().iterator().next().subject().id(), 1).students().stream()
                .map(MarkSheet.Student::code).collect(Collectors.toSet());
        Set<String> unknownStudents = new TreeSet<>();
        book.students().stream().map(s -> s.code().value()).filter(c -> !roster.contains(c)).forEach(unknownStudents::add);
        Set<String> unknownSubjects = new TreeSet<>();
        book.subjects().stream().map(s -> s.code().value()).filter(c -> !subjects.containsKey(c)).forEach(unknownSubjects::add);
        comments.stream().map(CommentsJson.Typed::subjectCode).filter(c -> c != null && !subjects.containsKey(c))
                .forEach(unknownSubjects::add);
        List<String> problems = new ArrayList<>();
        if (!unknownStudents.isEmpty()) {
            problems.add("mã học sinh không có trong lớp " + schoolClass.code() + ": " + String.join(", ", unknownStudents));
        }
        if (!unknownSubjects.isEmpty()) {
            problems.add("mã môn không có trong chương trình khối " + schoolClass.grade() + ": " + String.join(", ", unknownSubjects));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid("Không nhập được, không có gì thay đổi: " + String.join("; ", problems) + ".");
        }
    }

    /** The cells of one subject and term whose document value differs from the stored one. */
    private static List<CellChange> changes(ClassGradebook book, SubjectCode subject, int term, MarkSheet stored) {
        Map<String, Long> ids = stored.students().stream().collect(Collectors.toMap(MarkSheet.Student::code, MarkSheet.Student::id));
        List<CellChange> changes = new ArrayList<>();
        for (StudentRecord record : book.students()) {
            long student = ids.get(record.code().value());
            SubjectMarks marks = record.marks().get(subject);
            if (marks == null) {
                continue;
            }
            TermMarks t = term == 1 ? marks.hk1() : marks.hk2();
            List<MarkCell> mine = stored.cells().stream().filter(c -> c.studentId() == student).toList();
            RegularColumns.place(t.regular(), mine).forEach((column, mark) -> diff(changes, mine, student, MarkKind.REGULAR, column, mark));
            diff(changes, mine, student, MarkKind.MIDTERM, 1, t.midterm());
            diff(changes, mine, student, MarkKind.FINAL, 1, t.endOfTerm());
        }
        return changes;
    }

    private static void diff(List<CellChange> changes, List<MarkCell> stored, long student, MarkKind kind, int column, Mark mark) {
        MarkCell old = stored.stream().filter(c -> c.kind() == kind && c.column() == column).findFirst().orElse(null);
        String value = mark == null ? null : mark.text();
        if (!CellValue.of(old == null ? null : old.value()).sameAs(value)) {
            changes.add(new CellChange(student, kind, column, value, old == null ? null : old.version()));
        }
    }
}
