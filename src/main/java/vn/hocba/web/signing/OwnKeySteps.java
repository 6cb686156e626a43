package vn.hocba.web.signing;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.signing.device.DeviceSession;
import vn.hocba.signing.device.DeviceSessions;
import vn.hocba.signing.device.RemoteSigningAccounts;
import vn.hocba.signing.registry.CertificateChains;
import vn.hocba.workflow.ClassDocumentsWorkflow;

/**
 * The signing steps a person may take on their own device, with the same rights as the server-side
 * path ({@code /api/classes/{id}/year-documents/…-signature}): rights are checked in the request, the
 * step then runs in the background through the same workflow call.
 */
@Component
class OwnKeySteps {

    private static final Map<String, String> REFUSALS = Map.of(
            "WRONG_PIN", "Mã PIN của thiết bị ký không đúng. Không văn bản nào được ký; hãy ký lại và nhập đúng mã PIN "
                    + "(nhập sai nhiều lần sẽ khóa thiết bị).",
            "DECLINED", "Bạn đã từ chối ký trên phần mềm ký số. Không văn bản nào được ký.",
            "AGENT_UNREACHABLE", "Phần mềm ký số trên máy đã ngừng giữa chừng (hoặc thiết bị ký bị rút ra). "
                    + "Không văn bản nào được ký; hãy mở lại phần mềm ký số, cắm thiết bị ký và ký lại.",
            "NO_SUCH_CERTIFICATE", "Không thấy chứng thư số đã chọn trên thiết bị ký (thiết bị đã bị rút ra?). "
                    + "Không văn bản nào được ký.",
            "PIN_LOCKED", "Thiết bị ký đã bị khóa vì nhập sai mã PIN quá nhiều lần. Không văn bản nào được ký.",
            "CANCELLED", "Bạn đã hủy lượt ký. Không văn bản nào được ký.");

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final ClassDocumentsWorkflow workflow;
    private final DeviceSessions sessions;
    private final RemoteSigningAccounts remote;

    OwnKeySteps(AccessPolicy access, SchoolDirectory directory, ClassDocumentsWorkflow workflow,
            DeviceSessions sessions, RemoteSigningAccounts remote) {
        this.access = access;
        this.remote = remote;
        this.directory = directory;
        this.workflow = workflow;
        this.sessions = sessions;
    }

    String username() {
        return access.current().account().username();
    }

    /**
     * Starts {@code step}: with method AGENT the certificate is the one the page read from the agent;
     * with REMOTE it is the one the person's remote signing service holds, and the batch goes to their phone.
     */
    DeviceSession start(String step, long classId, String method, java.util.List<String> chain) {
        if ("REMOTE".equals(method)) {
            DeviceSession session = start(step, classId, method, remote.certificate(username()));
            remote.approveOnPhone(session);
            return session;
        }
        if (!"AGENT".equals(method)) {
            throw Rejected.invalid("Cách ký «" + method + "» không có; chọn AGENT (USB token) hoặc REMOTE (ký từ xa).");
        }
        if (chain == null || chain.isEmpty()) {
            throw Rejected.invalid("Hãy chọn chứng thư số trên USB token trước khi ký.");
        }
        return start(step, classId, method, CertificateChains.fromBase64(chain).get(0));
    }

    private DeviceSession start(String step, long classId, String method, X509Certificate certificate) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        String user = username();
        return switch (step == null ? "" : step) {
            case "SUBJECT_SHEET" -> {
                Actor by = access.actor(access.current(), Role.SUBJECT_TEACHER);
                yield sessions.run(user, method, "bảng kết quả môn học", schoolClass.code(), certificate,
                        () -> workflow.signSubjectSheet(schoolClass, by));
            }
            case "HOMEROOM" -> {
                Viewer viewer = access.requireHomeroom(schoolClass.id());
                Actor by = access.actor(viewer, Role.HOMEROOM_TEACHER);
                yield sessions.run(user, method, "học bạ, sổ theo dõi, phiếu liên lạc (giáo viên chủ nhiệm)",
                        schoolClass.code(), certificate, () -> workflow.homeroomSigns(schoolClass, by));
            }
            case "PRINCIPAL" -> {
                Viewer viewer = access.requirePrincipal("ký số học bạ của lớp");
                Actor by = access.actor(viewer, Role.PRINCIPAL);
                yield sessions.run(user, method, "học bạ và sổ theo dõi (hiệu trưởng)", schoolClass.code(), certificate,
                        () -> workflow.principalSigns(schoolClass, by));
            }
            default -> throw Rejected.invalid("Bước ký «" + step + "» không có; chọn SUBJECT_SHEET, HOMEROOM hoặc PRINCIPAL.");
        };
    }

    /** The person's words for what the device reported; an unknown code keeps the device's own message. */
    static String refusalMessage(String error, String message) {
        String known = REFUSALS.get(error == null ? "" : error);
        if (known != null) {
            return known;
        }
        String text = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ").strip();
        return "Thiết bị ký không ký được" + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300)
                : text)) + ". Không văn bản nào được ký.";
    }
}
