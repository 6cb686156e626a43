package vn.hocba.signing;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.storage.ObjectStore;

/**
 * The file people receive of an issued version: its latest signed file once signing started (the
 * signed store, {@code signed/<class>/<id>/} in the object store), else the issued original. Read from
 * the store on whichever node asks, checked against the SHA-256 the database recorded.
 */
@Service
public class SignedVersions {

    private final ClassDocuments documents;
    private final DocumentSignatures signatures;
    private final ObjectStore objects;
    private final Path cache;

    SignedVersions(ClassDocuments documents, DocumentSignatures signatures, ObjectStore objects,
            @Value("${hocba.data-dir}") Path dataDir) {
        this.documents = documents;
        this.signatures = signatures;
        this.objects = objects;
        this.cache = dataDir.resolve("cache");
    }

    private Optional<SignedFiles.SignedFile> latestSigned(IssuedDocument document) {
        return SignedFiles.latest(objects, ClassYearDocuments.signedPrefix(document.className()), document.id());
    }

    /** The file to hand out as a local file (the filesystem store's own, or a checked copy in the node's cache). */
    public Path file(IssuedDocument document) {
        return objects.localFile(key(document), sha256(document), document.id(), cache);
    }

    /**
     * The file to hand out, streamed from the store: checked completely before the first byte is returned
     * (a missing or altered file is an error naming the document), then streamed (never held in memory).
     */
    public InputStream open(IssuedDocument document) {
        String key = key(document);
        String sha256 = sha256(document);
        objects.verify(key, sha256, document.id());
        return objects.open(key, sha256, document.id());
    }

    /** SHA-256 of {@link #file}: what a holder of the current file can compare (as recorded when signed). */
    public String sha256(IssuedDocument document) {
        return latestSigned(document).map(f -> {
            String recorded = signatures.recordedSha256(document.id(), f.stage().key(f.part()));
            return recorded != null ? recorded : objects.stat(f.key()).orElseThrow().sha256();
        }).orElse(document.sha256());
    }

    /** Whether {@code sha256} is that of a file a signing stage of this version produced (recorded when signed). */
    public boolean isSignedFileOf(IssuedDocument document, String sha256) {
        return signatures.producedFile(document.id(), sha256);
    }

    private String key(IssuedDocument document) {
        return latestSigned(document).map(SignedFiles.SignedFile::key).orElseGet(() -> documents.objectKey(document));
    }
}
