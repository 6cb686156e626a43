package vn.hocba.web.verification;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.signing.DocumentVerification;
import vn.hocba.signing.VerifiedDocument;
import vn.hocba.pades.verify.SignatureFinding;
import vn.hocba.pades.verify.TimeStampFinding;
import vn.hocba.pades.verify.VerificationReport;

/**
 * Verification for machines: POST a PDF, get every signature's findings as JSON. Public like the
 * {@code /xac-minh} pages (whoever received a transcript has no account) and stateless: it reads
 * no session and changes nothing, so it needs no CSRF token.
 */
@RestController
class SignatureVerificationApiController {

    static final String PATH = "/api/signatures/verification";

    private final DocumentVerification verification;
    private final VerificationTurns turns;

    SignatureVerificationApiController(DocumentVerification verification, VerificationTurns turns) {
        this.verification = verification;
        this.turns = turns;
    }

    /**
     * The report as JSON; {@code verdict} is VALID, INVALID, INDETERMINATE or NOT_SIGNED; {@code issuedByHocBa}
     * only for an intact copy of an issued version, else {@code notIntact} says why not.
     */
    record Report(String document, String verdict, String verdictText, boolean issuedByHocBa, String issuedAs,
            String claimedAs, List<String> notIntact, String supersededBy, boolean coversWholeFile,
            List<String> unsignedFields, List<SignatureFinding> signatures, List<TimeStampFinding> documentTimeStamps) {

        static Report of(VerifiedDocument verified) {
            VerificationReport r = verified.report();
            return new Report(r.document(), r.verdict().name(), r.verdict().sentence(), verified.issuedByHocBa(),
                    verified.issuedAs().orElse(null), verified.claimedAs().orElse(null), verified.notIntact(),
                    r.supersededBy(), r.coversWholeFile(), r.unsignedFields(), r.signatures(), r.documentTimeStamps());
        }
    }

    @Operation(summary = "Kiểm tra chữ ký số của một tệp PDF (thân yêu cầu application/pdf)")
    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Report verifyBody(HttpServletRequest request) throws IOException {
        return turns.take(() -> Report.of(verification.verify(UploadedPdf.read(request.getInputStream()), "tep-tai-len.pdf")));
    }

    @Operation(summary = "Kiểm tra chữ ký số của một tệp PDF (multipart, trường file)")
    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Report verifyUpload(@RequestParam("file") MultipartFile file) throws IOException {
        return turns.take(() -> Report.of(verification.verify(UploadedPdf.read(file), UploadedPdf.name(file))));
    }

    @ExceptionHandler(VerificationTurns.Busy.class)
    ResponseEntity<ProblemDetail> busy(VerificationTurns.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }
}
