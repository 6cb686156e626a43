package vn.hocba.web.homeroom;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.hocba.common.Rejected;

/**
 * A controller of a class's homeroom pages. A refusal there (no right to the class, unknown class or
 * term) is a page in Vietnamese with the service's message and the HTTP status the API gives, never a
 * JSON body: handlers of the controller itself come before the API's advice.
 */
public interface ClassPageController {

    @ExceptionHandler(Rejected.class)
    default String rejected(Rejected e, HttpServletResponse response, Model model) {
        int status = switch (e.reason()) {
            case UNAUTHENTICATED -> 401;
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case LOCKED -> 423;
        };
        return errorPage(response, model, status, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    default String badAddress(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return errorPage(response, model, 404, "Địa chỉ không đúng: \"" + e.getValue() + "\" không phải là "
                + (e.getName().equals("month") ? "một tháng (năm-tháng, ví dụ 2025-10)." : "một số."));
    }

    private static String errorPage(HttpServletResponse response, Model model, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        model.addAttribute("heading", status == 403 ? "Bạn không có quyền xem trang này" : status == 404 ? "Không tìm thấy"
                : "Không thực hiện được");
        return "homeroom/error";
    }
}
