package vn.hocba.web.bench;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hocba.support.HttpUser;

/**
 * The mark-entry page against a running HocBa with the demo school (not a test): the page of a
 * 36-student class with all columns, and one cell save as the page's script sends it, each beside
 * its JSON API baseline measured in the same run (GET and PUT {@code /api/…/marks}).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) vn.hocba.web.bench.MarkPageBenchmark [port] [runs]</pre>
 */
public final class MarkPageBenchmark {

    private static final String PASSWORD = "HocBa@2025";

    private MarkPageBenchmark() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String base = "http://localhost:" + port;
        if (args.length > 3) {
            serverPid = Long.parseLong(args[3]);
            measureIdle();
        }
        HttpUser admin = new HttpUser(port);
        String principal = admin.token("hieutruong", PASSWORD);
        // The largest class, and its Toán teacher (8 columns on the page: TX1–4, GK, CK and the result).
        String classes = admin.send(admin.get("/api/classes").header("Authorization", "Bearer " + principal)).body();
        long classId = largestClass(admin, principal, classes);
        String teacher = args.length > 2 ? args[2] : "gv03";
        HttpUser web = new HttpUser(port).logIn(teacher, PASSWORD);
        HttpUser api = new HttpUser(port);
        String token = api.token(teacher, PASSWORD);
        String me = api.send(api.get("/api/me").header("Authorization", "Bearer " + token)).body();
        Matcher subject = Pattern.compile("\"schoolClass\":\\{\"id\":" + classId + "[^}]*\\},\"subject\":\\{\"id\":(\\d+)")
                .matcher(me);
        if (!subject.find()) {
            throw new IllegalStateException(teacher + " does not teach class " + classId + "; pass a teacher as 3rd argument");
        }
        long subjectId = Long.parseLong(subject.group(1));
        String sheet = "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/1";
        String marks = "/api/classes/" + classId + "/subjects/" + subjectId + "/terms/1/marks";
        String page = web.send(web.get(sheet + "/diem")).body();
        String csrf = attribute(page, "data-csrf");
        long student = Long.parseLong(attribute(page, "data-student"));
        System.out.printf("MarkPageBenchmark: class %d (%d student rows, %d cells), subject %d, teacher %s, %d runs each after 15 warm-up, %s%n",
                classId, count(page, "data-student="), count(page, "<input type=\"text\""), subjectId, teacher, runs,
                System.getProperty("java.vm.version"));

        Series apiRead = time(runs, () -> ok(api.send(api.get(marks).header("Authorization", "Bearer " + token))));
        Series pageRead = time(runs, () -> ok(web.send(web.get(sheet + "/diem"))));
        int[] value = {0};
        int[] version = {version(api, token, marks, student)};
        Series apiSave = time(runs, () -> {
            String body = "{\"changes\":[{\"studentId\":" + student + ",\"kind\":\"REGULAR\",\"column\":1,\"value\":\""
                    + (5 + value[0]++ % 5) + "\",\"version\":" + version[0] + "}]}";
            ok(api.send(api.json("PUT", marks, body).header("Authorization", "Bearer " + token)));
            version[0]++;
        });
        Series cellSave = time(runs, () -> {
            String body = "{\"studentId\":" + student + ",\"kind\":\"REGULAR\",\"column\":1,\"value\":\"" + (5 + value[0]++ % 5)
                    + "\",\"version\":" + version[0] + "}";
            ok(web.send(web.json("POST", sheet + "/diem/o", body).header("X-CSRF-TOKEN", csrf)));
            version[0]++;
        });
        String rowPath = sheet + "/diem/hang";
        Series rowSave = time(runs, () -> {
            String body = "{\"studentId\":" + student + ",\"cells\":[{\"kind\":\"REGULAR\",\"column\":1,\"value\":\""
                    + (5 + value[0]++ % 5) + "\",\"version\":" + version[0] + "}]}";
            allSaved(web.send(web.json("POST", rowPath, body).header("X-CSRF-TOKEN", csrf)));
            version[0]++;
        });
        // A whole row as a pasted block sends it: TX1–TX4, giữa kì, cuối kì of one student in one request.
        String[] keys = {"REGULAR-1", "REGULAR-2", "REGULAR-3", "REGULAR-4", "MIDTERM-1", "FINAL-1"};
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        // Priming call: a cell sent without its version is refused (409) with the stored version.
        versions.putAll(versions(web.send(web.json("POST", rowPath, "{\"studentId\":" + student + ",\"cells\":["
                + String.join(",", java.util.Arrays.stream(keys).map(k -> "{\"kind\":\"" + k.split("-")[0] + "\",\"column\":"
                        + k.split("-")[1] + ",\"value\":\"5\",\"version\":null}").toList()) + "]}")
                .header("X-CSRF-TOKEN", csrf)).body()));
        Series wholeRow = time(runs, () -> {
            StringBuilder body = new StringBuilder("{\"studentId\":" + student + ",\"cells\":[");
            for (String key : keys) {
                String[] kc = key.split("-");
                body.append(key.equals(keys[0]) ? "" : ",").append("{\"kind\":\"").append(kc[0]).append("\",\"column\":")
                        .append(kc[1]).append(",\"value\":\"").append(5 + value[0]++ % 5).append("\",\"version\":")
                        .append(versions.get(key)).append('}');
            }
            HttpResponse<String> answer = web.send(web.json("POST", rowPath, body.append("]}").toString())
                    .header("X-CSRF-TOKEN", csrf));
            allSaved(answer);
            versions.putAll(versions(answer.body()));
        });
        print("baseline GET  /api/…/marks (JSON sheet)", apiRead);
        print("page     GET  …/diem (whole grid HTML)", pageRead);
        print("baseline PUT  /api/…/marks (1 cell)", apiSave);
        print("page     POST …/diem/o (1 cell, single-cell save)", cellSave);
        print("page     POST …/diem/hang (1 cell, as the grid saves)", rowSave);
        print("page     POST …/diem/hang (row of 6 cells, one request)", wholeRow);
    }

    private static long largestClass(HttpUser admin, String token, String classes) {
        long best = -1;
        int most = -1;
        Matcher ids = Pattern.compile("\"id\":(\\d+),\"yearId\"").matcher(classes);
        while (ids.find()) {
            long id = Long.parseLong(ids.group(1));
            int size = count(admin.send(admin.get("/api/classes/" + id + "/students").header("Authorization", "Bearer " + token))
                    .body(), "\"code\"");
            if (size > most) {
                most = size;
                best = id;
            }
        }
        return best;
    }

    private static int version(HttpUser api, String token, String marks, long student) {
        String sheet = api.send(api.get(marks).header("Authorization", "Bearer " + token)).body();
        Matcher m = Pattern.compile("\\{\"studentId\":" + student + ",\"kind\":\"REGULAR\",\"column\":1,\"value\":\"[^\"]*\",\"version\":(\\d+)")
                .matcher(sheet);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Wall times of the timed calls, and the server's CPU time per call when its process id was given. */
    record Series(long[] nanos, double serverCpuMs) {
    }

    private static Series time(int runs, Runnable call) {
        for (int i = 0; i < 15; i++) {
            call.run();
        }
        long[] nanos = new long[runs];
        long cpuBefore = serverCpuMillis();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        double idle = idleCpuMillisPerSecond * (System.nanoTime() - wallBefore) / 1e9;
        double cpu = cpuBefore < 0 ? Double.NaN : Math.max(0, serverCpuMillis() - cpuBefore - idle) / runs;
        return new Series(nanos, cpu);
    }

    /**
     * The server's process id (4th argument): its CPU time per call is read from /proc before and
     * after each series, less what it spends idle (job executor, measured for 3 s first). On a
     * machine shared with other work this is steadier than wall time, which includes waiting for a core.
     */
    private static long serverPid = -1;
    private static double idleCpuMillisPerSecond;

    private static void measureIdle() {
        long before = serverCpuMillis();
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        idleCpuMillisPerSecond = (serverCpuMillis() - before) / 3.0;
    }

    /** utime + stime of the server process in ms (clock ticks of 10 ms), or -1 without a process id. */
    private static long serverCpuMillis() {
        if (serverPid < 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(String what, Series series) {
        long[] sorted = series.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s median %7.1f ms  p95 %7.1f ms  min %6.1f  max %7.1f  server CPU/call %6.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6, sorted[0] / 1e6,
                sorted[sorted.length - 1] / 1e6, series.serverCpuMs());
    }

    private static void ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** A row save answers 200 with an outcome per cell; every one must be saved. */
    private static void allSaved(HttpResponse<String> response) {
        ok(response);
        if (!response.body().matches("(?s).*\"cells\":\\[.*") || response.body().matches("(?s).*\"status\":(?!200)\\d+.*")) {
            throw new IllegalStateException("not every cell saved: " + response.body());
        }
    }

    /** Column key → version of each cell in a row save's answer. */
    private static java.util.Map<String, Integer> versions(String answer) {
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        Matcher m = Pattern.compile("\"key\":\"([A-Z]+-\\d+)\"[^}]*\"version\":(\\d+)").matcher(answer);
        while (m.find()) {
            versions.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return versions;
    }

    private static String attribute(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " on the page");
        }
        return m.group(1);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

}
