package vn.hocba.web.verification;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.common.Rejected;
import vn.hocba.signing.DocumentVerification;

/** A PDF sent for verification, by the page or the API: read within the size limit, named for messages. */
public final class UploadedPdf {

    private UploadedPdf() {
    }

    /** The request is one of the verification uploads (their size messages speak of PDFs, not spreadsheets). */
    public static boolean isPdfUpload(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.endsWith(SignatureVerificationApiController.PATH) || uri.endsWith(FileVerificationController.PATH);
    }

    static byte[] read(InputStream in) throws IOException {
        byte[] pdf = in.readNBytes(DocumentVerification.MAX_BYTES + 1);
        if (pdf.length > DocumentVerification.MAX_BYTES) {
            throw new MaxUploadSizeExceededException(DocumentVerification.MAX_BYTES);
        }
        if (pdf.length == 0) {
            throw Rejected.invalid("Tệp gửi lên trống. Hãy chọn tệp PDF học bạ hoặc văn bản cần kiểm tra.");
        }
        return pdf;
    }

    static byte[] read(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return read(in);
        }
    }

    /** The file's own name without any directory part, for the report and the messages. */
    static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "tep-tai-len.pdf";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
