package vn.hocba.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page a browser gets (Spring Boot's error controller asks here for every HTML request):
 * {@code web/error-page.html} in the layout, with a Vietnamese title and text for the status, the
 * page controller's own message when it gave one ({@link PageExceptionResolver#MESSAGE}), and never
 * the exception's text. API clients keep their JSON problem documents.
 */
@Component
class PageErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        page.put("title", title(status));
        Object message = request.getAttribute(PageExceptionResolver.MESSAGE);
        page.put("message", message != null ? message : text(status));
        page.put("reference", request.getAttribute(PageExceptionResolver.REFERENCE));
        page.put("path", model.get("path"));
        return new ModelAndView("error-page", page, status);
    }

    static String title(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401, 403 -> "Không có quyền truy cập";
            case 404 -> "Không tìm thấy trang";
            case 405 -> "Thao tác không được hỗ trợ";
            case 409 -> "Dữ liệu đã thay đổi";
            case 413 -> "Tệp quá lớn";
            case 423 -> "Dữ liệu đã khoá";
            case 503 -> "Máy chủ tạm thời chưa phục vụ được";
            default -> status.is5xxServerError() ? "Máy chủ gặp lỗi" : "Không thực hiện được yêu cầu";
        };
    }

    static String text(HttpStatus status) {
        return switch (status.value()) {
            case 401, 403 -> "Tài khoản của bạn không có quyền mở trang này. Nếu bạn cần quyền này, "
                    + "hãy liên hệ Ban quản trị của trường.";
            case 404 -> "Địa chỉ này không có trong HocBa, hoặc nội dung đã bị xoá. Hãy kiểm tra lại địa chỉ, "
                    + "hoặc chọn trang cần mở trong menu.";
            case 405 -> "Trang này không nhận thao tác vừa gửi. Hãy quay lại trang trước và thử lại.";
            case 413 -> "Tệp tải lên vượt quá giới hạn của máy chủ. Hãy xoá trang tính, hình ảnh không cần thiết rồi thử lại.";
            default -> status.is5xxServerError()
                    ? "Máy chủ gặp lỗi không lường trước khi mở trang này; lỗi đã được ghi vào nhật ký máy chủ. "
                            + "Hãy thử lại; nếu lỗi lặp lại, hãy báo quản trị viên kèm mã tra cứu (nếu có)."
                    : "Yêu cầu không thực hiện được. Hãy quay lại trang trước và thử lại.";
        };
    }
}
