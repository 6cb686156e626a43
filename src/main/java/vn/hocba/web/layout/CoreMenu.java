package vn.hocba.web.layout;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.MenuItem.Section;

/** What every person has: their tasks (also the home page {@code /}), notifications and own password. */
@Component
class CoreMenu implements MenuContribution {

    @Override
    public List<MenuItem> items(Viewer viewer) {
        return List.of(
                MenuItem.of(Section.TASKS, "Việc cần làm", "/viec-can-lam", 0),
                MenuItem.of(Section.TASKS, "Thông báo", "/thong-bao", 1),
                MenuItem.of(Section.ACCOUNT, "Đổi mật khẩu", "/tai-khoan/mat-khau", 0),
                MenuItem.of(Section.ACCOUNT, "Chứng thư số", "/chung-thu-so", 1));
    }
}
