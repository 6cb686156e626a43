package vn.hocba.web.marks;

import java.util.List;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.web.Crumb;

/** Breadcrumbs of the pages of one class × subject × term: Lớp 7A1 › Toán › Học kì II › Nhận xét. */
public final class SheetCrumbs {

    private SheetCrumbs() {
    }

    /** The mark-entry page itself. */
    public static List<Crumb> grid(MarkGrid grid) {
        return List.of(new Crumb("Lớp " + grid.classCode(), null), new Crumb(grid.subjectName(), null),
                Crumb.here(Crumb.termLabel(grid.term())));
    }

    /** A page beside the grid ({@code page}: "Nhận xét", "Nhập từ Excel", "Ký xác nhận"), the term linking to the grid. */
    public static List<Crumb> beside(MarkGrid grid, String page) {
        return List.of(new Crumb("Lớp " + grid.classCode(), null), new Crumb(grid.subjectName(), null),
                Crumb.link(Crumb.termLabel(grid.term()), "/lop/" + grid.classId() + "/mon/" + grid.subjectId() + "/hoc-ki/"
                        + grid.term() + "/diem"), Crumb.here(page));
    }
}
