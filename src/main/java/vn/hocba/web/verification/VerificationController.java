package vn.hocba.web.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.signing.SignedVersions;

/**
 * The public page a printed document's QR code opens: is this version genuine, is it still
 * current, and does the content hash on the paper match. Document ids are predictable, so the
 * details (student, class, kind, hashes) are shown only to whoever holds the document: the QR code
 * carries the data hash ({@code ?sha256=}), which is also printed on every page; the SHA-256 of the
 * signed file is accepted too. Without it the page says only that the id exists and whether it is
 * current, nothing that names a person.
 */
@Controller
class VerificationController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ClassDocuments documents;
    private final SignedVersions signed;

    VerificationController(ClassDocuments documents, SignedVersions signed) {
        this.documents = documents;
        this.signed = signed;
    }

    @GetMapping("/xac-minh/{id}")
    String verify(@PathVariable String id, @RequestParam(required = false) String sha256, Model model,
            HttpServletResponse response) {
        Optional<IssuedDocument> found = documents.find(id);
        model.addAttribute("id", id);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "verification";
        }
        IssuedDocument d = found.get();
        model.addAttribute("document", d);
        boolean given = sha256 != null && !sha256.isBlank();
        String fileSha256 = signed.sha256(d);
        boolean holder = given && (same(sha256, d.dataSha256()) || same(sha256, fileSha256));
        model.addAttribute("holder", holder);
        if (holder) {
            model.addAttribute("fileSha256", fileSha256);
            model.addAttribute("createdAt", TIME.format(d.createdAt()));
            model.addAttribute("hashMatches", true);
        } else if (given) {
            model.addAttribute("hashMatches", false);
        }
        return "verification";
    }

    /** Compared in constant time: the hash is the page's only secret. */
    static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                expected.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
