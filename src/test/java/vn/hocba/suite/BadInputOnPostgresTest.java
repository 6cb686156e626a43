package vn.hocba.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 2: bad input generated from the OpenAPI schemas for every operation with a body or parameters
 * (each parameter and each body field replaced by hostile values, whole bodies broken), plus malformed uploads
 * made here (workbooks: broken, encrypted, bombs by ratio, by sheets and by parts, .xls; PDFs: truncated, deeply
 * nested, 9.9 MB). Each request is sent as a persona the rights table lets in, so it reaches the validation behind
 * the permission check. Deterministic (seed 18). Asserted: no 5xx, no answer naming a Java type or SQL, every
 * answer within 10 s, nothing written by a refused request (the audit chain's head after each request, the class
 * gradebook export every 100 requests and at the end), the heap the run leaves behind (after a full collection)
 * below a bound.
 */
class BadInputOnPostgresTest extends SecuritySuiteOnPostgres {

    private static final long SEED = 18;
    private static final int CHECK_EXPORT_EVERY = 100;
    /** Requests per run: every file upload, and a seeded sample of the rest (each operation keeps its share). */
    private static final int REQUESTS = 2_100;
    private static final long ANSWER_WITHIN_MILLIS = 10_000;
    /**
     * Java types, stack frames and SQL the server must never show; none of the fuzzer's values contain these. The
     * exception name starts at a word boundary ({@code \b\w+Exception}, which finds the same answers as
     * {@code \w+Exception}): unanchored, the search tried every position inside a long word, quadratic in its
     * length, and an answer that quotes a 100,000-letter value took minutes to search.
     */
    private static final Pattern LEAK = Pattern.compile("(java\\.(lang|util|io|sql)\\.|jakarta\\.|javax\\.|org\\.springframework|"
            + "org\\.hibernate|org\\.postgresql|org\\.h2\\.|com\\.fasterxml|org\\.apache\\.|vn\\.hocba\\.|\\b\\w+Exception\\b|\\.java:\\d+\\)|"
            + "SQLSTATE|PSQLException|syntax error at or near|violates (foreign key|unique|check|not-null) constraint|"
            + "duplicate key value|JdbcSQL|bad SQL grammar|DataIntegrityViolation)");
    private static final List<String> PREFERRED = List.of("subject-teacher", "homeroom", "principal", "admin-board",
            "clerk", "vice-principal", "department-head", "co-teacher", "other-homeroom", "unassigned", "anonymous");

    /**
     * One request to send. Its body is made when it is sent: the run generates about twice the requests it sends
     * (and many bodies are megabytes), so making every body up front filled the heap of the test JVM, which the
     * server shares, before the first request.
     */
    record Request(ApiOperation operation, String persona, String what, String path, Supplier<byte[]> body, String contentType) {
    }

    @Test
    void generatedBadInputNeverFailsTheServerLeaksNothingAndWritesNothing() throws IOException {
        long testStarted = System.nanoTime();
        SuiteSchool school = school();
        Random random = new Random(SEED);
        RightsTable rights = new RightsTable("/suite/api-rights.txt");
        Map<String, SuiteBrowser> browsers = new LinkedHashMap<>();
        for (String persona : SuiteSchool.PERSONAS) {
            browsers.put(persona, persona.equals("anonymous") ? SuiteBrowser.anonymous(port)
                    : SuiteBrowser.loggedIn(port, school.username(persona)));
        }
        List<ApiOperation> operations = ApiOperation.all(browsers.get("admin-board").send("GET", "/v3/api-docs", null, null).body());
        Map<String, byte[]> files = new LinkedHashMap<>(MalformedFiles.spreadsheets(new Random(SEED)));
        files.putAll(MalformedFiles.pdfs());
        List<Request> requests = new ArrayList<>();
        for (ApiOperation op : operations) {
            if (op.parameters().isEmpty() && op.bodyType() == null) {
                continue;
            }
            String persona = PREFERRED.stream().filter(p -> !rights.has(op.key()) || rights.allows(op.key(), p)).findFirst()
                    .orElse("principal");
            requests.addAll(forOperation(op, persona, school, random, files));
        }
        Collections.shuffle(requests, random);
        List<Request> uploads = requests.stream().filter(r -> r.what().startsWith("file")).toList();
        List<Request> others = requests.stream().filter(r -> !r.what().startsWith("file")).toList();
        int generated = requests.size();
        requests = new ArrayList<>(uploads);
        requests.addAll(others.subList(0, Math.min(others.size(), REQUESTS - uploads.size())));
        Collections.shuffle(requests, random);

        String exportPath = "/api/classes/" + school.classId + "/gradebook";
        SuiteBrowser reader = browsers.get("principal");
        String export = digest(reader.send("GET", exportPath, null, null));
        String audit = school.auditHead();
        boolean wroteSince = false;
        int sent = 0;
        int serverErrors = 0;
        int leaks = 0;
        int slow = 0;
        int partialWrites = 0;
        int accepted = 0;
        long slowest = 0;
        long maxHeap = 0;
        // The test JVM also holds the other test classes' cached Spring contexts, so a bound on the whole heap says
        // little: what bad input must not do is leave memory behind in the server (a cache filled by garbage, a
        // stuck upload). So the heap is measured after a full collection before and after the run.
        long retainedBefore = heapAfterCollection();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        // where the run's time goes: the answers per operation, and the test's own checks between them
        Map<String, long[]> millisByOperation = new java.util.HashMap<>();
        long[] checkNanos = new long[3]; // audit head, background generation runs, export and heap
        long loopStarted = System.nanoTime();
        System.out.printf("Bad input: personas logged in, requests made and the heap measured in %d ms%n",
                (loopStarted - testStarted) / 1_000_000);
        for (Request r : requests) {
            byte[] body = r.body().get();
            SuiteBrowser.Answer a = browsers.get(r.persona()).send(r.operation().method(), r.path(), body, r.contentType());
            sent++;
            long[] op = millisByOperation.computeIfAbsent(r.operation().key(), k -> new long[2]);
            op[0]++;
            op[1] += a.millis();
            byStatus.merge(a.status(), 1, Integer::sum);
            slowest = Math.max(slowest, a.millis());
            String where = r.operation().key() + " as " + r.persona() + " [" + r.what() + "] → " + a.status();
            if (a.status() >= 500) {
                serverErrors++;
                failures.add("5xx: " + where + " " + cut(a.body()));
            }
            if (a.status() >= 400 && LEAK.matcher(a.body()).find()) {
                leaks++;
                failures.add("names a Java type or SQL: " + where + " " + cut(a.body()));
            }
            if (a.millis() > ANSWER_WITHIN_MILLIS) {
                // once more: input that is slow to handle is slow again; a scheduling stall of a shared machine is not
                long again = browsers.get(r.persona()).send(r.operation().method(), r.path(), body, r.contentType()).millis();
                System.out.println("answered in " + a.millis() + " ms, then in " + again + " ms: " + where);
                if (again > ANSWER_WITHIN_MILLIS) {
                    slow++;
                    failures.add("answered in " + a.millis() + " ms and again in " + again + " ms: " + where);
                }
            }
            long t0 = System.nanoTime();
            String head = school.auditHead();
            checkNanos[0] += System.nanoTime() - t0;
            if (a.status() >= 400 && !head.equals(audit)) {
                partialWrites++;
                failures.add("audit chain moved on a refused request: " + where + "; audited: " + school.auditedSince(audit));
            }
            if (a.status() < 400 && r.operation().changesState()) {
                accepted++;
                wroteSince = true;
                if (a.status() == 202) {
                    // accepted work that goes on in the background (a document generation run) audits as it goes:
                    // let it finish, so that its entries are not taken for a refused request's writes
                    long t1 = System.nanoTime();
                    school.awaitBackgroundWork();
                    head = school.auditHead();
                    checkNanos[1] += System.nanoTime() - t1;
                }
            }
            audit = head;
            if (sent % CHECK_EXPORT_EVERY == 0 || sent == requests.size()) {
                long t2 = System.nanoTime();
                String now = digest(reader.send("GET", exportPath, null, null));
                if (!now.equals(export) && !wroteSince) {
                    partialWrites++;
                    failures.add("the class gradebook export changed with only refused changes before request " + sent);
                }
                export = now;
                wroteSince = false;
                Runtime rt = Runtime.getRuntime();
                maxHeap = Math.max(maxHeap, rt.totalMemory() - rt.freeMemory());
                checkNanos[2] += System.nanoTime() - t2;
            }
        }
        printTimes(millisByOperation, (System.nanoTime() - loopStarted) / 1_000_000, checkNanos);
        long retained = heapAfterCollection() - retainedBefore;
        long retainedBound = 256L << 20;
        System.out.printf("Bad input: %d requests (of %d generated) over %d operations (seed %d); by status %s; state-changing accepted %d;%n"
                + "  5xx = %d, answers naming a Java type or SQL = %d, partial writes = %d, over 10 s = %d (slowest %d ms),"
                + " heap seen at most %d MB; retained after the run %d MB (bound %d MB)%n", sent, generated, operations.size(), SEED, byStatus, accepted,
                serverErrors, leaks, partialWrites, slow, slowest, maxHeap >> 20, retained >> 20, retainedBound >> 20);
        failures.stream().limit(60).forEach(System.out::println);
        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as("bad input answered wrongly (see the output above)").isEmpty();
        assertThat(retained).as("heap the run left behind after a full collection").isLessThan(retainedBound);
    }

    /** The run's wall time: answers (the ten slowest operations in all), and the checks between requests. */
    private static void printTimes(Map<String, long[]> millisByOperation, long loopMillis, long[] checkNanos) {
        long answers = millisByOperation.values().stream().mapToLong(v -> v[1]).sum();
        System.out.printf("Bad input, time: %d ms in all; answers %d ms; audit head after each %d ms; generation runs awaited %d ms;"
                + " export checks %d ms%n", loopMillis, answers, checkNanos[0] / 1_000_000, checkNanos[1] / 1_000_000,
                checkNanos[2] / 1_000_000);
        millisByOperation.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(10)
                .forEach(e -> System.out.printf("  %6d ms in %4d answers (%d ms each): %s%n", e.getValue()[1], e.getValue()[0],
                        e.getValue()[1] / e.getValue()[0], e.getKey()));
    }

    private static long heapAfterCollection() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The hostile requests for one operation: each parameter, each body field, whole bodies, files. */
    private static List<Request> forOperation(ApiOperation op, String persona, SuiteSchool school, Random random,
            Map<String, byte[]> files) throws IOException {
        List<Request> result = new ArrayList<>();
        JsonBody body = op.bodyType() != null && op.fileField() == null ? new JsonBody(op.bodySchema()) : null;
        byte[] plainBody = body == null ? null : body.valid().getBytes(StandardCharsets.UTF_8);
        String plainType = body == null ? null : "application/json";
        if (op.fileField() != null) {
            MultipartBody m = MultipartBody.file(op.fileField(), "x.xlsx", MalformedFiles.workbook(1));
            plainBody = m.bytes();
            plainType = m.contentType();
        } else if (op.changesState() && plainBody == null) {
            plainBody = new byte[0];
        }
        for (ApiOperation.Parameter p : op.parameters()) {
            List<String> values = sample(BadValues.PARAMETERS, 10, random);
            for (String v : values) {
                Optional<String> path = op.concrete((tpl, name) -> name.equals(p.name()) ? Optional.of(v) : school.value(tpl, name));
                path.ifPresent(s -> result.add(new Request(op, persona, p.name() + "=" + shortly(v), s, null, null)));
            }
            for (String raw : sample(BadValues.RAW_PARAMETERS, 3, random)) {
                String marker = "RAWVALUE7";
                op.concrete((tpl, name) -> name.equals(p.name()) ? Optional.of(marker) : school.value(tpl, name))
                        .map(s -> s.replace(marker, raw))
                        .ifPresent(s -> result.add(new Request(op, persona, p.name() + "=" + raw, s, null, null)));
            }
        }
        List<Request> withBodies = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            Request r = result.get(i);
            byte[] plain = plainBody;
            withBodies.add(new Request(op, persona, r.what(), r.path(), () -> plain, plainType));
        }
        result.clear();
        result.addAll(withBodies);
        String path = op.concrete(school::value).orElseThrow();
        if (body != null) {
            for (String field : body.fields()) {
                for (String v : sample(BadValues.JSON, 12, random)) {
                    result.add(new Request(op, persona, "body " + field + "=" + shortly(v), path,
                            () -> body.with(field, v).getBytes(StandardCharsets.UTF_8), "application/json"));
                }
            }
            for (String whole : sample(BadValues.bodies(), 6, random)) {
                result.add(new Request(op, persona, "body " + shortly(whole), path, () -> whole.getBytes(StandardCharsets.UTF_8),
                        "application/json"));
            }
        }
        if (op.fileField() != null) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                result.add(new Request(op, persona, "file " + f.getKey(), path,
                        () -> MultipartBody.file(op.fileField(), f.getKey(), f.getValue()).bytes(), MultipartBody.TYPE));
            }
            MultipartBody wrongField = MultipartBody.file("tep", "valid.xlsx", MalformedFiles.workbook(1));
            result.add(new Request(op, persona, "file in another field", path, wrongField::bytes, wrongField.contentType()));
            result.add(new Request(op, persona, "multipart without boundary", path, () -> "--x--".getBytes(StandardCharsets.US_ASCII),
                    "multipart/form-data"));
        }
        return result;
    }

    private static <T> List<T> sample(List<T> values, int n, Random random) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static String digest(SuiteBrowser.Answer answer) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(answer.body().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortly(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "…(" + v.length() + ")" : v;
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static String cut(String body) {
        return body.substring(0, Math.min(300, body.length())).replace('\n', ' ');
    }

    /** A plausible JSON body built from the schema, and copies of it with one field's value replaced. */
    static final class JsonBody {

        private final JsonNode schema;

        JsonBody(JsonNode schema) {
            this.schema = schema;
        }

        String valid() {
            return example(schema, 0);
        }

        /** The top-level field names, and {@code name[].inner} for fields of objects in arrays. */
        List<String> fields() {
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                names.add(e.getKey());
                JsonNode items = e.getValue().path("items");
                for (Iterator<String> inner = items.path("properties").fieldNames(); inner.hasNext();) {
                    names.add(e.getKey() + "[]." + inner.next());
                }
            }
            return names;
        }

        String with(String field, String value) {
            return withValue(schema, field, value);
        }

        private static String withValue(JsonNode schema, String field, String value) {
            StringBuilder out = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(out.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":");
                if (e.getKey().equals(field)) {
                    out.append(value);
                } else if (field.startsWith(e.getKey() + "[].")) {
                    out.append('[').append(withValue(e.getValue().path("items"), field.substring(e.getKey().length() + 3), value))
                            .append(']');
                } else {
                    out.append(example(e.getValue(), 1));
                }
            }
            return out.append('}').toString();
        }

        private static String example(JsonNode s, int depth) {
            if (s == null || s.isMissingNode() || depth > 5) {
                return "null";
            }
            if (s.has("enum")) {
                return '"' + s.get("enum").get(0).asText() + '"';
            }
            String format = s.path("format").asText();
            return switch (s.path("type").asText("object")) {
                case "string" -> format.equals("date") ? "\"2025-10-15\"" : format.equals("date-time") ? "\"2025-10-15T08:00:00Z\"" : "\"x\"";
                case "integer" -> "999999";
                case "number" -> "7.5";
                case "boolean" -> "false";
                case "array" -> "[" + example(s.path("items"), depth + 1) + "]";
                default -> {
                    StringBuilder out = new StringBuilder("{");
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.append(out.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":")
                                .append(example(e.getValue(), depth + 1));
                    }
                    yield out.append('}').toString();
                }
            };
        }
    }
}
