package vn.hocba.web.marks;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.SchoolContext;

/**
 * The subject teacher's pages in the menu: mark entry of each class × subject they teach (the
 * current term), their correction requests and their retests. Comments, Excel and sign-off are
 * reached from the tabs of each mark-entry page.
 */
@Component
class TeachingMenu implements MenuContribution {

    private final SchoolContext context;

    TeachingMenu(SchoolContext context) {
        this.context = context;
    }

    @Override
    public List<MenuItem> items(Viewer viewer) {
        if (viewer.teaching().isEmpty()) {
            return List.of();
        }
        int term = context.currentTerm(viewer);
        List<MenuItem> items = new ArrayList<>();
        for (TeachingAssignment t : viewer.teaching()) {
            items.add(MenuItem.of(MenuItem.Section.TEACHING, "Nhập điểm " + t.schoolClass().code() + " · " + t.subject().name(),
                    "/lop/" + t.schoolClass().id().value() + "/mon/" + t.subject().id().value() + "/hoc-ki/" + term + "/diem", 10));
        }
        items.add(MenuItem.of(MenuItem.Section.TEACHING, "Đề nghị sửa điểm", "/de-nghi-sua-diem", 50));
        items.add(MenuItem.of(MenuItem.Section.TEACHING, "Kiểm tra lại", "/thi-lai", 60));
        return items;
    }
}
