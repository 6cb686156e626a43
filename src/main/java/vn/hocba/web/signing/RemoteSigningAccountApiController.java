package vn.hocba.web.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.device.RemoteSigningAccounts;

/** Each person's remote signing account (service and user id; no secret), issue 16 item 3. */
@RestController
@Tag(name = "Chứng thư số", description = "Đăng ký chứng thư số ký của mỗi người và của con dấu nhà trường")
class RemoteSigningAccountApiController {

    private final AccessPolicy access;
    private final RemoteSigningAccounts accounts;

    RemoteSigningAccountApiController(AccessPolicy access, RemoteSigningAccounts accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    record Provider(String name, String displayName) {
    }

    record Shown(List<Provider> providers, String provider, String userId) {
    }

    record Setting(String provider, String userId) {
    }

    @GetMapping("/api/me/remote-signing-account")
    @Operation(summary = "Dịch vụ ký từ xa máy chủ hỗ trợ và tài khoản ký từ xa của tôi")
    Shown mine() {
        var account = accounts.of(access.current().account().username());
        return new Shown(accounts.providers().stream().map(p -> new Provider(p.name(), p.displayName())).toList(),
                account.map(RemoteSigningAccounts.Account::provider).orElse(null),
                account.map(RemoteSigningAccounts.Account::userId).orElse(null));
    }

    @PutMapping("/api/me/remote-signing-account")
    @Operation(summary = "Khai báo tài khoản ký từ xa của tôi; chứng thư số của dịch vụ được đăng ký cho tôi")
    CertificatesApiController.Shown set(@RequestBody Setting body) {
        Viewer viewer = access.current();
        Role role = viewer.roles().stream().findFirst().orElse(Role.SUBJECT_TEACHER);
        return CertificatesApiController.Shown.of(accounts.set(viewer.account().username(), body.provider(), body.userId(),
                access.actor(viewer, role)));
    }
}
