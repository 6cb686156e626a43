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

/**
 * The API documentation (Swagger UI, in English, for whoever connects programs to HocBa) and Cockpit (read-only,
 * where it is on): the admin board's tools. Other account holders can still open the API description; the
 * principal's menu does not offer it (walk28: nothing a principal does needs it).
 */
@Component
class ToolsMenu implements MenuContribution {

    private final boolean cockpit;

    ToolsMenu(@Value("${hocba.camunda.cockpit.enabled:false}") boolean cockpit) {
        this.cockpit = cockpit;
    }

    @Override
    public List<MenuItem> items(Viewer viewer) {
        List<MenuItem> items = new ArrayList<>();
        if (!viewer.has(Role.ADMIN_BOARD)) {
            return items;
        }
        items.add(MenuItem.of(Section.ADMIN, "Tài liệu API", "/swagger-ui.html", 90));
        // Cockpit (read-only) only where it is switched on.
        if (cockpit) {
            items.add(MenuItem.of(Section.ADMIN, "Camunda Cockpit (chỉ xem)", "/camunda/app/cockpit/", 91));
        }
        return items;
    }
}
