package vn.hocba.web.admin;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.MenuItem.Section;

/** The admin board's pages in the menu (section Quản trị): year setup, students, accounts. */
@Component
class AdminMenu implements MenuContribution {

    @Override
    public List<MenuItem> items(Viewer viewer) {
        if (!viewer.has(Role.ADMIN_BOARD)) {
            return List.of();
        }
        return List.of(MenuItem.of(Section.ADMIN, "Thiết lập năm học", "/quan-tri/truong", 10),
                MenuItem.of(Section.ADMIN, "Học sinh", "/quan-tri/hoc-sinh", 20),
                MenuItem.of(Section.ADMIN, "Nhập học sinh từ CSDL ngành", "/quan-tri/hoc-sinh/nhap", 21),
                MenuItem.of(Section.ADMIN, "Tài khoản", "/quan-tri/tai-khoan", 30));
    }
}
