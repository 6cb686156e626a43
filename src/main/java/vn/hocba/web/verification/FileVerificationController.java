package vn.hocba.web.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.common.Rejected;
import vn.hocba.signing.DocumentVerification;
import vn.hocba.signing.VerifiedDocument;
import vn.hocba.pades.verify.FindingWords;
import vn.hocba.pades.verify.SignatureFinding;

/**
 * The public page where whoever received a PDF (a university, an employer) uploads it and reads,
 * in Vietnamese, who signed it, when, whether it is unchanged and whether it is still current.
 */
@Controller
class FileVerificationController {

    static final String PATH = "/xac-minh/tep";

    private final DocumentVerification verification;
    private final VerificationTurns turns;

    FileVerificationController(DocumentVerification verification, VerificationTurns turns) {
        this.verification = verification;
        this.turns = turns;
    }

    /** One signature as the page shows it. */
    record SignatureRow(String signer, String role, String claimedTime, String timeStampedTime, String issuer,
            String integrity, boolean intact, String level, boolean passed, String status, String indication,
            List<String> problems) {

        static SignatureRow of(SignatureFinding f) {
            String indication = f.indication() + (f.subIndication() == null ? "" : " / " + f.subIndication());
            return new SignatureRow(f.signer(), f.role(), FindingWords.time(f.claimedTime()),
                    FindingWords.signatureTimeStamp(f), f.issuer(), FindingWords.integrity(f),
                    f.intact() && !f.changedAfterSigning(), f.level(), f.passed(), FindingWords.status(f), indication,
                    f.problems());
        }
    }

    @GetMapping(PATH)
    String form() {
        return "verification-file";
    }

    @PostMapping(PATH)
    String verify(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, "Chưa chọn tệp. Hãy chọn tệp PDF cần kiểm tra rồi bấm «Kiểm tra».");
        }
        try {
            VerifiedDocument verified = turns.take(() -> verification.verify(UploadedPdf.read(file), UploadedPdf.name(file)));
            model.addAttribute("verified", verified);
            model.addAttribute("report", verified.report());
            model.addAttribute("signatures", verified.report().signatures().stream().map(SignatureRow::of).toList());
            model.addAttribute("archiveTimeStamps", verified.report().documentTimeStamps().stream()
                    .map(FindingWords::timeStamp).toList());
            model.addAttribute("missingSignatures", verified.report().unsignedFields().stream()
                    .map(FindingWords::missingSignature).toList());
            model.addAttribute("appended", !verified.report().signatures().isEmpty()
                    && !verified.report().coversWholeFile() ? FindingWords.appendedAfterLastSignature() : null);
            return "verification-file";
        } catch (Rejected e) {
            return refused(model, response, e.getMessage());
        } catch (VerificationTurns.Busy e) {
            response.setHeader("Retry-After", "60");
            String page = refused(model, response, e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return page;
        }
    }

    private static String refused(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", message);
        return "verification-file";
    }
}
