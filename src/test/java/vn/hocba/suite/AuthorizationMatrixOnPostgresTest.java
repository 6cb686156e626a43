package vn.hocba.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18, item 1: every operation of {@code /v3/api-docs}, every page and the process engine's addresses, asked
 * by each of the eleven personas around class 8A2 (logged in through the form, with the session's CSRF token, as
 * a browser), compared with the tables of expected rights in {@code src/test/resources/suite/}. Allowed = any
 * answer but 401/403 (or a page's redirect to the login form): a 400/404/409 from a deliberately empty body still
 * proves the person got past the permission check, which comes first in every controller. State-changing
 * operations are sent with an empty JSON object (refused by validation after the permission check) and act on
 * accounts made for the purpose, never on a persona; they run after all reading ones.
 */
class AuthorizationMatrixOnPostgresTest extends SecuritySuiteOnPostgres {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** One request to send as every persona: the table's key, the concrete address, the body. */
    record Probe(String key, String method, String path, byte[] body, String contentType) {
    }

    record Cell(Probe probe, String persona, SuiteBrowser.Answer answer, boolean expected) {

        boolean allowed() {
            return !answer.refused();
        }
    }

    @Test
    void everyOperationPageAndEngineAddressAnswersEachPersonaAsTheTablesSay() {
        SuiteSchool school = school();
        Map<String, SuiteBrowser> browsers = new LinkedHashMap<>();
        for (String persona : SuiteSchool.PERSONAS) {
            browsers.put(persona, persona.equals("anonymous") ? SuiteBrowser.anonymous(port)
                    : SuiteBrowser.loggedIn(port, school.username(persona)));
        }
        String apiDocs = browsers.get("admin-board").send("GET", "/v3/api-docs", null, null).body();
        List<ApiOperation> operations = new ArrayList<>(ApiOperation.all(apiDocs));
        // reading first, then the operations that change something (their refusals must not depend on what ran before)
        operations.sort(Comparator.comparing(ApiOperation::changesState));

        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        RightsTable api = new RightsTable("/suite/api-rights.txt");
        List<Probe> apiProbes = operations.stream().map(op -> apiProbe(op, school)).toList();
        check("API operations", api, apiProbes, browsers, report, failures);

        RightsTable pages = new RightsTable("/suite/page-rights.txt");
        List<Probe> pageProbes = PageRoutes.all(mapping).stream()
                .map(r -> new Probe(r.key(), "GET", pagePath(r, school), null, null)).toList();
        check("pages", pages, pageProbes, browsers, report, failures);

        RightsTable engine = new RightsTable("/suite/engine-rights.txt");
        List<Probe> engineProbes = engine.keys().stream().map(key -> {
            String method = key.substring(0, key.indexOf(' '));
            return new Probe(key, method, key.substring(key.indexOf(' ') + 1),
                    method.equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8), method.equals("GET") ? null : "application/json");
        }).toList();
        check("process engine addresses", engine, engineProbes, browsers, report, failures);

        report.forEach(System.out::println);
        failures.forEach(System.out::println);
        assertThat(failures).as("rows missing or rights differing from the tables (see the output above)").isEmpty();
    }

    private void check(String what, RightsTable table, List<Probe> probes, Map<String, SuiteBrowser> browsers,
            List<String> report, List<String> failures) {
        int cells = 0;
        int unauthorized = 0;
        int wronglyRefused = 0;
        int serverErrors = 0;
        List<String> missing = new ArrayList<>();
        for (Probe probe : probes) {
            if (!table.has(probe.key())) {
                List<String> allowed = new ArrayList<>();
                for (Map.Entry<String, SuiteBrowser> b : browsers.entrySet()) {
                    if (!send(b.getValue(), probe).refused()) {
                        allowed.add(b.getKey());
                    }
                }
                missing.add(RightsTable.suggestion(probe.key(), allowed));
                continue;
            }
            for (Map.Entry<String, SuiteBrowser> b : browsers.entrySet()) {
                Cell cell = new Cell(probe, b.getKey(), send(b.getValue(), probe), table.allows(probe.key(), b.getKey()));
                cells++;
                if (cell.answer().status() >= 500) {
                    serverErrors++;
                    failures.add("5xx: " + describe(cell));
                }
                if (cell.allowed() && !cell.expected()) {
                    unauthorized++;
                    failures.add("UNAUTHORIZED SUCCESS: " + describe(cell));
                } else if (!cell.allowed() && cell.expected()) {
                    wronglyRefused++;
                    failures.add("refused although the table allows it: " + describe(cell));
                }
            }
        }
        List<String> stale = table.keys().stream().filter(k -> probes.stream().noneMatch(p -> p.key().equals(k))).toList();
        stale.forEach(k -> failures.add("row for an operation that no longer exists: " + k));
        if (!missing.isEmpty()) {
            failures.add("No row in the table for these " + what + " (observed rights below; check them against README"
                    + " 'Accounts, rights and the API' before adding):");
            failures.addAll(missing);
        }
        report.add(String.format("Authorization matrix, %s: %d × %d personas = %d requests; unauthorized successes = %d;"
                + " refused although allowed = %d; 5xx = %d; rows missing = %d", what, probes.size() - missing.size(),
                browsers.size(), cells, unauthorized, wronglyRefused, serverErrors, missing.size()));
    }

    private static String describe(Cell cell) {
        String body = cell.answer().body();
        return cell.probe().key() + " as " + cell.persona() + " (" + cell.probe().method() + " " + cell.probe().path() + ") → "
                + cell.answer().status() + " " + body.substring(0, Math.min(160, body.length())).replace('\n', ' ');
    }

    private static SuiteBrowser.Answer send(SuiteBrowser browser, Probe probe) {
        return browser.send(probe.method(), probe.path(), probe.body(), probe.contentType());
    }

    private static Probe apiProbe(ApiOperation op, SuiteSchool school) {
        String path = op.concrete(school::value).orElseThrow(() -> new IllegalStateException("No value for a variable of " + op.key()));
        if (op.bodyType() == null) {
            return new Probe(op.key(), op.method(), path, op.changesState() ? new byte[0] : null, null);
        }
        if (op.fileField() != null) {
            MultipartBody body = MultipartBody.file(op.fileField(), "khong-phai-bang-tinh.xlsx", "không phải bảng tính".getBytes(StandardCharsets.UTF_8));
            return new Probe(op.key(), op.method(), path, body.bytes(), body.contentType());
        }
        String json = op.path().equals("/api/auth/token")
                ? "{\"username\":\"" + SuiteSchool.TOKEN_USER + "\",\"password\":\"" + SuiteBrowser.PASSWORD + "\"}"
                : "{}";
        return new Probe(op.key(), op.method(), path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String pagePath(PageRoutes.Route route, SuiteSchool school) {
        String path = route.pattern();
        for (String variable : variables(path)) {
            Optional<String> v = school.value(path, variable);
            path = path.replace("{" + variable + "}", SuiteBrowser.enc(v.orElse("1")));
        }
        StringBuilder query = new StringBuilder();
        for (String p : route.requiredParams()) {
            query.append(query.isEmpty() ? "?" : "&").append(p).append('=')
                    .append(SuiteBrowser.enc(school.value(route.pattern(), p).orElse("1")));
        }
        return path + query;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
