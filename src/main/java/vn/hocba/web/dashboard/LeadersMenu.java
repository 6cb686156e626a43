package vn.hocba.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.MenuItem.Section;

/** The school's pages in the menu: the dashboard and the approval queue for leaders, the exports for the clerk. */
@Component
class LeadersMenu implements MenuContribution {

    @Override
    public List<MenuItem> items(Viewer viewer) {
        List<MenuItem> items = new ArrayList<>();
        boolean leader = viewer.has(Role.PRINCIPAL) || viewer.has(Role.VICE_PRINCIPAL);
        if (leader) {
            items.add(MenuItem.of(Section.SCHOOL, "Tổng quan trường", "/truong", 10));
            items.add(MenuItem.of(Section.SCHOOL, "Duyệt", "/duyet", 11));
        }
        if (viewer.has(Role.CLERK) || viewer.has(Role.PRINCIPAL)) {
            items.add(MenuItem.of(Section.SCHOOL, "Gói xuất văn bản", "/xuat", 20));
            items.add(MenuItem.of(Section.SCHOOL, "Học bạ số", "/hoc-ba-so", 21));
        }
        return items;
    }
}
