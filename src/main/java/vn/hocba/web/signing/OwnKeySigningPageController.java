package vn.hocba.web.signing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.signing.registry.CertificateRegistry;

/**
 * "Ký số bằng USB token" ({@code /ki-so?buoc=HOMEROOM&lop=…}): the page finds the local signing agent,
 * pairs with it, lets the person pick their certificate and signs their step with progress
 * ({@code /js/ki-so.js}); the rights are checked again by the API when signing starts.
 */
@Controller
class OwnKeySigningPageController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final CertificateRegistry registry;

    private final int agentPort;
    private final vn.hocba.signing.device.RemoteSigningAccounts remote;

    OwnKeySigningPageController(AccessPolicy access, SchoolDirectory directory, CertificateRegistry registry,
            vn.hocba.signing.device.RemoteSigningAccounts remote,
            @org.springframework.beans.factory.annotation.Value("${hocba.own-keys.agent-port:17365}") int agentPort) {
        this.access = access;
        this.agentPort = agentPort;
        this.remote = remote;
        this.directory = directory;
        this.registry = registry;
    }

    @GetMapping("/ki-so")
    String page(@RequestParam("buoc") String step, @RequestParam("lop") long classId, Model model) {
        Viewer viewer = access.current();
        String title = switch (step) {
            case "SUBJECT_SHEET" -> "Ký bảng kết quả môn học";
            case "HOMEROOM" -> "Giáo viên chủ nhiệm ký học bạ, sổ theo dõi và phiếu liên lạc";
            case "PRINCIPAL" -> "Hiệu trưởng ký học bạ và sổ theo dõi";
            default -> throw Rejected.invalid("Bước ký «" + step + "» không có.");
        };
        model.addAttribute("viewer", viewer);
        model.addAttribute("title", title);
        model.addAttribute("step", step);
        model.addAttribute("agentUrl", "http://127.0.0.1:" + agentPort);
        model.addAttribute("classId", classId);
        model.addAttribute("classCode", directory.schoolClass(new ClassId(classId)).code());
        model.addAttribute("registered", registry.of(viewer.account().username()).stream()
                .map(c -> c.readableSubject() + " (hết hạn " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(c.notAfter()) + ")").toList());
        model.addAttribute("remoteAccount", remote.of(viewer.account().username())
                .map(a -> remote.providers().stream().filter(p -> p.name().equals(a.provider())).findFirst()
                        .map(p -> p.displayName()).orElse(a.provider()) + " — " + a.userId()).orElse(null));
        return "ki-so";
    }

    /** The running HocBa jar, which is also the signing agent ({@code java -jar hocba.jar agent}). */
    @GetMapping("/ki-so/hocba.jar")
    org.springframework.http.ResponseEntity<org.springframework.core.io.FileSystemResource> agentDownload() {
        access.current();
        java.nio.file.Path jar = AgentArtifact.runningJar()
                .orElseThrow(() -> Rejected.notFound("Máy chủ này không chạy từ tệp hocba.jar; hãy nhận tệp từ bộ phận CNTT."));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=hocba.jar")
                .body(new org.springframework.core.io.FileSystemResource(jar));
    }
}
