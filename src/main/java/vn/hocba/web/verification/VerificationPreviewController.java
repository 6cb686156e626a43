package vn.hocba.web.verification;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.signing.SignedVersions;
import vn.hocba.signing.VerificationPreviews;

/**
 * The picture of page 1 on the public verification page ({@code /xac-minh/{id}/trang-1.png?sha256=}),
 * only for whoever holds the document (the QR code's hash, as for the page's details): anyone else gets
 * 404, as for an unknown id, since the page shows a student's name and results.
 */
@Controller
class VerificationPreviewController {

    private final ClassDocuments documents;
    private final SignedVersions signed;
    private final VerificationPreviews previews;

    VerificationPreviewController(ClassDocuments documents, SignedVersions signed, VerificationPreviews previews) {
        this.documents = documents;
        this.signed = signed;
        this.previews = previews;
    }

    @GetMapping("/xac-minh/{id}/trang-1.png")
    ResponseEntity<byte[]> firstPage(@PathVariable String id, @RequestParam(required = false) String sha256) {
        Optional<IssuedDocument> found = documents.find(id);
        if (found.isEmpty() || sha256 == null || sha256.isBlank()
                || !(VerificationController.same(sha256, found.get().dataSha256())
                        || VerificationController.same(sha256, signed.sha256(found.get())))) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(previews.firstPage(found.get()));
    }
}
