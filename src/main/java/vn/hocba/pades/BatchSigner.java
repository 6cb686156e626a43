package vn.hocba.pades;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.pades.internal.EmbeddedSignatures;
import vn.hocba.pades.internal.PdfLoading;

/**
 * Signs many documents with one credential in one action (the principal approves a class's 35
 * transcripts). Idempotent and resumable: a document that already carries a signature by this
 * certificate is skipped, so running the batch again after a crash finishes the rest and signs
 * nothing twice; each document is replaced atomically. A document that fails is reported and the
 * batch goes on.
 */
public final class BatchSigner {

    private static final Logger log = LoggerFactory.getLogger(BatchSigner.class);

    /** What happened to one document. */
    public enum Outcome { SIGNED, ALREADY_SIGNED, FAILED }

    /** Called after each document, e.g. to move a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void documentDone(String documentId, Outcome outcome, int done, int total);
    }

    /** The batch's result; {@code failed} maps document ids to a Vietnamese reason. */
    public record Result(List<String> signed, List<String> alreadySigned, Map<String, String> failed) {
    }

    private final PadesSigner signer;
    private final CredentialCheck check;

    public BatchSigner(PadesSigner signer, CredentialCheck check) {
        this.signer = signer;
        this.check = check;
    }

    /**
     * Signs every document in {@code documentIds} with {@code credential} as {@code request}
     * describes (its claimed time is used for all).
     *
     * @throws CredentialRefusedException before any document is touched when the credential may not sign
     */
    public Result sign(List<String> documentIds, BatchDocuments store, SignatureRequest request,
                       SigningCredential credential, Progress progress) {
        check.requireUsable(credential, Instant.now()); // the real moment of signing, not the claim
        if (credential instanceof BatchSigningCredential device) {
            return new DeviceBatch(signer, device).sign(documentIds, store, request, progress);
        }
        List<String> signed = new ArrayList<>();
        List<String> already = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int done = 0;
        for (String id : documentIds) {
            Outcome outcome;
            try {
                DataToSign data = signer.prepareUnlessSigned(store.read(id), request, credential,
                        () -> store.attachment(id));
                if (data == null) {
                    already.add(id);
                    outcome = Outcome.ALREADY_SIGNED;
                } else {
                    store.replace(id, signer.embed(data, credential.sign(data.bytes())));
                    signed.add(id);
                    outcome = Outcome.SIGNED;
                }
            } catch (SigningException e) {
                log.warn("Batch signing of {} failed: {}", id, e.toString());
                failed.put(id, e.getMessage());
                outcome = Outcome.FAILED;
            }
            progress.documentDone(id, outcome, ++done, documentIds.size());
        }
        return new Result(signed, already, failed);
    }

    /** True when one of the document's signatures was made with {@code certificate}. */
    public static boolean signedBy(byte[] pdf, X509Certificate certificate) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            return signedBy(document, pdf, certificate);
        } catch (IOException e) {
            throw unreadableSignatures(e);
        }
    }

    /** {@link #signedBy(byte[], X509Certificate)} on {@code document}, loaded from {@code pdf}. */
    static boolean signedBy(PDDocument document, byte[] pdf, X509Certificate certificate) throws IOException {
        for (EmbeddedSignatures.Embedded embedded : EmbeddedSignatures.read(document, pdf)) {
            if (embedded.signerCertificate().equals(certificate)) {
                return true;
            }
        }
        return false;
    }

    static SigningException unreadableSignatures(IOException e) {
        return new SigningException("Không đọc được các chữ ký đã có trong văn bản: " + e.getMessage(), e);
    }
}
