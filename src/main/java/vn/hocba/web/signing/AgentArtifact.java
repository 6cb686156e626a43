package vn.hocba.web.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.hocba.HocBaApplication;

/** The jar the server runs from: the same file is the local signing agent. */
final class AgentArtifact {

    private AgentArtifact() {
    }

    static Optional<Path> runningJar() {
        try {
            String location = HocBaApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
            // Spring Boot's nested URLs: jar:nested:/path/hocba.jar/!BOOT-INF/classes/!/
            String file = location.replaceFirst("^jar:", "").replaceFirst("^nested:", "").replaceFirst("^file:", "")
                    .replaceFirst("(\\.jar).*$", "$1");
            Path path = Path.of(file);
            return file.endsWith(".jar") && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
