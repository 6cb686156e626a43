package vn.hocba.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccountId;
import vn.hocba.security.ApiTokens;
import vn.hocba.security.HocBaUser;
import vn.hocba.security.PasswordCheckTurns;
import vn.hocba.security.TemporaryPasswords;

/**
 * Non-browser login: username and password in, a bearer token out (valid 8 hours). Failed
 * attempts count towards the same lockout as the login page (per account and client address).
 * {@code DELETE} revokes the token sent with it.
 */
@RestController
@Tag(name = "Đăng nhập API", description = "Lấy mã truy cập (Bearer) cho ứng dụng không phải trình duyệt")
class AuthApiController {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final TemporaryPasswords temporary;

    AuthApiController(AuthenticationManager authentication, ApiTokens tokens, TemporaryPasswords temporary) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.temporary = temporary;
    }

    record Credentials(String username, String password) {
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Đổi tên đăng nhập và mật khẩu lấy mã Bearer; gửi kèm mọi yêu cầu: Authorization: Bearer <mã>")
    ApiTokens.IssuedToken token(@RequestBody Credentials credentials, HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken
                    .unauthenticated(credentials.username(), credentials.password());
            login.setDetails(new WebAuthenticationDetails(request));
            Authentication result = authentication.authenticate(login);
            AccountId account = ((HocBaUser) result.getPrincipal()).account().id();
            // A password someone else chose (a new account, a reset) opens nothing but its own change: whoever set it
            // must not be able to use the account through the API until its owner has chosen their own.
            if (temporary.mustChange(account)) {
                throw new Rejected(Rejected.Reason.FORBIDDEN, "Mật khẩu của tài khoản " + credentials.username()
                        + " là mật khẩu tạm do Ban quản trị cấp: hãy đăng nhập trên trang web và đổi mật khẩu trước khi "
                        + "dùng API.");
            }
            return tokens.issue(account);
        } catch (LockedException e) {
            throw new Rejected(Rejected.Reason.FORBIDDEN,
                    "Tài khoản tạm khoá 15 phút do đăng nhập sai nhiều lần. Hãy thử lại sau hoặc liên hệ Ban quản trị.");
        } catch (BadCredentialsException e) {
            throw new Rejected(Rejected.Reason.UNAUTHENTICATED, "Sai tên đăng nhập hoặc mật khẩu.");
        } catch (PasswordCheckTurns.Busy e) {
            throw e;
        } catch (AuthenticationException e) {
            throw new Rejected(Rejected.Reason.FORBIDDEN, "Không đăng nhập được: tài khoản bị vô hiệu hoá.");
        }
    }

    /** Too many logins at once: try again in a moment (503), the password was not compared. */
    @ExceptionHandler(PasswordCheckTurns.Busy.class)
    ResponseEntity<ProblemDetail> busy(PasswordCheckTurns.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @DeleteMapping("/api/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Thu hồi mã Bearer gửi kèm yêu cầu (đăng xuất của ứng dụng); mã đó không dùng được nữa")
    void revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw Rejected.invalid("Gửi mã cần thu hồi trong tiêu đề Authorization: Bearer <mã>.");
        }
        tokens.revoke(header.substring("Bearer ".length()).trim());
    }
}
