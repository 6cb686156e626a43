package vn.hocba.web.home;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.MenuItem.Section;

/** The API documentation for the admin board and the principal; Cockpit (read-only) for the admin board where it is on. */
@Component
class ToolsMenu implements MenuContribution {

    private final boolean cockpit;

    ToolsMenu(@Value("${hocba.camunda.cockpit.enabled:false}") boolean cockpit) {
        this.cockpit = cockpit;
    }

    @Override
    public List<MenuItem> items(Viewer viewer) {
        List<MenuItem> items = new ArrayList<>();
        if (viewer.has(Role.ADMIN_BOARD) || viewer.has(Role.PRINCIPAL)) {
            items.add(MenuItem.of(Section.ADMIN, "Tài liệu API", "/swagger-ui.html", 90));
        }
        // Cockpit (read-only) only where it is switched on, and only for the admin board.
        if (cockpit && viewer.has(Role.ADMIN_BOARD)) {
            items.add(MenuItem.of(Section.ADMIN, "Camunda Cockpit (chỉ xem)", "/camunda/app/cockpit/", 91));
        }
        return items;
    }
}
