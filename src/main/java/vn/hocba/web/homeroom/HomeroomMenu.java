package vn.hocba.web.homeroom;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.SchoolContext;

/** The homeroom teacher's pages in the menu, for each class they are homeroom teacher of. */
@Component
class HomeroomMenu implements MenuContribution {

    private final SchoolContext context;

    HomeroomMenu(SchoolContext context) {
        this.context = context;
    }

    @Override
    public List<MenuItem> items(Viewer viewer) {
        if (viewer.homerooms().isEmpty()) {
            return List.of();
        }
        int term = context.currentTerm(viewer);
        List<MenuItem> items = new ArrayList<>();
        for (HomeroomAssignment h : viewer.homerooms()) {
            String base = "/lop/" + h.schoolClass().id().value();
            String code = h.schoolClass().code();
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Lớp " + code + " · Tổng quan", base + "/chu-nhiem", 10));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Điểm danh", base + "/diem-danh", 20));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Rèn luyện", base + "/ren-luyen/hoc-ki/" + term, 30));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Nhận xét của GVCN", base + "/nhan-xet-chu-nhiem/hoc-ki/" + term, 40));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Kiểm tra và ký", base + "/kiem-tra/hoc-ki/" + term, 50));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Cuối năm", base + "/cuoi-nam", 60));
            items.add(MenuItem.of(MenuItem.Section.HOMEROOM, "Sổ điểm cả lớp (Excel)", base + "/excel", 70));
        }
        return items;
    }
}
