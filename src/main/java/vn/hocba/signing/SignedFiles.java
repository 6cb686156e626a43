package vn.hocba.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.hocba.pades.BatchDocuments;
import vn.hocba.pades.SigningException;

/**
 * The signed store of one class for one stage: a document is read as its latest signed stage (or
 * the issued original when nothing is signed yet) and written as this stage's file, which must not
 * exist yet. Writes go to a temporary file that is then hard-linked into place, so a file is either
 * absent or complete and an existing signed file is never replaced.
 */
final class SignedFiles implements BatchDocuments {

    private final Path classDirectory;
    private final Function<String, Path> original;
    private final SigningStage stage;
    private final int part;

    SignedFiles(Path classDirectory, Function<String, Path> original, SigningStage stage) {
        this(classDirectory, original, stage, 1);
    }

    /** The store of signer {@code part} of a stage signed by several people in turn (co-teachers). */
    SignedFiles(Path classDirectory, Function<String, Path> original, SigningStage stage, int part) {
        this.classDirectory = classDirectory;
        this.original = original;
        this.stage = stage;
        this.part = part;
    }

    @Override
    public byte[] read(String documentId) {
        Path file = latest(classDirectory, documentId).orElseGet(() -> original.apply(documentId));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SigningException("Không đọc được văn bản " + documentId + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void replace(String documentId, byte[] signed) {
        Path directory = classDirectory.resolve(documentId);
        Path target = directory.resolve(stage.fileName(part));
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + stage.name(), ".signing");
            try {
                Files.write(temporary, signed);
                Files.createLink(target, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new SigningException("Văn bản " + documentId + " đã có bản ký ở bước " + stage.fileName(part)
                    + "; bản đã ký không bao giờ bị ghi đè.", e);
        } catch (IOException e) {
            throw new SigningException("Không ghi được văn bản đã ký " + documentId + ": " + e.getMessage(), e);
        }
    }

    boolean hasStage(String documentId) {
        return Files.exists(classDirectory.resolve(documentId).resolve(stage.fileName(part)));
    }

    /** This stage's own file of the document (which {@link #hasStage} says exists), even when later stages exist. */
    byte[] readStage(String documentId) {
        Path file = classDirectory.resolve(documentId).resolve(stage.fileName(part));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SigningException("Không đọc được văn bản " + documentId + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** The file of the latest stage signed so far, if any. */
    static Optional<Path> latest(Path classDirectory, String documentId) {
        List<SigningStage> stages = List.of(SigningStage.values());
        for (int i = stages.size() - 1; i >= 0; i--) {
            Path file = classDirectory.resolve(documentId).resolve(stages.get(i).fileName());
            if (Files.exists(file)) {
                return Optional.of(lastPart(file.getParent(), stages.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Signers of one stage sign in turn, so part n exists only after parts 1..n-1: the last is the latest. */
    private static Path lastPart(Path directory, SigningStage stage) {
        int part = 1;
        while (Files.exists(directory.resolve(stage.fileName(part + 1)))) {
            part++;
        }
        return directory.resolve(stage.fileName(part));
    }
}
