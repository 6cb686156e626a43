package vn.hocba.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.hocba.common.Rejected;
import vn.hocba.web.verification.UploadedPdf;
/**
 * Turns every refusal into a problem document with a specific Vietnamese message, so bad input
 * never becomes a 500. Transactions have already been rolled back when these run.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Rejected.class)
    ProblemDetail rejected(Rejected e) {
        return ProblemDetail.forStatusAndDetail(status(e.reason()), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e.getCause()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Giá trị \"" + e.getValue() + "\" của tham số " + e.getName() + " không hợp lệ.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Thiếu tham số " + e.getParameterName() + ".");
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e,
            jakarta.servlet.http.HttpServletRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? " " + e.getMaxUploadSize() / 1024 / 1024 + " MB" : "";
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, UploadedPdf.isPdfUpload(request)
                ? "Tệp PDF quá lớn (giới hạn của máy chủ" + limit + "). Một học bạ đã ký chỉ khoảng vài trăm KB: "
                        + "hãy gửi đúng tệp nhận từ nhà trường."
                : "Tệp tải lên quá lớn (giới hạn của máy chủ" + limit + "). Một bảng điểm lớp chỉ khoảng vài chục KB: "
                        + "hãy xoá trang tính, hình ảnh không cần thiết.");
    }

    @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.multipart.MultipartException.class})
    ProblemDetail missingFile(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Thiếu tệp tải lên: gửi tệp "
                + (UploadedPdf.isPdfUpload(request) ? ".pdf" : ".xlsx")
                + " trong trường \"file\" của biểu mẫu multipart/form-data.");
    }

    /** A race the service checks could not see (two admins creating the same code at once). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Constraint violation not caught by a service check", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dữ liệu trùng hoặc tham chiếu không tồn tại (có thể do người khác vừa thay đổi cùng lúc). "
                        + "Hãy tải lại và thử lại; không có gì bị thay đổi.");
    }

    static HttpStatus status(Rejected.Reason reason) {
        return switch (reason) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case LOCKED -> HttpStatus.LOCKED;
        };
    }

    private static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Trường \"" + u.getPropertyName() + "\" không có trong mẫu dữ liệu; các trường được nhận: "
                    + u.getKnownPropertyIds() + ".";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Giá trị \"" + f.getValue() + "\" ở trường " + path(f) + " không đúng kiểu"
                    + (f.getTargetType().isEnum() ? " (chọn một trong " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "") + ".";
        }
        if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
            return "Dữ liệu JSON không đọc được ở dòng " + j.getLocation().getLineNr() + ", cột "
                    + j.getLocation().getColumnNr() + ": " + j.getOriginalMessage();
        }
        return "Thiếu nội dung yêu cầu hoặc nội dung không phải JSON hợp lệ.";
    }

    private static String path(InvalidFormatException f) {
        return f.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("?");
    }
}
