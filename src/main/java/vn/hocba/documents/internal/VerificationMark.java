package vn.hocba.documents.internal;

import java.util.Optional;
import vn.hocba.documents.DocumentIdentity;

/**
 * What every page shows so that a printed copy can be checked: the version label, the content
 * hash, the verification address and a QR code of that address.
 *
 * @param qrImageUri  the QR code's image for the template's {@code <img src>}: {@link QrCodeImage#URI_PREFIX}
 *                    followed by the encoded text (the address with the data hash); the layout draws it from the
 *                    code's modules, no PNG is written and read back
 */
public record VerificationMark(String versionLabel, String dataSha256, String url, String qrImageUri,
        Optional<String> supersedes) {

    static VerificationMark of(DocumentIdentity identity, String dataSha256, String baseUrl) {
        String url = baseUrl + identity.versionLabel();
        String qrContent = url + "?sha256=" + dataSha256;
        return new VerificationMark(identity.versionLabel(), dataSha256, url, QrCodeImage.URI_PREFIX + qrContent,
                identity.supersedes());
    }

    /** The first 16 hex digits of the hash, enough to compare a printout by eye. */
    public String shortHash() {
        return dataSha256.substring(0, 16);
    }
}
