package vn.hocba.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * HocBa in a child JVM (the test JVM's class path, {@code vn.hocba.HocBaApplication}) so that a test
 * can kill it with SIGKILL ({@link #kill}) as a power cut would, then start it again on the same
 * database and data directory. Its output goes to a log file.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with {@code options} (--key=value) and waits until it answers HTTP. */
    public static ChildApplication start(Path log, Duration timeout, List<String> options) {
        return start(log, timeout, List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), options);
    }

    /** As {@link #start(Path, Duration, List)} with the JVM's own options (a benchmark: heap, full JIT). */
    public static ChildApplication start(Path log, Duration timeout, List<String> jvmOptions, List<String> options) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classPath(), "vn.hocba.HocBaApplication",
                "--server.port=" + port));
        command.addAll(options);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildApplication child = new ChildApplication(process, port, log);
            child.awaitUp(timeout);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** CPU time the child process has used so far (all its threads), in seconds; 0 where the OS does not say. */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** CPU seconds of the child's live threads by kind so far ({@link ThreadCpu}). */
    public Map<String, Double> cpuSecondsByThreadKind() {
        return ThreadCpu.of(process.pid());
    }

    /** Whether the process still runs (a database outage must not end it). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no transaction completed, no file closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitUp(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child application ended (exit " + process.exitValue() + "), see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(1000);
        }
        kill();
        throw new IllegalStateException("the child application did not answer within " + timeout + ", see " + log);
    }

    /** The test JVM's class path, also when surefire starts it from a manifest-only jar. */
    public static String classPath() {
        String path = System.getProperty("java.class.path");
        if (path.contains("surefirebooter") && !path.contains(java.io.File.pathSeparator)) {
            try (JarFile jar = new JarFile(path)) {
                List<String> entries = new ArrayList<>();
                for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                    entries.add(Path.of(URI.create(url)).toString());
                }
                return String.join(java.io.File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
