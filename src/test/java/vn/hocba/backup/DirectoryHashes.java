package vn.hocba.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.hocba.common.Sha256;

/** SHA-256 of every file under a folder, by relative path. */
final class DirectoryHashes {

    private DirectoryHashes() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return hashes;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(f).toString(), Sha256.hex(Files.readAllBytes(f)));
            }
        }
        return hashes;
    }
}
