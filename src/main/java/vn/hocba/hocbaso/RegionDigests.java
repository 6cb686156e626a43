package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The digest a signature's reference states for a region of a record (SHA-256 of the region's exclusive canonical
 * form), known by the SHA-256 of the stored version's bytes and the region's {@code Id}: the principal's signature sits
 * outside {@code #data}, which it covers, so the version it made has the very {@code #data} whose digest it computed,
 * and the school's seal over {@code #data}, the next step, takes that digest instead of canonicalizing and hashing the
 * whole record with its signatures again (≈ 0.5 ms of the seal's ≈ 1 ms per record, before its time-stamp:
 * {@link UnfinishedSignature#regionDigestKept}). Keyed by the stored bytes' hash, so a digest found here is the digest
 * of exactly the stored version the database names; a version another node stored, or one changed since, is not found
 * and its region digested as before. Kept only once the version is committed. Bounded
 * ({@code hocba.hocbaso.region-digests}, default 4,800 records; ≈ 150 bytes each).
 */
@Component
class RegionDigests {

    private final LeastRecentlyUsed<String, byte[]> byVersionAndRegion;

    RegionDigests(@Value("${hocba.hocbaso.region-digests:4800}") int capacity) {
        this.byVersionAndRegion = new LeastRecentlyUsed<>(capacity);
    }

    /** The digest of region {@code regionId} of the stored version whose bytes hash to {@code sha256}, when known. */
    Optional<byte[]> of(String sha256, String regionId) {
        return byVersionAndRegion.get(key(sha256, regionId)).map(byte[]::clone);
    }

    /** Remembers {@code digest} as that of region {@code regionId} of the version whose bytes hash to {@code sha256}. */
    void remember(String sha256, String regionId, byte[] digest) {
        byVersionAndRegion.put(key(sha256, regionId), digest.clone());
    }

    /**
     * Whether a step of {@code role} states (and keeps) a region's digest known here: the steps after the subject
     * sheets. A subject's second teacher could take the first's digest too, but the subject-sheet path stays as it
     * is: session 26 saw that stage slower with this and more changed together, and a co-teacher's region is small.
     */
    static boolean reusedIn(SlotRole role) {
        return role != SlotRole.SUBJECT_TEACHER;
    }

    private static String key(String sha256, String regionId) {
        return sha256 + "#" + regionId;
    }
}
