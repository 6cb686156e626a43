package vn.hocba.web.signing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.signing.device.DeviceSession;
import vn.hocba.signing.device.DeviceSessions;

/**
 * A person signs their part of a class's year documents on their own device: the server prepares the
 * batch, the page carries the data to the local signing agent (or a remote service signs it) and
 * brings back the signature values, the server embeds and validates them (issue 16 item 2).
 */
@RestController
@RequestMapping("/api/own-key-signing")
@Tag(name = "Ký số bằng thiết bị của người ký", description = "USB token qua phần mềm ký số trên máy, hoặc ký từ xa")
class OwnKeySigningApiController {

    private final DeviceSessions sessions;
    private final OwnKeySteps steps;

    OwnKeySigningApiController(DeviceSessions sessions, OwnKeySteps steps) {
        this.sessions = sessions;
        this.steps = steps;
    }

    /** What to sign: {@code step} SUBJECT_SHEET, HOMEROOM or PRINCIPAL of class {@code classId}, with which certificate. */
    record Start(String step, long classId, String method, List<String> certificate) {
    }

    record Values(List<String> signatures) {
    }

    record Refusal(String error, String message) {
    }

    /** The session as the page sees it; {@code dataToSign} Base64, only while the device is awaited. */
    record Shown(String id, String state, String method, String kind, String classCode, int count,
            List<String> dataToSign, String certificateId, String deadline, int signed, int alreadySigned,
            String message, String approvalDeadline) {
        static Shown of(DeviceSession session) {
            DeviceSession.View v = session.view();
            return new Shown(v.id(), v.state().name(), v.method(), v.kind(), v.classCode(), v.count(),
                    v.dataToSign().stream().map(d -> Base64.getEncoder().encodeToString(d)).toList(), v.certificateId(),
                    v.deadline() == null ? null : v.deadline().toString(), v.signed(), v.alreadySigned(), v.message(),
                    v.approvalDeadline() == null ? null : v.approvalDeadline().toString());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bắt đầu ký phần việc của tôi bằng chứng thư số đã đăng ký (thiết bị của tôi)")
    Shown start(@RequestBody Start body) {
        return Shown.of(steps.start(body.step(), body.classId(), body.method() == null ? "AGENT" : body.method(),
                body.certificate()));
    }

    @GetMapping("/current")
    @Operation(summary = "Lượt ký chưa xong của tôi (để tiếp tục sau khi đóng trang)")
    ResponseEntity<Shown> current() {
        return sessions.current(steps.username()).map(s -> ResponseEntity.ok(Shown.of(s)))
                .orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Trạng thái một lượt ký: dữ liệu cần ký, tiến độ n/m, kết quả")
    Shown show(@PathVariable String id) {
        return Shown.of(sessions.of(steps.username(), id));
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Giá trị chữ ký do thiết bị ký trả về, theo đúng thứ tự dữ liệu cần ký")
    Shown deliver(@PathVariable String id, @RequestBody Values body) {
        DeviceSession session = sessions.of(steps.username(), id);
        if (body.signatures() == null || body.signatures().size() != session.view().count()) {
            throw Rejected.invalid("Cần đúng " + session.view().count() + " chữ ký cho " + session.view().count()
                    + " văn bản.");
        }
        try {
            session.deliver(body.signatures().stream().map(s -> Base64.getDecoder().decode(s)).toList());
        } catch (IllegalStateException e) {
            throw Rejected.conflict("Lượt ký này không còn chờ thiết bị ký (" + session.view().state() + ").");
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid("Chữ ký không đúng định dạng Base64.");
        }
        return Shown.of(session);
    }

    @PostMapping("/{id}/refusal")
    @Operation(summary = "Thiết bị ký từ chối hoặc không ký được (sai PIN, người ký từ chối, phần mềm ký ngừng): không ký gì")
    Shown refuse(@PathVariable String id, @RequestBody Refusal body) {
        DeviceSession session = sessions.of(steps.username(), id);
        session.refuse(OwnKeySteps.refusalMessage(body.error(), body.message()));
        return Shown.of(session);
    }

}
