package vn.hocba.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.security.ApiTokens;
import vn.hocba.security.HocBaUser;

/**
 * Non-browser login: username and password in, a bearer token out (valid 8 hours). Failed
 * attempts count towards the same lockout as the login page.
 */
@RestController
@Tag(name = "Đăng nhập API", description = "Lấy mã truy cập (Bearer) cho ứng dụng không phải trình duyệt")
class AuthApiController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(String username, String password) {
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Đổi tên đăng nhập và mật khẩu lấy mã Bearer; gửi kèm mọi yêu cầu: Authorization: Bearer <mã>")
    ApiTokens.IssuedToken token(@RequestBody Credentials credentials) {
        try {
            Authentication result = authentication.authenticate(UsernamePasswordAuthenticationToken
                    .unauthenticated(credentials.username(), credentials.password()));
            return tokens.issue(((HocBaUser) result.getPrincipal()).account().id());
        } catch (LockedException e) {
            throw new Rejected(Rejected.Reason.FORBIDDEN,
                    "Tài khoản tạm khoá 15 phút do đăng nhập sai nhiều lần. Hãy thử lại sau hoặc liên hệ Ban quản trị.");
        } catch (BadCredentialsException e) {
            throw new Rejected(Rejected.Reason.UNAUTHENTICATED, "Sai tên đăng nhập hoặc mật khẩu.");
        } catch (AuthenticationException e) {
            throw new Rejected(Rejected.Reason.FORBIDDEN, "Không đăng nhập được: tài khoản bị vô hiệu hoá.");
        }
    }
}
