package vn.hocba.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.verify.VerificationReport;

/**
 * Verifies an uploaded PDF for anyone who holds one (a university, an employer): its signatures
 * with EU DSS against the installation's trust anchors, and — for a HocBa document, recognised by
 * its embedded data XML — whether it is an intact copy of what the school issued ({@link IntactCopy})
 * and whether a newer version has superseded it.
 */
@Service
public class DocumentVerification {

    /** Largest PDF accepted: a signed class gradebook is a few MB; DSS holds the whole file in memory. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(DocumentVerification.class);

    private final ObjectProvider<SigningServices> signing;
    private final ClassDocuments documents;
    private final SignedVersions signed;
    // Validation is CPU-heavy and the service is public: at most two at once, the rest wait a little.
    private final Semaphore running = new Semaphore(2);

    DocumentVerification(ObjectProvider<SigningServices> signing, ClassDocuments documents, SignedVersions signed) {
        this.signing = signing;
        this.documents = documents;
        this.signed = signed;
    }

    public VerifiedDocument verify(byte[] pdf, String fileName) {
        if (pdf.length > MAX_BYTES) {
            throw new Rejected(Rejected.Reason.INVALID, "Tệp «" + fileName + "» quá lớn (" + pdf.length / 1024 / 1024
                    + " MB); chỉ nhận tệp PDF đến " + MAX_BYTES / 1024 / 1024 + " MB.");
        }
        Optional<IssuedDocument> claimed = issuedAs(pdf, fileName);
        VerificationReport report = validate(pdf, fileName);
        List<String> notIntact = claimed.map(d -> IntactCopy.whyNot(report,
                        signed.isSignedFileOf(d, Sha256.hex(pdf))))
                .orElse(List.of("Tệp không có dữ liệu học bạ đính kèm khớp với văn bản nào nhà trường đã phát hành."));
        Optional<IssuedDocument> issued = claimed.filter(d -> notIntact.isEmpty());
        Optional<String> newer = issued.filter(IssuedDocument::superseded).map(this::currentVersionOf);
        return new VerifiedDocument(newer.map(report::supersededBy).orElse(report), issued.map(IssuedDocument::id),
                claimed.map(IssuedDocument::id), notIntact);
    }

    private VerificationReport validate(byte[] pdf, String fileName) {
        acquire();
        try {
            return signing.getObject().verifier().verify(pdf, fileName);
        } catch (RuntimeException e) {
            log.warn("EU DSS could not validate {}", fileName, e);
            throw Rejected.invalid("Không kiểm tra được chữ ký trong tệp «" + fileName
                    + "»: cấu trúc PDF hoặc chữ ký bị hỏng. Hãy tải lại tệp gốc từ nơi phát hành.");
        } finally {
            running.release();
        }
    }

    private void acquire() {
        try {
            if (running.tryAcquire(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw Rejected.conflict("Máy chủ đang bận kiểm tra các văn bản khác. Hãy gửi lại sau ít phút.");
    }

    private Optional<IssuedDocument> issuedAs(byte[] pdf, String fileName) {
        if (!new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw Rejected.invalid("Tệp «" + fileName + "» không phải là tệp PDF. Hãy chọn tệp học bạ hoặc văn bản "
                    + "dạng PDF đã nhận từ nhà trường.");
        }
        // Streams PDFBox creates while reading go to at most 8 MB of memory and 64 MB of temporary file
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMixed(8L * 1024 * 1024, 64L * 1024 * 1024).streamCache)) {
            new DecodedSizeBudget(DecodedSizeBudget.MAX_DECODED_BYTES).check(document);
            return documents.issuedAs(document);
        } catch (DecodedSizeBudget.Exceeded e) {
            throw unpacksTooLarge(fileName);
        } catch (IOException e) {
            if (DecodedSizeBudget.isScratchLimit(e)) {
                throw unpacksTooLarge(fileName);
            }
            throw Rejected.invalid("Tệp «" + fileName + "» là PDF bị hỏng, không đọc được (" + e.getMessage()
                    + "). Hãy tải lại tệp gốc từ nơi phát hành.");
        }
    }

    private static Rejected unpacksTooLarge(String fileName) {
        return Rejected.invalid("Tệp «" + fileName + "» chứa dữ liệu nén giải ra quá lớn (hơn "
                + DecodedSizeBudget.MAX_DECODED_BYTES / 1024 / 1024 + " MB); đây không phải văn bản nhà trường phát hành. "
                + "Hãy tải lại tệp gốc từ nơi phát hành.");
    }

    /** The current version, not just the next one: after two corrections v1 points straight at v3. */
    private String currentVersionOf(IssuedDocument superseded) {
        return documents.currentVersion(superseded.documentId()).map(IssuedDocument::id)
                .orElse(superseded.supersededBy().orElseThrow());
    }
}
