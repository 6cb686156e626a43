package vn.hocba.web;

import java.util.List;
import vn.hocba.security.Viewer;

/**
 * A feature's links in the menu of every page, for one person. The menu is built on the server
 * from what the person may do, so a link appears only for those who may open it (the page still
 * checks the rights itself, through {@link vn.hocba.security.AccessPolicy}).
 *
 * <p><b>How a feature adds its pages to the menu:</b> declare a Spring bean implementing this
 * interface in the feature's package (next to its page controller) and return, for the
 * {@code viewer}, the items they may use; return an empty list for everyone else. For example, the
 * mark grid adds one item per teaching assignment:
 *
 * <pre>{@code
 * @Component
 * class MarkGridMenu implements MenuContribution {
 *     public List<MenuItem> items(Viewer viewer) {
 *         return viewer.teaching().stream().map(t -> MenuItem.of(MenuItem.Section.TEACHING,
 *                 "Nhập điểm " + t.schoolClass().code() + " · " + t.subject().name(),
 *                 "/lop/" + t.schoolClass().id().value() + "/mon/" + t.subject().id().value() + "/hoc-ki/2/diem", 10))
 *                 .toList();
 *     }
 * }
 * }</pre>
 *
 * Use the {@link MenuItem.Section} the page belongs to (TEACHING for a subject teacher's pages,
 * HOMEROOM for the homeroom teacher's, SCHOOL for leaders and the clerk, ADMIN for the admin
 * board). Keep it cheap: it runs for every page shown (no per-student queries). A contribution that
 * throws is logged and left out, so one broken feature never takes the menu (or an error page) down.
 * {@link Menu} collects every contribution and marks the item of the current page.
 */
public interface MenuContribution {

    /** The items {@code viewer} may use; empty when none. */
    List<MenuItem> items(Viewer viewer);
}
