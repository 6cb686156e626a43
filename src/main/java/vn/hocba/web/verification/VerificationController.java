package vn.hocba.web.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;

/**
 * The public page a printed document's QR code opens: is this version genuine, is it still
 * current, and does the content hash on the paper match. Shows no personal data beyond the
 * student's name and class.
 */
@Controller
class VerificationController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ClassDocuments documents;

    VerificationController(ClassDocuments documents) {
        this.documents = documents;
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
        model.addAttribute("createdAt", TIME.format(d.createdAt()));
        if (sha256 != null && !sha256.isBlank()) {
            model.addAttribute("hashMatches", sha256.trim().equalsIgnoreCase(d.dataSha256()));
        }
        return "verification";
    }
}
