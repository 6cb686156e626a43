package vn.hocba.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.stream.Collectors;

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
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonBodyLimit.TooLarge) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, JsonBodyLimit.message());
            }
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e.getCause()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String accepted = type != null && type.isEnum()
                ? " Chọn một trong: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ")) + "."
                : "";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Giá trị \"" + e.getValue() + "\" của tham số " + e.getName() + " không hợp lệ." + accepted);
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
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR
                && request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            // The upload was refused before it was read (e.g. 403 from the security filters); its error
            // page re-reads the body and fails: the refusal is what the caller must hear, not "missing file".
            return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), status == 403
                    ? "Bạn không có quyền thực hiện thao tác này." : status == 401 ? "Cần đăng nhập."
                    : HttpStatus.valueOf(status).getReasonPhrase());
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Thiếu tệp tải lên: gửi tệp "
                + (UploadedPdf.isPdfUpload(request) ? ".pdf" : ".xlsx")
                + " trong trường \"file\" của biểu mẫu multipart/form-data.");
    }

    /**
     * A race the service checks could not see (two admins creating the same code at once), or a value
     * the database refuses that a service should have checked: too long, a character PostgreSQL cannot
     * store (NUL). Only a unique or foreign-key violation is a conflict; the rest is bad input (400).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Constraint violation not caught by a service check", e);
        String state = sqlState(e);
        if ("22001".equals(state)) {
            Matcher limit = Pattern.compile("(?i)varying\\((\\d+)\\)").matcher(String.valueOf(e.getMessage()));
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Một trường dài quá giới hạn"
                    + (limit.find() ? " " + limit.group(1) + " ký tự" : "") + " nên không được lưu; không có gì bị thay đổi. "
                    + "Hãy rút ngắn nội dung rồi gửi lại.");
        }
        if (state != null && (state.startsWith("22") || state.equals("23502") || state.equals("23514"))) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Dữ liệu gửi lên có giá trị không hợp lệ (thiếu, sai "
                    + "dạng hoặc có ký tự không lưu được) nên không được lưu; không có gì bị thay đổi.");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dữ liệu trùng hoặc tham chiếu không tồn tại (có thể do người khác vừa thay đổi cùng lúc). "
                        + "Hãy tải lại và thử lại; không có gì bị thay đổi.");
    }

    /**
     * The database unreachable (stopped, restarting, connection cut): not a bug, and not the user's fault. 503 with
     * Retry-After, saying that the request did not finish and that what was saved before stays (each signature,
     * mark save or document is its own transaction), so the person sends it again later (issue 18, faults).
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e,
            jakarta.servlet.http.HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        vn.hocba.web.layout.DatabaseUnavailableFilter.message()));
    }

    /**
     * A signing step failed for a technical reason (the TSA unreachable, a token error): the exception's
     * message is Vietnamese and meant for the signer (what failed, which documents, what to do), so it is
     * shown, with 503 and Retry-After, since the batch can be sent again and resumes where it stopped; a
     * certificate the check refused (revoked, expired, untrusted) is 409. Was a 500 "unexpected error" without
     * the reason (issue 18, faults: the TSA unreachable in the middle of the principal's batch).
     */
    @ExceptionHandler(vn.hocba.pades.SigningException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> signingFailed(vn.hocba.pades.SigningException e,
            jakarta.servlet.http.HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        log.warn("Signing failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        if (e instanceof vn.hocba.pades.CredentialRefusedException) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    /**
     * Anything else an API call throws is a bug, not bad input: logged with a reference the user can
     * quote, answered without the exception's text (which names Java types and internals). Spring's
     * and Spring Security's own exceptions keep their handling, and pages keep their error page.
     */
    @ExceptionHandler(RuntimeException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> unexpected(RuntimeException e,
            jakarta.servlet.http.HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (vn.hocba.web.layout.DatabaseUnavailableFilter.isDatabaseUnavailable(e)) {
            // e.g. the rollback's exception after PostgreSQL stopped in the middle of a signing batch
            return databaseUnavailable(e, request);
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return org.springframework.http.ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Máy chủ gặp lỗi không lường trước khi xử lý yêu cầu (mã tra cứu " + reference
                        + ", đã ghi vào nhật ký máy chủ). Hãy thử lại; nếu lỗi lặp lại, hãy báo quản trị viên mã này."));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
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

    /**
     * What was wrong with a request body, in Vietnamese, naming the field and where it is: never
     * Jackson's own text, which names Java types ("`java.time.LocalDate`") and the server's classes.
     */
    private static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Trường \"" + u.getPropertyName() + "\" không có trong mẫu dữ liệu; các trường được nhận: "
                    + u.getKnownPropertyIds() + ".";
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "Dữ liệu JSON quá lớn hoặc lồng nhau quá sâu" + at(((JsonProcessingException) cause).getLocation())
                    + "; hãy gửi đúng dữ liệu của yêu cầu.";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Giá trị \"" + f.getValue() + "\" ở trường " + path(f) + " không đúng kiểu: cần " + expected(f.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException m) {
            return "Giá trị ở trường " + path(m) + " không đúng kiểu" + at(m.getLocation()) + ": cần " + expected(m.getTargetType()) + ".";
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "Giá trị ở trường " + path(m) + " không đọc được" + at(m.getLocation()) + ".";
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.InputCoercionException c) {
            return "Số" + at(c.getLocation()) + " nằm ngoài khoảng cho phép của trường.";
        }
        if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
            return "Dữ liệu JSON không đọc được" + at(j.getLocation()) + ": " + syntax(j) + ".";
        }
        return "Thiếu nội dung yêu cầu hoặc nội dung không phải JSON hợp lệ.";
    }

    private static String at(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " ở dòng " + location.getLineNr() + ", cột " + location.getColumnNr();
    }

    /** The parser's own words for a syntax error (no Java types in them), cut to the first sentence. */
    private static String syntax(JsonProcessingException j) {
        String message = String.valueOf(j.getOriginalMessage());
        for (String tail : new String[] {": was expecting", " (start marker at", " (for "}) {
            int cut = message.indexOf(tail);
            message = cut < 0 ? message : message.substring(0, cut);
        }
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        return message.contains("`") || message.contains("java.") ? "sai cú pháp JSON" : message;
    }

    /** What a field of type {@code type} must hold, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "giá trị đúng kiểu";
        }
        if (type.isEnum()) {
            return "một trong " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "ngày dạng năm-tháng-ngày, ví dụ 2025-10-15";
        }
        if (type == java.time.YearMonth.class) {
            return "tháng dạng năm-tháng, ví dụ 2025-10";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.LocalDateTime.class) {
            return "thời điểm dạng 2025-10-15T07:30:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class) {
            return "một số nguyên";
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class || type == float.class
                || type == Float.class) {
            return "một số";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true hoặc false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "một chuỗi";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "một mảng JSON [ … ]";
        }
        return "một đối tượng JSON { … }";
    }

    private static String path(JsonMappingException f) {
        return f.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("(gốc)");
    }
}
