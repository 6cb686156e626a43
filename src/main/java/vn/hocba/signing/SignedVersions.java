package vn.hocba.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.hocba.common.Sha256;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;

/**
 * The file people receive of an issued version: its latest signed file once signing started (the
 * signed store, {@code ${hocba.data-dir}/signed/<class>/<id>/}), else the issued original.
 */
@Service
public class SignedVersions {

    private final ClassDocuments documents;
    private final DocumentSignatures signatures;
    private final Path signedRoot;

    SignedVersions(ClassDocuments documents, DocumentSignatures signatures, @Value("${hocba.data-dir}") Path dataDir) {
        this.documents = documents;
        this.signatures = signatures;
        this.signedRoot = dataDir.resolve("signed");
    }

    /** The latest signed file of the version, if any stage signed it. */
    public Optional<Path> latestSigned(IssuedDocument document) {
        return SignedFiles.latest(signedRoot.resolve(document.className()), document.id());
    }

    /** The file to hand out: the latest signed one, else the issued original. */
    public Path file(IssuedDocument document) {
        return latestSigned(document).orElseGet(() -> documents.file(document));
    }

    /** SHA-256 of {@link #file}: what a holder of the current file can compare. */
    public String sha256(IssuedDocument document) {
        Optional<Path> signed = latestSigned(document);
        if (signed.isEmpty()) {
            return document.sha256();
        }
        try {
            return Sha256.hex(Files.readAllBytes(signed.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code sha256} is that of a file a signing stage of this version produced (recorded when signed). */
    public boolean isSignedFileOf(IssuedDocument document, String sha256) {
        return signatures.producedFile(document.id(), sha256);
    }
}
