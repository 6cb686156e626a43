package vn.hocba.gradebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.SchoolYear;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * Builds the mark-entry grid: the columns the rule set requires (more when more are stored), who
 * enters each (co-teachers of an integrated subject by column ranges, seed 000), which of them the
 * reader may write, the stored cells, the stored term results and the lock covering the sheet.
 */
@Service
@Transactional(readOnly = true)
public class MarkGrids {

    private final MarkSheets sheets;
    private final SchoolDirectory directory;
    private final GradebookLocks locks;
    private final EntryPolicies policies;
    private final SubjectStandings standings;

    public MarkGrids(MarkSheets sheets, SchoolDirectory directory, GradebookLocks locks, EntryPolicies policies,
            SubjectStandings standings) {
        this.sheets = sheets;
        this.directory = directory;
        this.locks = locks;
        this.policies = policies;
        this.standings = standings;
    }

    /** The grid of {@code subject} in {@code schoolClass}, term {@code term}, for a reader who writes {@code writable}. */
    public MarkGrid grid(SchoolClass schoolClass, SubjectId subject, int term, List<ColumnRange> writable) {
        if (term != 1 && term != 2) {
            throw vn.hocba.common.Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
        MarkSheet sheet = sheets.sheet(schoolClass, subject, term);
        AcademicYear year = directory.year(schoolClass.yearId());
        GradeSubject gs = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().equals(subject)).findFirst().orElseThrow();
        List<TeachingAssignment> teachers = directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(t -> t.subject().id().equals(subject)).toList();
        boolean teaching = !writable.isEmpty();
        List<MarkGrid.Column> columns = new ArrayList<>();
        int regular = Math.min(regularColumns(year, schoolClass, gs, sheet), policies.of(year.schoolId()).maxRegularColumns());
        for (int n = 1; n <= regular; n++) {
            int column = n;
            columns.add(new MarkGrid.Column(MarkKind.REGULAR, n, "TX" + n, "Điểm đánh giá thường xuyên " + n,
                    teaching && writable.stream().anyMatch(r -> r.contains(column)),
                    owners(teachers.stream().filter(t -> t.columns().contains(column)).toList())));
        }
        columns.add(new MarkGrid.Column(MarkKind.MIDTERM, 1, "GK", "Điểm đánh giá giữa kì", teaching, owners(teachers)));
        columns.add(new MarkGrid.Column(MarkKind.FINAL, 1, "CK", "Điểm đánh giá cuối kì", teaching, owners(teachers)));
        Map<Long, Map<String, MarkGrid.Cell>> cells = new HashMap<>();
        for (MarkCell c : sheet.cells()) {
            cells.computeIfAbsent(c.studentId(), id -> new HashMap<>()).put(c.kind().name() + "-" + c.column(),
                    new MarkGrid.Cell(c.value(), MarkGrid.shown(c.value()), c.version()));
        }
        Map<String, String> results = standings.of(schoolClass, gs.subject().code(), term);
        List<MarkGrid.Row> rows = sheet.students().stream().map(s -> new MarkGrid.Row(s.id(), s.number(), s.code(),
                s.fullName(), cells.getOrDefault(s.id(), Map.of()), results.getOrDefault(s.code(), ""))).toList();
        GradebookLock lock = locks.locks(year.id().value()).stream()
                .filter(l -> l.active() && l.term() == term && covers(l, schoolClass, subject)).findFirst().orElse(null);
        return new MarkGrid(schoolClass.id().value(), schoolClass.code(), subject.value(), gs.subject().name(),
                gs.subject().assessment(), term, columns, rows, lock);
    }

    /**
     * One student's row as stored now: cells and the stored term result of {@code subjectCode}
     * (what a save answers with, without building the whole grid again).
     */
    public MarkGrid.Row row(SchoolClass schoolClass, SubjectId subject, String subjectCode, int term, long studentId,
            String studentCode) {
        Map<String, MarkGrid.Cell> cells = new HashMap<>();
        for (MarkCell c : sheets.cells(schoolClass, subject, term, studentId)) {
            cells.put(c.kind().name() + "-" + c.column(), new MarkGrid.Cell(c.value(), MarkGrid.shown(c.value()), c.version()));
        }
        String standing = standings.of(schoolClass, subjectCode, term).getOrDefault(studentCode, "");
        return new MarkGrid.Row(studentId, 0, studentCode, "", cells, standing);
    }

    private static boolean covers(GradebookLock l, SchoolClass schoolClass, SubjectId subject) {
        return switch (l.scope()) {
            case SCHOOL_TERM -> true;
            case CLASS_TERM -> l.classId() == schoolClass.id().value();
            case SUBJECT_TERM -> l.classId() == schoolClass.id().value() && l.subjectId() == subject.value();
        };
    }

    private static String owners(List<TeachingAssignment> teachers) {
        return teachers.stream().map(t -> t.teacher().fullName()).distinct().collect(Collectors.joining(", "));
    }

    private static int regularColumns(AcademicYear year, SchoolClass schoolClass, GradeSubject gs, MarkSheet sheet) {
        int required = RuleSets.standard().forCohort(new SchoolYear(year.startYear()), schoolClass.grade())
                .requiredRegularMarks(ClassGradebookAssembler.subject(gs));
        int stored = sheet.cells().stream().filter(c -> c.kind() == MarkKind.REGULAR).mapToInt(MarkCell::column).max().orElse(0);
        return Math.max(required, stored);
    }
}
