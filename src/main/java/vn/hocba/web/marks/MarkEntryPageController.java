package vn.hocba.web.marks;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.workflow.TermCloseReturns;

/**
 * "Nhập điểm": the grid of one subject in one class and term, and the cell saves its script sends.
 * A save goes through {@link MarkSheets#save} exactly as {@code PUT /api/…/marks} does (same
 * permission check, validation, audit, version check and lock), one cell at a time.
 */
@Controller
class MarkEntryPageController {

    static final String PAGE = "/lop/{classId}/mon/{subjectId}/hoc-ki/{term}/diem";

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final MarkSheets sheets;
    private final MarkGrids grids;
    private final TermCloseReturns returns;

    MarkEntryPageController(AccessPolicy access, SchoolDirectory directory, MarkSheets sheets, MarkGrids grids,
            TermCloseReturns returns) {
        this.returns = returns;
        this.access = access;
        this.directory = directory;
        this.sheets = sheets;
        this.grids = grids;
    }

    @GetMapping(PAGE)
    String page(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term, Model model) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        Viewer viewer = access.requireReadSubject(id, subject);
        SchoolClass schoolClass = directory.schoolClass(id);
        MarkGrid grid = grids.grid(schoolClass, subject, term, viewer.columns(id, subject));
        model.addAttribute("viewer", viewer);
        // The rework task opens this page: the teacher reads here why the subject came back.
        model.addAttribute("returned", viewer.teaches(id, subject)
                ? returns.sentBack(schoolClass, term, subject, viewer.account().username()).orElse(null) : null);
        model.addAttribute("grid", grid);
        boolean viewOnly = grid.columns().stream().noneMatch(MarkGrid.Column::editable);
        model.addAttribute("viewOnly", viewOnly);
        // A reader sees who enters the sheet once when one teacher enters every column, not under each header
        // (at 390 px a name under every header made each header five lines high).
        List<String> owners = grid.columns().stream().map(MarkGrid.Column::owner).distinct().toList();
        model.addAttribute("soleOwner", viewOnly && owners.size() == 1 && !owners.get(0).isEmpty() ? owners.get(0) : null);
        model.addAttribute("crumbs", SheetCrumbs.grid(grid));
        model.addAttribute("inputMode", grid.scored() ? "decimal" : "text");
        model.addAttribute("base", "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term);
        return "marks/entry";
    }

    /** One cell as the script sends it: the value typed (blank clears) and the version the teacher saw. */
    record CellSave(long studentId, MarkKind kind, int column, String value, Integer version) {
    }

    /** The cell as stored after the save, and the student's stored term result in this subject. */
    record CellSaved(long studentId, String key, String value, String shown, Integer version, String standing) {
    }

    /** A refused save: the reason, and for 409 the cell as the other session stored it. */
    record CellRefused(String message, String value, String shown, Integer version) {
    }

    @PostMapping(PAGE + "/o")
    @ResponseBody
    ResponseEntity<?> save(@PathVariable long classId, @PathVariable long subjectId, @PathVariable int term,
            @RequestBody CellSave cell) {
        ClassId id = new ClassId(classId);
        SubjectId subject = new SubjectId(subjectId);
        SchoolClass schoolClass = directory.schoolClass(id);
        String key = cell.kind() + "-" + cell.column();
        try {
            Viewer viewer = access.requireTeaching(id, subject);
            sheets.save(schoolClass, subject, term, viewer.columns(id, subject),
                    List.of(new CellChange(cell.studentId(), cell.kind(), cell.column(), cell.value(), cell.version())),
                    access.actor(viewer, Role.SUBJECT_TEACHER));
            MarkGrid.Row row = row(schoolClass, subject, term, viewer, cell.studentId());
            MarkGrid.Cell stored = row.cells().getOrDefault(key, new MarkGrid.Cell(null, "", null));
            return ResponseEntity.ok(new CellSaved(cell.studentId(), key, stored.value(), stored.shown(), stored.version(),
                    row.standing()));
        } catch (Rejected e) {
            MarkGrid.Cell current = null;
            if (e.reason() == Rejected.Reason.CONFLICT) {
                current = row(schoolClass, subject, term, access.current(), cell.studentId()).cells().get(key);
            }
            return ResponseEntity.status(status(e.reason())).body(new CellRefused(e.getMessage(),
                    current == null ? null : current.value(), current == null ? "" : current.shown(),
                    current == null ? null : current.version()));
        }
    }

    private MarkGrid.Row row(SchoolClass schoolClass, SubjectId subject, int term, Viewer viewer, long studentId) {
        return grids.grid(schoolClass, subject, term, viewer.columns(schoolClass.id(), subject)).rows().stream()
                .filter(r -> r.studentId() == studentId).findFirst()
                .orElse(new MarkGrid.Row(studentId, 0, "", "", Map.of(), ""));
    }

    static HttpStatus status(Rejected.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case LOCKED -> HttpStatus.LOCKED;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
        };
    }
}
