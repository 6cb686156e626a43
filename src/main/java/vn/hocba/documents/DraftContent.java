package vn.hocba.documents;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hocba.common.Sha256;

/**
 * What decides whether a draft needs a new version: the fingerprint of its data XML, and of its own content
 * (issue 13 item 10): the data without identity and date, and without which version of a signed subject sheet it
 * cites. A transcript whose student's data did not change keeps citing the sheet version it was signed against
 * (still valid evidence) instead of being re-issued because a correction in another student's row made a new sheet
 * version. Whether a subject cites a signed sheet at all still counts: a document first issued before the sheets
 * were signed is re-issued once to cite them.
 */
record DraftContent(String fingerprint, String own) {

    private static final Pattern SIGNED_SHEET = Pattern.compile(
            "<(?:[\\w.-]+:)?signedSheet\\b[^>]*?(?:/>|>.*?</(?:[\\w.-]+:)?signedSheet>)", Pattern.DOTALL);

    /** {@code data}: the draft's data XML built with the first identity at the epoch and no date line. */
    static DraftContent of(byte[] data) {
        return new DraftContent(Sha256.hex(data), ownContent(data));
    }

    /** The fingerprint of {@code data} with every cited signed sheet reduced to the fact that one is cited. */
    static String ownContent(byte[] data) {
        String xml = new String(data, StandardCharsets.UTF_8);
        return Sha256.hex(SIGNED_SHEET.matcher(xml).replaceAll("<signedSheet/>").getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code latest} exists and has this content (its own content where it was recorded, else all of it). */
    boolean sameAs(Optional<IssuedDocuments.Latest> latest) {
        return latest.isPresent() && (latest.get().ownContentSha256() != null
                ? latest.get().ownContentSha256().trim().equals(own)
                : latest.get().contentSha256().trim().equals(fingerprint));
    }
}
