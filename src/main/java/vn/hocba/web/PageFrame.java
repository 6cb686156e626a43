package vn.hocba.web;

import java.util.List;

/**
 * What the layout shows around every page of a logged-in person (model attribute {@code frame}):
 * the school, the year, the person's name and roles, and their menu. Put in the model of every page
 * by {@code web.layout.PageFrameInterceptor}; a page controller adds nothing for it.
 */
public record PageFrame(String schoolName, String yearName, String personName, String username, List<String> roles,
        List<Menu.Group> menu) {
}
