package vn.hocba.web.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.registry.CertificateChains;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;
import vn.hocba.signing.registry.RegisteredCertificate.Purpose;
import vn.hocba.signing.registry.RegisteredCertificate.Source;

/** Each person's certificates (from the agent, a remote service or a .cer file) and the school seal's. */
@RestController
@Tag(name = "Chứng thư số", description = "Đăng ký chứng thư số ký của mỗi người và của con dấu nhà trường")
class CertificatesApiController {

    private static final long MAX_CER_BYTES = 64 * 1024;

    private final AccessPolicy access;
    private final CertificateRegistry registry;

    CertificatesApiController(AccessPolicy access, CertificateRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    /** A certificate as the pages show it. */
    record Shown(long id, String purpose, String source, String fingerprint, String subject, String issuer, String serial,
            Instant notBefore, Instant notAfter, Instant registeredAt, String registeredBy, String subjectDn, String issuerDn) {
        static Shown of(RegisteredCertificate c) {
            return new Shown(c.id(), c.purpose().name(), c.source().name(), c.fingerprint(), c.readableSubject(),
                    c.readableIssuer(), c.serial(), c.notBefore(), c.notAfter(), c.registeredAt(), c.registeredBy(),
                    c.subject(), c.issuer());
        }
    }

    /** A chain read from the agent or the remote service: Base64 DER, the signer's certificate first. */
    record Registration(List<String> chain, String source) {
    }

    @GetMapping("/api/me/certificates")
    @Operation(summary = "Các chứng thư số đã đăng ký của tôi")
    List<Shown> mine() {
        return registry.of(access.current().account().username()).stream().map(Shown::of).toList();
    }

    @PostMapping("/api/me/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đăng ký chứng thư số đọc từ phần mềm ký số (AGENT) hoặc dịch vụ ký từ xa (REMOTE)")
    Shown register(@RequestBody Registration body) {
        Viewer viewer = access.current();
        Source source = "REMOTE".equals(body.source()) ? Source.REMOTE : Source.AGENT;
        return Shown.of(registry.register(viewer.account().username(), CertificateChains.fromBase64(body.chain()),
                Purpose.PERSON, source, access.actor(viewer, mainRole(viewer))));
    }

    @PostMapping("/api/me/certificates/file")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đăng ký chứng thư số từ tệp .cer (DER hoặc PEM)")
    Shown upload(@RequestParam("file") MultipartFile file) throws IOException {
        Viewer viewer = access.current();
        return Shown.of(registry.register(viewer.account().username(), read(file), Purpose.PERSON, Source.UPLOAD,
                access.actor(viewer, mainRole(viewer))));
    }

    @DeleteMapping("/api/me/certificates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Gỡ một chứng thư số của tôi (các lần ký sau bằng chứng thư này bị từ chối)")
    void remove(@PathVariable long id) {
        Viewer viewer = access.current();
        registry.remove(viewer.account().username(), id, access.actor(viewer, mainRole(viewer)));
    }

    @GetMapping("/api/school/seal-certificates")
    @Operation(summary = "Chứng thư số con dấu của trường")
    List<Shown> seal() {
        if (!access.current().seesWholeSchool()) {
            throw Rejected.forbidden("Chỉ Ban giám hiệu, ban quản trị và văn thư xem chứng thư số con dấu của trường.");
        }
        return registry.of(RegisteredCertificate.SCHOOL_SEAL).stream().map(Shown::of).toList();
    }

    @PostMapping("/api/school/seal-certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hiệu trưởng đăng ký chứng thư số tổ chức (con dấu) của trường từ tệp .cer")
    Shown registerSeal(@RequestParam("file") MultipartFile file) throws IOException {
        Viewer viewer = access.requirePrincipal("đăng ký chứng thư số con dấu của trường");
        return Shown.of(registry.register(RegisteredCertificate.SCHOOL_SEAL, read(file), Purpose.SCHOOL_SEAL,
                Source.UPLOAD, access.actor(viewer, Role.PRINCIPAL)));
    }

    private static List<java.security.cert.X509Certificate> read(MultipartFile file) throws IOException {
        if (file.getSize() > MAX_CER_BYTES) {
            throw Rejected.invalid("Tệp chứng thư số quá lớn (" + file.getSize() + " byte; tối đa 64 KB).");
        }
        return CertificateChains.read(file.getBytes());
    }

    private static Role mainRole(Viewer viewer) {
        return viewer.roles().stream().findFirst().orElse(Role.SUBJECT_TEACHER);
    }
}
