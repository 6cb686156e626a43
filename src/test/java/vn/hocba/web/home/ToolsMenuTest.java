package vn.hocba.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocba.security.Account;
import vn.hocba.security.AccountId;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.MenuItem;

/** Session 30 (walk28): the English Swagger UI is the admin board's tool, not something the principal's menu offers. */
class ToolsMenuTest {

    @Test
    void onlyTheAdminBoardIsOfferedTheApiDocumentationAndCockpit() {
        ToolsMenu menu = new ToolsMenu(true);
        assertThat(labels(menu, Role.ADMIN_BOARD)).containsExactly("Tài liệu API", "Camunda Cockpit (chỉ xem)");
        assertThat(labels(menu, Role.PRINCIPAL)).isEmpty();
        assertThat(labels(menu, Role.VICE_PRINCIPAL)).isEmpty();
        assertThat(labels(menu, Role.CLERK)).isEmpty();
        assertThat(labels(new ToolsMenu(false), Role.ADMIN_BOARD)).containsExactly("Tài liệu API");
    }

    private static List<String> labels(ToolsMenu menu, Role role) {
        Account account = new Account(new AccountId(1), "nguoi", "x", "Người Dùng", null, Set.of(role), true, 0, null);
        return menu.items(new Viewer(account, List.of(), List.of())).stream().map(MenuItem::label).toList();
    }
}
