package vn.hocba.pades;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch's outcome as it goes ({@link BatchSigner}, {@link DeviceBatch}): each document reported to the
 * batch's {@link BatchSigner.Progress} once, when its fate is known, and counted towards the result.
 */
final class BatchTally {

    private static final Logger log = LoggerFactory.getLogger(BatchSigner.class);

    private final BatchSigner.Progress progress;
    private final int total;
    private int done;
    private final List<String> signed = new ArrayList<>();
    private final List<String> already = new ArrayList<>();
    private final Map<String, String> failed = new LinkedHashMap<>();

    BatchTally(BatchSigner.Progress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    void alreadySigned(String id) {
        already.add(id);
        progress.documentDone(id, BatchSigner.Outcome.ALREADY_SIGNED, ++done, total);
    }

    void failed(String id, SigningException e) {
        log.warn("Batch signing of {} failed: {}", id, e.toString());
        failed.put(id, e.getMessage());
        progress.documentDone(id, BatchSigner.Outcome.FAILED, ++done, total);
    }

    /** Writes a chunk's signed {@code documents} (in the order of {@code ids}); one that cannot be written fails alone. */
    void write(BatchDocuments store, List<String> ids, List<byte[]> documents) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                store.replace(id, documents.get(i));
                signed.add(id);
                progress.documentDone(id, BatchSigner.Outcome.SIGNED, ++done, total);
            } catch (SigningException e) {
                failed(id, e);
            }
        }
    }

    BatchSigner.Result result() {
        return new BatchSigner.Result(signed, already, failed);
    }
}
