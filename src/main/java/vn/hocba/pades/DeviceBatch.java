package vn.hocba.pades;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BatchSigner}'s path for a {@link BatchSigningCredential}: prepares every document not yet
 * signed by the certificate, asks the device for all signature values at once, checks every value
 * against the certificate, and only then embeds and writes the documents, a chunk at a time with their
 * time-stamps asked for together ({@link PadesSigner#embedAll}). A refusal, a
 * time-out or a wrong key writes nothing; a crash while writing leaves documents that the next run
 * skips (already signed by this certificate), so nothing is ever signed twice.
 */
final class DeviceBatch {

    private final PadesSigner signer;
    private final BatchSigningCredential credential;

    DeviceBatch(PadesSigner signer, BatchSigningCredential credential) {
        this.signer = signer;
        this.credential = credential;
    }

    BatchSigner.Result sign(List<String> documentIds, BatchDocuments store, SignatureRequest request,
                            BatchSigner.Progress progress) {
        List<String> already = new ArrayList<>();
        Map<String, DataToSign> prepared = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : documentIds) {
            try {
                DataToSign data = signer.prepareUnlessSigned(store.read(id), request, credential,
                        () -> store.attachment(id));
                if (data == null) {
                    already.add(id);
                } else {
                    prepared.put(id, data);
                }
            } catch (SigningException e) {
                failed.put(id, e.getMessage());
            }
        }
        int done = 0;
        for (String id : already) {
            progress.documentDone(id, BatchSigner.Outcome.ALREADY_SIGNED, ++done, documentIds.size());
        }
        List<String> signed = new ArrayList<>();
        if (!prepared.isEmpty()) {
            List<byte[]> values = signatureValues(prepared, failed);
            List<String> ids = List.copyOf(prepared.keySet());
            for (int from = 0; from < ids.size(); from += BatchSigner.STAMPED_TOGETHER) {
                List<String> chunk = ids.subList(from, Math.min(from + BatchSigner.STAMPED_TOGETHER, ids.size()));
                List<byte[]> documents = null;
                if (values != null) {
                    try {
                        documents = signer.embedAll(chunk.stream().map(prepared::get).toList(),
                                values.subList(from, from + chunk.size()));
                    } catch (SigningException ex) {
                        chunk.forEach(id -> failed.put(id, ex.getMessage()));
                    }
                }
                for (int i = 0; i < chunk.size(); i++) {
                    String id = chunk.get(i);
                    try {
                        if (documents == null) {
                            progress.documentDone(id, BatchSigner.Outcome.FAILED, ++done, documentIds.size());
                            continue;
                        }
                        store.replace(id, documents.get(i));
                        signed.add(id);
                        progress.documentDone(id, BatchSigner.Outcome.SIGNED, ++done, documentIds.size());
                    } catch (SigningException ex) {
                        failed.put(id, ex.getMessage());
                        progress.documentDone(id, BatchSigner.Outcome.FAILED, ++done, documentIds.size());
                    }
                }
            }
        }
        return new BatchSigner.Result(signed, already, failed);
    }

    /** All values, each checked against the certificate; null (and every document failed) when any is wrong. */
    private List<byte[]> signatureValues(Map<String, DataToSign> prepared, Map<String, String> failed) {
        try {
            List<byte[]> values = credential.signAll(prepared.values().stream().map(DataToSign::bytes).toList());
            if (values.size() != prepared.size()) {
                throw new SigningException("Thiết bị ký trả về " + values.size() + " chữ ký cho " + prepared.size()
                        + " văn bản; không văn bản nào được ký.");
            }
            int i = 0;
            for (DataToSign data : prepared.values()) {
                PadesSigner.requireValid(data, values.get(i++));
            }
            return values;
        } catch (SigningException e) {
            prepared.keySet().forEach(id -> failed.put(id, e.getMessage()));
            return null;
        }
    }
}
