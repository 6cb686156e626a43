package vn.hocba.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests to Camunda's webapp ({@code /camunda/**}) that only read, as Cockpit needs them for
 * operations monitoring (processes, instances, incidents, jobs): GET and HEAD, and the few POSTs that
 * are queries (Camunda sends long query filters as POST bodies). Everything else — deploying, starting,
 * completing a task, changing a variable, modifying, suspending, deleting, correlating a message,
 * stored filters — is not among them, nor any request to Tasklist or Admin, so it is refused before
 * it reaches Camunda. Expressions inside queries are switched off in the engine itself.
 */
final class CockpitReading implements RequestMatcher {

    private static final Pattern ENGINE_API = Pattern.compile("/camunda/api/engine/engine/[^/]+/(.+)");
    /** Cockpit's base plugin: process instance, incident, called process queries and statistics, all read-only. */
    private static final String COCKPIT_BASE_PLUGIN = "/camunda/api/cockpit/plugin/base/";
    /** Engine REST resources whose POST is a query (POST {resource} and POST {resource}/count). */
    private static final Set<String> QUERY_RESOURCES = Set.of("process-instance", "execution", "variable-instance", "job",
            "job-definition", "external-task", "task", "history/process-instance", "history/activity-instance",
            "history/variable-instance", "history/detail", "history/task", "history/external-task-log", "history/job-log");
    private static final String[] CLOSED = {"/camunda/app/tasklist/", "/camunda/app/admin/", "/camunda/api/tasklist/",
        "/camunda/api/admin/"};
    /** The one Admin API call Cockpit makes to show who is logged in. */
    private static final Pattern LOGGED_IN_USER = Pattern.compile("/camunda/api/admin/auth/user/[^/]+");

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) {
            return false;
        }
        String method = request.getMethod();
        boolean reading = method.equals("GET") || method.equals("HEAD");
        if (reading && LOGGED_IN_USER.matcher(path).matches()) {
            return true;
        }
        for (String closed : CLOSED) {
            if (path.startsWith(closed) || path.equals(closed.substring(0, closed.length() - 1))) {
                return false;
            }
        }
        return reading || method.equals("POST") && isQuery(path);
    }

    private static boolean isQuery(String path) {
        if (path.startsWith(COCKPIT_BASE_PLUGIN)) {
            return true;
        }
        Matcher engine = ENGINE_API.matcher(path);
        if (!engine.matches()) {
            return false;
        }
        String resource = engine.group(1);
        return QUERY_RESOURCES.contains(resource.endsWith("/count") ? resource.substring(0, resource.length() - 6) : resource);
    }
}
