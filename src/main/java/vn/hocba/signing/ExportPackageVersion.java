package vn.hocba.signing;

import java.time.Instant;

/**
 * One built export package of a class ({@code <class>-v<N>.zip}): its version, file, SHA-256,
 * how many documents it holds, when it was built and, once a later version replaced it because a
 * document in it was superseded, since when it is outdated.
 */
public record ExportPackageVersion(int version, String fileName, String sha256, long sizeBytes, int documents,
        Instant createdAt, boolean outdated, Instant outdatedAt) {
}
