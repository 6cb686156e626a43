package vn.hocba.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hocba.common.Sha256;
import vn.hocba.pades.BatchDocuments;
import vn.hocba.pades.SigningException;
import vn.hocba.storage.FileSystemObjectStore;
import vn.hocba.storage.ObjectAlreadyStoredException;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StoredObjectException;

/**
 * The signed store of one class for one stage, in the installation's object store under
 * {@code signed/<class>/<document version>/<stage file>}: a document is read as its latest signed stage
 * (or the issued original when nothing is signed yet) and written as this stage's object, which must not
 * exist yet. The store makes an object visible only complete and never replaces one; every read is
 * checked against the SHA-256 the database recorded for that stage (or, in the moment between writing
 * and recording, the hash the store recorded with the object).
 */
final class SignedFiles implements BatchDocuments {

    /** The SHA-256 {@code document_signature} holds for a document's stage key; null when not recorded yet. */
    @FunctionalInterface
    interface Recorded {
        String sha256(String documentId, String stageKey);
    }

    /** One stage's object of a document (signer {@code part} of {@code stage}). */
    record SignedFile(String documentId, String key, SigningStage stage, int part) {

        boolean longTerm() {
            return stage == SigningStage.LONG_TERM;
        }
    }

    private final ObjectStore objects;
    private final String classPrefix;
    private final Function<String, byte[]> original;
    private final Recorded recorded;
    private final SigningStage stage;
    private final int part;
    /** SHA-256 of each file this instance wrote, by document id. */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    /** The store of signer {@code part} of {@code stage} for the class whose objects are under {@code classPrefix}. */
    SignedFiles(ObjectStore objects, String classPrefix, Function<String, byte[]> original, Recorded recorded,
            SigningStage stage, int part) {
        this.objects = objects;
        this.classPrefix = classPrefix;
        this.original = original;
        this.recorded = recorded;
        this.stage = stage;
        this.part = part;
    }

    /** A class directory on the filesystem store (tests). */
    SignedFiles(Path classDirectory, Function<String, Path> original, SigningStage stage) {
        this(classDirectory, original, stage, 1);
    }

    /** Signer {@code part} of a stage in a class directory on the filesystem store (tests). */
    SignedFiles(Path classDirectory, Function<String, Path> original, SigningStage stage, int part) {
        this(new FileSystemObjectStore(classDirectory.toAbsolutePath().getParent()),
                classDirectory.toAbsolutePath().getFileName().toString(), id -> readFile(original.apply(id)),
                (id, key) -> null, stage, part);
    }

    /** A missing or altered stored file fails this document of the batch (named), and the batch goes on. */
    @Override
    public byte[] read(String documentId) {
        try {
            return latest(objects, classPrefix, documentId).map(this::read).orElseGet(() -> original.apply(documentId));
        } catch (StoredObjectException e) {
            throw new SigningException(e.getMessage(), e);
        }
    }

    @Override
    public void replace(String documentId, byte[] signed) {
        try {
            written.put(documentId, objects.put(key(documentId), documentId, out -> out.write(signed)).sha256());
        } catch (ObjectAlreadyStoredException e) {
            throw new SigningException("Văn bản " + documentId + " đã có bản ký ở bước " + stage.fileName(part)
                    + "; bản đã ký không bao giờ bị ghi đè.", e);
        } catch (StoredObjectException e) {
            throw new SigningException("Không ghi được văn bản đã ký " + documentId + ": " + e.getMessage(), e);
        }
    }

    boolean hasStage(String documentId) {
        return objects.exists(key(documentId));
    }

    /**
     * The SHA-256 of this stage's own file of the document (which {@link #hasStage} says exists): as the store
     * computed it while this instance wrote the file (a stored object is never replaced), else read and hashed.
     */
    String stageSha256(String documentId) {
        String sha256 = written.get(documentId);
        return sha256 != null ? sha256 : Sha256.hex(readStage(documentId));
    }

    /** This stage's own file of the document (which {@link #hasStage} says exists), even when later stages exist. */
    byte[] readStage(String documentId) {
        return read(new SignedFile(documentId, key(documentId), stage, part));
    }

    /** Bytes of a stage's object, checked against the recorded hash. */
    byte[] read(SignedFile file) {
        return objects.read(file.key(), recorded.sha256(file.documentId(), file.stage().key(file.part())),
                file.documentId());
    }

    private String key(String documentId) {
        return classPrefix + "/" + documentId + "/" + stage.fileName(part);
    }

    /** The object of the latest stage signed so far, if any (one listing of the document's objects). */
    static Optional<SignedFile> latest(ObjectStore objects, String classPrefix, String documentId) {
        String prefix = classPrefix + "/" + documentId + "/";
        Set<String> names = objects.list(prefix).stream().map(k -> k.substring(prefix.length()))
                .collect(Collectors.toSet());
        List<SigningStage> stages = List.of(SigningStage.values());
        for (int i = stages.size() - 1; i >= 0; i--) {
            SigningStage stage = stages.get(i);
            if (names.contains(stage.fileName())) {
                // Signers of one stage sign in turn, so part n exists only after parts 1..n-1: the last is the latest.
                int part = 1;
                while (names.contains(stage.fileName(part + 1))) {
                    part++;
                }
                return Optional.of(new SignedFile(documentId, prefix + stage.fileName(part), stage, part));
            }
        }
        return Optional.empty();
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new SigningException("Không đọc được văn bản " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
