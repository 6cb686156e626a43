package vn.hocba.web.admin;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuContribution;
import vn.hocba.web.MenuItem;
import vn.hocba.web.MenuItem.Section;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.ProcessFaults;

/** "Sự cố quy trình" in the admin board's menu, with the number of failing steps when there are any. */
@Component
class ProcessFaultsMenu implements MenuContribution {

    private final ProcessFaults faults;
    private final SchoolContext context;

    ProcessFaultsMenu(ProcessFaults faults, SchoolContext context) {
        this.faults = faults;
        this.context = context;
    }

    @Override
    public List<MenuItem> items(Viewer viewer) {
        if (!viewer.has(Role.ADMIN_BOARD)) {
            return List.of();
        }
        int failing = faults.count(context.school(viewer).id());
        return List.of(MenuItem.of(Section.ADMIN, failing == 0 ? "Sự cố quy trình" : "Sự cố quy trình (" + failing + ")",
                "/quan-tri/su-co", 40));
    }
}
