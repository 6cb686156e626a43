package vn.hocba.web.marks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.CellRules;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.EnrolledStudent;

/**
 * The grid's batched save: the cells of one student's row that changed together (a pasted block,
 * several cells typed quickly) in one request, each with its own outcome. Every cell goes through
 * {@link MarkSheets#save} as {@code PUT /api/…/marks} does (permission, validation, lock, version,
 * audit). The valid cells are saved together; when that is refused because one of them was changed
 * in another session, they are saved one by one so that only that cell answers 409. A lock (423) or
 * a missing permission (403) refuses the whole row.
 */
@Controller
class MarkRowSaveController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkSheets sheets;
    private final MarkGrids grids;

    MarkRowSaveController(AccessPolicy access, SchoolDirectory directory, MarkSheets sheets, MarkGrids grids) {
        this.access = access;
        this.directory = directory;
        this.sheets = sheets;
        this.grids = grids;
    }

    /** One cell of the row: the value typed (blank clears) and the version the teacher saw. */
    record RowCell(MarkKind kind, int column, String value, Integer version) {
    }

    /** The changed cells of one student's row. */
    record RowSave(long studentId, List<RowCell> cells) {
    }

    /** A cell's outcome: 200 with the stored cell, or the refusal (400, 409 with the other session's value, …). */
    record CellOutcome(String key, int status, String message, String value, String shown, Integer version) {
    }

    /** Every cell's outcome and the student's stored term result after the save. */
    record RowSaved(long studentId, List<CellOutcome> cells, String standing) {
    }

    /** The whole row refused (lock, permission): the reason. */
    record RowRefused(String message) {
    }

    @PostMapping(MarkEntryPageController.PAGE + "/hang")
    @ResponseBody
    ResponseEntity<?> save(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestBody RowSave row) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        try {
            Viewer viewer = access.requireTeaching(id, subject);
            SchoolClass schoolClass = directory.schoolClass(id);
            List<ColumnRange> columns = viewer.columns(id, subject);
            CellRules rules = sheets.rules(schoolClass, subject, term, columns);
            EnrolledStudent student = rules.roster().get(row.studentId());
            if (student == null) {
                throw Rejected.notFound("Học sinh mã số " + row.studentId() + " không học lớp " + schoolClass.code() + ".");
            }
            Map<String, Rejected> refused = new LinkedHashMap<>();
            List<CellChange> valid = new ArrayList<>();
            for (RowCell cell : row.cells()) {
                CellChange change = new CellChange(row.studentId(), cell.kind(), cell.column(), cell.value(), cell.version());
                try {
                    rules.validated(change);
                    valid.add(change);
                } catch (Rejected e) {
                    refused.put(key(change), e);
                }
            }
            refused.putAll(saveTogetherOrOneByOne(schoolClass, subject, term, columns, valid, access.actor(viewer, Role.SUBJECT_TEACHER)));
            MarkGrid.Row stored = grids.row(schoolClass, subject, rules.subject().subject().code(), term, row.studentId(),
                    student.student().profile().code());
            List<CellOutcome> outcomes = row.cells().stream().map(c -> outcome(c, stored, refused.get(c.kind() + "-" + c.column())))
                    .toList();
            return ResponseEntity.ok(new RowSaved(row.studentId(), outcomes, stored.standing()));
        } catch (Rejected e) {
            return ResponseEntity.status(MarkEntryPageController.status(e.reason())).body(new RowRefused(e.getMessage()));
        }
    }

    /** Saves the cells in one transaction; a refusal other than a lock is then narrowed down cell by cell. */
    private Map<String, Rejected> saveTogetherOrOneByOne(SchoolClass schoolClass, SubjectId subject, int term,
            List<ColumnRange> columns, List<CellChange> cells, Actor by) {
        Map<String, Rejected> refused = new LinkedHashMap<>();
        if (cells.isEmpty()) {
            return refused;
        }
        try {
            sheets.save(schoolClass, subject, term, columns, cells, by);
            return refused;
        } catch (Rejected e) {
            if (e.reason() == Rejected.Reason.LOCKED) {
                throw e;
            }
            if (cells.size() == 1) {
                refused.put(key(cells.get(0)), e);
                return refused;
            }
        }
        for (CellChange cell : cells) {
            try {
                sheets.save(schoolClass, subject, term, columns, List.of(cell), by);
            } catch (Rejected e) {
                if (e.reason() == Rejected.Reason.LOCKED) {
                    throw e;
                }
                refused.put(key(cell), e);
            }
        }
        return refused;
    }

    private static CellOutcome outcome(RowCell cell, MarkGrid.Row stored, Rejected refusal) {
        String key = cell.kind() + "-" + cell.column();
        MarkGrid.Cell now = stored.cells().getOrDefault(key, new MarkGrid.Cell(null, "", null));
        if (refusal == null) {
            return new CellOutcome(key, 200, null, now.value(), now.shown(), now.version());
        }
        return new CellOutcome(key, MarkEntryPageController.status(refusal.reason()).value(), refusal.getMessage(), now.value(), now.shown(), now.version());
    }

    private static String key(CellChange change) {
        return change.kind() + "-" + change.column();
    }
}
