package vn.hocba.audit.checkpoint;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where checkpoints lie: per chain and entry id, {@code checkpoint.json}, its signature
 * {@code checkpoint.json.p7s} and its time-stamp {@code checkpoint.json.tst}. A checkpoint is either
 * absent or complete, and of two nodes anchoring the same head only the first one's is kept.
 * {@link CheckpointDirectory} keeps them in a folder (the default, {@code ${hocba.data-dir}/audit-checkpoints});
 * {@link CheckpointObjects} in the shared object store ({@code hocba.storage.type=s3}).
 */
public interface CheckpointFiles {

    String JSON = "checkpoint.json";
    String SIGNATURE = JSON + ".p7s";
    String TIME_STAMP = JSON + ".tst";

    /** Reads one part ({@link #JSON}, {@link #SIGNATURE} or {@link #TIME_STAMP}) of a stored checkpoint. */
    @FunctionalInterface
    interface PartReader {
        byte[] read(String part) throws IOException;
    }

    /** One stored checkpoint: its entry id, where it lies (for messages) and its parts. */
    record Stored(long entryId, String location, PartReader parts) {

        public byte[] json() throws IOException {
            return parts.read(JSON);
        }

        public byte[] signature() throws IOException {
            return parts.read(SIGNATURE);
        }

        public byte[] timeStamp() throws IOException {
            return parts.read(TIME_STAMP);
        }
    }

    /** Where the checkpoints are kept, for messages. */
    String root();

    /** Where the checkpoint of {@code chain} at {@code entryId} lies, for messages. */
    String location(String chain, long entryId);

    /** The complete checkpoints of {@code chain}, oldest (lowest entry id) first. */
    List<Stored> of(String chain);

    default Optional<Stored> newest(String chain) {
        List<Stored> all = of(chain);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Chains other than {@code chain} that have at least one checkpoint here. */
    List<String> otherChains(String chain);

    /** Writes a checkpoint; false when one of that chain and entry id exists already (made by another node). */
    boolean write(String chain, long entryId, byte[] json, byte[] signature, byte[] timeStamp);
}
