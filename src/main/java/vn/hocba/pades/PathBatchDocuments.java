package vn.hocba.pades;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Documents as files of a directory; ids are file names. Writes a temporary file, then moves it. */
public final class PathBatchDocuments implements BatchDocuments {

    private final Path directory;

    public PathBatchDocuments(Path directory) {
        this.directory = directory;
    }

    @Override
    public byte[] read(String documentId) {
        try {
            return Files.readAllBytes(directory.resolve(documentId));
        } catch (IOException e) {
            throw new SigningException("Không đọc được văn bản " + documentId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void replace(String documentId, byte[] signed) {
        Path target = directory.resolve(documentId);
        try {
            Path temporary = Files.createTempFile(directory, "." + documentId, ".signing");
            Files.write(temporary, signed);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SigningException("Không ghi được văn bản đã ký " + documentId + ": " + e.getMessage(), e);
        }
    }
}
