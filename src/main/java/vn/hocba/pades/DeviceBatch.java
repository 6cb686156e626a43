package vn.hocba.pades;

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
        BatchTally tally = new BatchTally(progress, documentIds.size());
        Map<String, DataToSign> prepared = new LinkedHashMap<>();
        for (String id : documentIds) {
            try {
                DataToSign data = signer.prepareUnlessSigned(store.read(id), request, credential,
                        () -> store.attachment(id));
                if (data == null) {
                    tally.alreadySigned(id);
                } else {
                    prepared.put(id, data);
                }
            } catch (SigningException e) {
                tally.failed(id, e);
            }
        }
        List<byte[]> values;
        try {
            values = prepared.isEmpty() ? List.of() : signatureValues(prepared);
        } catch (SigningException e) {
            prepared.keySet().forEach(id -> tally.failed(id, e));
            return tally.result();
        }
        List<String> ids = List.copyOf(prepared.keySet());
        for (int from = 0; from < ids.size(); from += TimeStampSource.STAMPED_TOGETHER) {
            List<String> chunk = ids.subList(from, Math.min(from + TimeStampSource.STAMPED_TOGETHER, ids.size()));
            try {
                tally.write(store, chunk, signer.embedAll(chunk.stream().map(prepared::get).toList(),
                        values.subList(from, from + chunk.size())));
            } catch (SigningException e) {
                chunk.forEach(id -> tally.failed(id, e));
            }
        }
        return tally.result();
    }

    /** All values, each checked against the certificate; throws (and no document is signed) when any is wrong. */
    private List<byte[]> signatureValues(Map<String, DataToSign> prepared) {
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
    }
}
