package vn.hocba.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The web origins (scheme, host, port) the person paired the agent with, kept in a file on the PC
 * ({@code paired-origins.txt}, one origin a line). Compared exactly: no wildcard, no sub-domain.
 */
public final class PairedOrigins {

    private final Path file;
    private final Set<String> origins = new LinkedHashSet<>();

    public PairedOrigins(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty())
                        .forEach(origins::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean contains(String origin) {
        return origin != null && origins.contains(origin);
    }

    synchronized void add(String origin) {
        origins.add(origin);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, origins, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for a plain web origin: http or https, a host, an optional port, nothing else ("null" is not one). */
    static boolean wellFormed(String origin) {
        if (origin == null || origin.length() > 200) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
