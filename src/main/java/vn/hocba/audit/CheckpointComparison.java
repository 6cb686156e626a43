package vn.hocba.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hocba.audit.StoredCheckpoints.Anchor;
import vn.hocba.audit.StoredCheckpoints.Finding;
import vn.hocba.audit.checkpoint.CheckpointDocument;

/**
 * The chain in the database, entry by entry in id order, against the trusted checkpoints: the chain
 * hash is recomputed from the content alone (a rewriter recomputes the stored hashes too) and must be
 * each checkpoint's head hash at its entry; each entry's content digest must be the one the checkpoint
 * that first saw it recorded. What differs is named: entries changed, removed (in the middle, or the
 * tail cut off), inserted after anchoring.
 */
final class CheckpointComparison {

    private enum Kind { CHANGED, REMOVED, INSERTED }

    /** A run of consecutive recorded (or inserted) entries with the same fate under the same checkpoint. */
    private record Run(Kind kind, long first, long last, Anchor anchor) {
    }

    private final List<Anchor> anchors;
    private final long[] ids;
    private final String[] digests;
    private final int[] owners;
    private final List<Run> runs = new ArrayList<>();
    private final List<Anchor> headMismatches = new ArrayList<>();
    private int next;
    private int nextAnchor;
    private String chainHash = ChainHash.GENESIS;
    private long count;
    private long lastId;

    CheckpointComparison(List<Anchor> anchors) {
        this.anchors = anchors;
        List<long[]> merged = new ArrayList<>();
        List<String> mergedDigests = new ArrayList<>();
        long listedUpTo = 0;
        for (int a = 0; a < anchors.size(); a++) {
            for (CheckpointDocument.EntryDigest d : anchors.get(a).document().digests()) {
                if (d.id() > listedUpTo) { // an entry belongs to the first checkpoint that saw it
                    merged.add(new long[] {d.id(), a});
                    mergedDigests.add(d.digest());
                    listedUpTo = d.id();
                }
            }
        }
        ids = merged.stream().mapToLong(m -> m[0]).toArray();
        owners = merged.stream().mapToInt(m -> (int) m[1]).toArray();
        digests = mergedDigests.toArray(String[]::new);
    }

    void entry(AuditEntry entry) {
        String canonical = entry.canonical();
        chainHash = ChainHash.of(chainHash, canonical);
        count++;
        while (next < ids.length && ids[next] < entry.id()) {
            add(Kind.REMOVED, ids[next], anchors.get(owners[next]));
            next++;
        }
        if (next < ids.length && ids[next] == entry.id()) {
            if (!digests[next].equals(ChainHash.contentDigest(canonical))) {
                add(Kind.CHANGED, entry.id(), anchors.get(owners[next]));
            }
            next++;
        } else {
            covering(entry.id()).ifPresent(anchor -> add(Kind.INSERTED, entry.id(), anchor));
        }
        while (nextAnchor < anchors.size() && anchors.get(nextAnchor).entryId() <= entry.id()) {
            Anchor anchor = anchors.get(nextAnchor++);
            CheckpointDocument d = anchor.document();
            if (d.entryId() == entry.id() && (!d.entryHash().equals(chainHash) || d.entries() != count)) {
                headMismatches.add(anchor);
            }
        }
        lastId = entry.id();
    }

    /** What differs from the checkpoints, once every entry was seen. */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        Anchor newest = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
        for (Run run : runs) {
            findings.add(new Finding(run.first(), describe(run)));
        }
        if (newest != null && newest.entryId() > lastId) {
            findings.add(new Finding(lastId + 1, range(lastId + 1, newest.entryId()) + " bị mất: chuỗi kết thúc ở "
                    + (lastId == 0 ? "đầu chuỗi (không còn mục nào)" : "mục " + lastId) + " nhưng " + newest.describe()
                    + " đã thấy đến mục " + newest.entryId() + " (" + newest.document().entries() + " mục)."));
        }
        for (Anchor anchor : headMismatches) {
            boolean explained = runs.stream().anyMatch(r -> r.first() <= anchor.entryId());
            if (!explained) {
                findings.add(new Finding(anchor.entryId(), "Chuỗi đến mục " + anchor.entryId() + " không khớp "
                        + anchor.describe() + ": mã băm đầu chuỗi hoặc số mục đã khác (nội dung trước mốc đã bị thay)."));
            }
        }
        return findings;
    }

    /** The checkpoint whose recorded range (after its predecessor, up to its head) holds {@code id}. */
    private java.util.Optional<Anchor> covering(long id) {
        return anchors.stream().filter(a -> a.entryId() >= id && a.document().coveredFrom() < id).findFirst();
    }

    private void add(Kind kind, long id, Anchor anchor) {
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.kind() == kind && last.anchor() == anchor && adjacent(kind, last.last(), id)) {
            runs.set(runs.size() - 1, new Run(kind, last.first(), id, anchor));
        } else {
            runs.add(new Run(kind, id, id, anchor));
        }
    }

    /** Consecutive among the recorded entries (ids may have gaps where a transaction rolled back). */
    private boolean adjacent(Kind kind, long previous, long id) {
        if (kind == Kind.INSERTED) {
            return id == previous + 1;
        }
        int before = Arrays.binarySearch(ids, previous);
        return before >= 0 && before + 1 < ids.length && ids[before + 1] == id;
    }

    private static String describe(Run run) {
        String what = switch (run.kind()) {
            case CHANGED -> " đã bị sửa sau ";
            case REMOVED -> " đã bị xoá sau ";
            case INSERTED -> " không có trong ";
        };
        String tail = run.kind() == Kind.INSERTED ? ": đã được chèn vào sau khi neo." : ".";
        return range(run.first(), run.last()) + what + run.anchor().describe() + tail;
    }

    private static String range(long first, long last) {
        return first == last ? "Mục " + first : "Các mục " + first + "–" + last;
    }
}
