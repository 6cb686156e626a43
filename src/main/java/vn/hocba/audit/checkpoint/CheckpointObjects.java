package vn.hocba.audit.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import vn.hocba.common.Sha256;
import vn.hocba.storage.ObjectAlreadyStoredException;
import vn.hocba.storage.ObjectStore;

/**
 * Checkpoints in the shared object store ({@code hocba.storage.type=s3}), where every key is written once
 * and never replaced. A checkpoint's parts are written first under a key of their own attempt,
 * {@code audit-checkpoints/<chain>/<entry id, 12 digits>/<attempt>/checkpoint.json} (and {@code .p7s},
 * {@code .tst}); then the completion marker {@code …/<entry id>/checkpoint.done}, naming the attempt and the
 * SHA-256 of each part, is put if absent. Only a marked checkpoint counts: a node that dies between the
 * parts leaves an attempt nobody reads, and the next anchoring of that head writes a new attempt (its
 * keys are new, so nothing blocks it); of two nodes anchoring the same head the first marker wins and the
 * other's attempt stays unread. Every part is read checked against the hash its marker names. A
 * checkpoint copied by {@code storage migrate} ({@code …/<entry id>/checkpoint.json} beside its signature
 * and time-stamp, renamed into place complete on the node's disk) is read as it is.
 */
public final class CheckpointObjects implements CheckpointFiles {

    static final String PREFIX = "audit-checkpoints/";
    static final String MARKER = "checkpoint.done";
    private static final String ATTEMPT = "attempt";

    private final ObjectStore store;

    public CheckpointObjects(ObjectStore store) {
        this.store = store;
    }

    @Override
    public String root() {
        return store.describe() + ", " + PREFIX;
    }

    @Override
    public String location(String chain, long entryId) {
        return store.describe() + ", " + folder(chain, entryId);
    }

    @Override
    public List<Stored> of(String chain) {
        Map<Long, Stored> complete = new TreeMap<>();
        for (String key : store.list(PREFIX + chain + "/")) {
            String[] parts = key.substring(PREFIX.length()).split("/");
            if (parts.length != 3 || !parts[1].matches("\\d{12}")) {
                continue; // an attempt's part: read through its marker
            }
            long entryId = Long.parseLong(parts[1]);
            if (parts[2].equals(MARKER)) {
                complete.put(entryId, marked(chain, entryId));
            } else if (parts[2].equals(JSON)) {
                complete.putIfAbsent(entryId, migrated(chain, entryId));
            }
        }
        return List.copyOf(complete.values());
    }

    @Override
    public List<String> otherChains(String chain) {
        TreeSet<String> chains = new TreeSet<>();
        for (String key : store.list(PREFIX)) {
            String[] parts = key.substring(PREFIX.length()).split("/");
            if (parts.length == 3 && (parts[2].equals(MARKER) || parts[2].equals(JSON)) && !parts[0].equals(chain)) {
                chains.add(parts[0]);
            }
        }
        return new ArrayList<>(chains);
    }

    @Override
    public boolean write(String chain, long entryId, byte[] json, byte[] signature, byte[] timeStamp) {
        String folder = folder(chain, entryId);
        if (store.exists(folder + MARKER) || store.exists(folder + JSON)) {
            return false;
        }
        String attempt = UUID.randomUUID().toString();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(JSON, json);
        parts.put(SIGNATURE, signature);
        parts.put(TIME_STAMP, timeStamp);
        StringBuilder marker = new StringBuilder(ATTEMPT + "=" + attempt + "\n");
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            store.put(folder + attempt + "/" + part.getKey(), document(chain, entryId), out -> out.write(part.getValue()));
            marker.append(part.getKey()).append('=').append(Sha256.hex(part.getValue())).append('\n');
        }
        byte[] markerBytes = marker.toString().getBytes(StandardCharsets.UTF_8);
        try {
            store.put(folder + MARKER, document(chain, entryId), out -> out.write(markerBytes));
            return true;
        } catch (ObjectAlreadyStoredException e) {
            return false; // another node completed this head first; this attempt stays unread
        }
    }

    /** A checkpoint completed by its marker: each part read from the marker's attempt, checked against its hash. */
    private Stored marked(String chain, long entryId) {
        String folder = folder(chain, entryId);
        return new Stored(entryId, location(chain, entryId), part -> {
            Properties marker = new Properties();
            marker.load(new java.io.StringReader(new String(store.read(folder + MARKER, null, document(chain, entryId)),
                    StandardCharsets.UTF_8)));
            String attempt = marker.getProperty(ATTEMPT);
            String sha256 = marker.getProperty(part);
            if (attempt == null || sha256 == null) {
                throw new IOException("dấu hoàn tất " + MARKER + " không ghi phần " + part);
            }
            return store.read(folder + attempt + "/" + part, sha256, document(chain, entryId));
        });
    }

    /** A checkpoint copied from a node's folder by {@code storage migrate}: checked against the hashes stored with it. */
    private Stored migrated(String chain, long entryId) {
        String folder = folder(chain, entryId);
        return new Stored(entryId, location(chain, entryId),
                part -> store.read(folder + part, null, document(chain, entryId)));
    }

    private static String folder(String chain, long entryId) {
        return PREFIX + chain + "/" + String.format("%012d", entryId) + "/";
    }

    private static String document(String chain, long entryId) {
        return "mốc kiểm toán đến mục " + entryId + " (chuỗi " + chain + ")";
    }
}
