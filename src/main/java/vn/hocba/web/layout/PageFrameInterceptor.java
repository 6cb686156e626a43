package vn.hocba.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.HocBaUser;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.Menu;
import vn.hocba.web.PageFrame;
import vn.hocba.web.SchoolContext;

/**
 * Adds the {@link PageFrame} (header and menu) to every page rendered for a logged-in person,
 * error pages included. Runs only when a view is rendered (never for the JSON API), and never lets
 * a failure here break the page: the header then shows the person without school and menu.
 */
@Component
class PageFrameInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = "frame";
    private static final Logger log = LoggerFactory.getLogger(PageFrameInterceptor.class);

    private final AccessPolicy access;
    private final SchoolContext context;
    private final Menu menu;

    PageFrameInterceptor(AccessPolicy access, SchoolContext context, Menu menu) {
        this.access = access;
        this.context = context;
        this.menu = menu;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getModel().containsKey(ATTRIBUTE) || isRedirect(page)) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HocBaUser user) {
            page.addObject(ATTRIBUTE, frame(user, request));
        }
    }

    private PageFrame frame(HocBaUser user, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        if (original instanceof String uri) {
            path = uri.substring(request.getContextPath().length());
        }
        if ("/".equals(path)) {
            path = "/viec-can-lam"; // the home page is the task list
        }
        try {
            Viewer viewer = access.viewerOf(user.account());
            AcademicYear year = context.activeYear(viewer);
            return new PageFrame(context.school(viewer).name(), year.name(), user.account().displayName(),
                    user.account().username(),
                    viewer.roles().stream().sorted(Comparator.naturalOrder()).map(Role::title).toList(),
                    menu.of(viewer, path));
        } catch (RuntimeException e) {
            log.warn("Page frame without school and menu for {}", user.getUsername(), e);
            return new PageFrame(null, null, user.account().displayName(), user.account().username(),
                    java.util.List.of(), java.util.List.of());
        }
    }

    private static boolean isRedirect(ModelAndView page) {
        String name = page.getViewName();
        return name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
    }
}
