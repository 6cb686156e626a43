package vn.hocba.pades;

import java.time.Instant;
import java.util.Objects;

/**
 * What to sign and how it looks.
 *
 * @param role        the signer's role (stamp title, /Reason)
 * @param fieldName   the signature box to fill; when the document has no such box, a new one is
 *                    created at {@code placement}, or an invisible one when that is null
 * @param placement   where a new box goes when the document has none; null for invisible
 * @param claimedTime the claimed signing time, written to /M (there is no signing-time attribute)
 * @param location    the place, e.g. the school's town ("Hà Nội")
 * @param visible     false makes the signature invisible (an existing box is used but left blank)
 */
public record SignatureRequest(SignerRole role, String fieldName, Placement placement, Instant claimedTime,
                               String location, boolean visible) {

    public SignatureRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(claimedTime, "claimedTime");
    }

    /** A visible signature in the role's conventional box. */
    public static SignatureRequest inBox(SignerRole role, Instant claimedTime) {
        return new SignatureRequest(role, role.fieldName(), null, claimedTime, null, true);
    }

    /** The same request with another box name (e.g. {@code gvbm_TOAN}). */
    public SignatureRequest withField(String name) {
        return new SignatureRequest(role, name, placement, claimedTime, location, visible);
    }

    /** The same request, placing a new box at {@code where} if the document has no such box. */
    public SignatureRequest at(Placement where) {
        return new SignatureRequest(role, fieldName, where, claimedTime, location, visible);
    }

    /** The same request without a visible stamp. */
    public SignatureRequest invisible() {
        return new SignatureRequest(role, fieldName, placement, claimedTime, location, false);
    }

    /** A rectangle on a page (0-based page index, PDF points from the lower-left corner). */
    public record Placement(int page, float x, float y, float width, float height) {
    }
}
