package vn.hocba.pades;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        BatchTally tally = new BatchTally(progress, documentIds.size());
        for (int from = 0; from < documentIds.size(); from += TimeStampSource.STAMPED_TOGETHER) {
            Map<String, DataToSign> prepared = new LinkedHashMap<>();
            List<byte[]> values = new ArrayList<>();
            for (String id : documentIds.subList(from, Math.min(from + TimeStampSource.STAMPED_TOGETHER,
                    documentIds.size()))) {
                try {
                    DataToSign data = signer.prepareUnlessSigned(store.read(id), request, credential,
                            () -> store.attachment(id));
                    if (data == null) {
                        tally.alreadySigned(id);
                    } else {
                        values.add(credential.sign(data.bytes()));
                        prepared.put(id, data);
                    }
                } catch (SigningException e) {
                    tally.failed(id, e);
                }
            }
            try {
                tally.write(store, List.copyOf(prepared.keySet()), signer.embedAll(List.copyOf(prepared.values()), values));
            } catch (SigningException e) {
                prepared.keySet().forEach(id -> tally.failed(id, e));
            }
        }
        return tally.result();
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
