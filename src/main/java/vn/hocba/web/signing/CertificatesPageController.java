package vn.hocba.web.signing;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.device.RemoteSigningAccounts;
import vn.hocba.signing.registry.CertificateChains;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;

/**
 * "Chứng thư số" ({@code /chung-thu-so}): the person's registered certificates (subject, issuer, serial,
 * validity, warnings), registration from a .cer file or from the local signing agent ({@code /js/chung-thu-so.js}),
 * removal, the remote signing account; for the principal also the school seal's organisation certificate
 * (its {@code MST:} is checked by {@link CertificateRegistry}). Every change goes through the registry
 * (name check, audit).
 */
@Controller
class CertificatesPageController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final long MAX_CER_BYTES = 64 * 1024;

    private final AccessPolicy access;
    private final CertificateRegistry registry;
    private final RemoteSigningAccounts remote;
    private final java.time.Clock clock;
    private final int agentPort;

    CertificatesPageController(AccessPolicy access, CertificateRegistry registry, RemoteSigningAccounts remote,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${hocba.own-keys.agent-port:17365}") int agentPort) {
        this.access = access;
        this.registry = registry;
        this.remote = remote;
        this.clock = clock;
        this.agentPort = agentPort;
    }

    /** One row of the table, with its warning (expired, expiring within 30 days), if any. */
    record Row(long id, String subject, String issuer, String serial, String validFrom, String validTo, String source,
            String warning) {
    }

    @GetMapping("/chung-thu-so")
    String page(Model model) {
        Viewer viewer = access.current();
        model.addAttribute("viewer", viewer);
        model.addAttribute("rows", rows(registry.of(viewer.account().username())));
        boolean principal = viewer.roles().contains(Role.PRINCIPAL);
        model.addAttribute("principal", principal);
        if (principal) {
            model.addAttribute("sealRows", rows(registry.of(RegisteredCertificate.SCHOOL_SEAL)));
        }
        model.addAttribute("providers", remote.providers());
        model.addAttribute("remoteAccount", remote.of(viewer.account().username()).orElse(null));
        model.addAttribute("agentUrl", "http://127.0.0.1:" + agentPort);
        return "chung-thu-so";
    }

    @PostMapping("/chung-thu-so/tep")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        Viewer viewer = access.current();
        return done(redirect, () -> "Đã đăng ký chứng thư số «" + registry.register(viewer.account().username(), read(file),
                RegisteredCertificate.Purpose.PERSON, RegisteredCertificate.Source.UPLOAD, actor(viewer)).readableSubject() + "».");
    }

    @PostMapping("/chung-thu-so/con-dau")
    String uploadSeal(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        Viewer viewer = access.requirePrincipal("đăng ký chứng thư số con dấu của trường");
        return done(redirect, () -> "Đã đăng ký chứng thư số con dấu «" + registry.register(RegisteredCertificate.SCHOOL_SEAL,
                read(file), RegisteredCertificate.Purpose.SCHOOL_SEAL, RegisteredCertificate.Source.UPLOAD,
                access.actor(viewer, Role.PRINCIPAL)).readableSubject() + "».");
    }

    @PostMapping("/chung-thu-so/{id}/go")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = access.current();
        return done(redirect, () -> {
            registry.remove(viewer.account().username(), id, actor(viewer));
            return "Đã gỡ chứng thư số; các lần ký sau bằng chứng thư này sẽ bị từ chối.";
        });
    }

    @PostMapping("/chung-thu-so/tu-xa")
    String remoteAccount(@RequestParam("provider") String provider, @RequestParam("userId") String userId,
            RedirectAttributes redirect) {
        Viewer viewer = access.current();
        return done(redirect, () -> "Đã lưu tài khoản ký từ xa; chứng thư số «"
                + remote.set(viewer.account().username(), provider, userId, actor(viewer)).readableSubject() + "» đã được đăng ký.");
    }

    private String done(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("saved", change.get());
        } catch (Rejected e) {
            if (e.reason() == Rejected.Reason.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/chung-thu-so";
    }

    private List<Row> rows(List<RegisteredCertificate> certificates) {
        Instant now = clock.instant();
        return certificates.stream().map(c -> new Row(c.id(), c.readableSubject(), c.readableIssuer(), c.serial(), DAY.format(c.notBefore()),
                DAY.format(c.notAfter()), switch (c.source()) {
                    case AGENT -> "USB token (phần mềm ký số)";
                    case REMOTE -> "Ký từ xa";
                    case UPLOAD -> "Tệp .cer";
                }, warning(c, now))).toList();
    }

    private static String warning(RegisteredCertificate c, Instant now) {
        if (!now.isBefore(c.notAfter())) {
            return "Đã hết hạn: không ký được bằng chứng thư này.";
        }
        if (now.isBefore(c.notBefore())) {
            return "Chưa đến ngày có hiệu lực.";
        }
        long days = ChronoUnit.DAYS.between(now, c.notAfter());
        return days <= 30 ? "Còn " + days + " ngày là hết hạn: hãy gia hạn và đăng ký chứng thư mới." : null;
    }

    private Actor actor(Viewer viewer) {
        return access.actor(viewer, viewer.roles().stream().findFirst().orElse(Role.SUBJECT_TEACHER));
    }

    private static List<java.security.cert.X509Certificate> read(MultipartFile file) {
        if (file.isEmpty()) {
            throw Rejected.invalid("Hãy chọn tệp chứng thư số (.cer).");
        }
        if (file.getSize() > MAX_CER_BYTES) {
            throw Rejected.invalid("Tệp chứng thư số quá lớn (" + file.getSize() + " byte; tối đa 64 KB).");
        }
        try {
            return CertificateChains.read(file.getBytes());
        } catch (IOException e) {
            throw Rejected.invalid("Không đọc được tệp chứng thư số: " + e.getMessage());
        }
    }
}
