package vn.hocba.web.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import vn.hocba.support.ChildApplication;

/**
 * The local signing agent as the person runs it ({@code java -jar hocba.jar agent}), in a child JVM
 * started from the test's class path: its own SunPKCS11 session on the SoftHSM2 token (the child
 * inherits {@code SOFTHSM2_CONF}), its own paired-origins file, the PIN and confirmations read from
 * the answers file ({@code --test-answers}). {@link #stop} kills it as an unplugged token or a closed
 * window would end it.
 */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AgentProcess start(int port, Path module, Path home, Path answers) {
        Path log = home.resolve("agent.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-cp", ChildApplication.classPath(),
                "vn.hocba.HocBaApplication", "agent", "--port", String.valueOf(port), "--pkcs11", module.toString(),
                "--home", home.toString(), "--test-answers", answers.toString());
        try {
            Files.createDirectories(home);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            AgentProcess agent = new AgentProcess(process, log);
            agent.awaitUp(port);
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the agent ends in the middle of whatever it is doing. */
    void stop() {
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
            stop();
        }
    }

    private void awaitUp(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the agent ended (exit " + process.exitValue() + "): " + read(log));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the agent did not answer on port " + port + ": " + read(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
