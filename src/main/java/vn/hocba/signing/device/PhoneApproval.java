package vn.hocba.signing.device;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.hocba.pades.CertificateNames;

/**
 * Carries a device session to a remote signing service: once the batch is prepared, submits the
 * hashes of its data to sign, shows the approval deadline (the page's countdown), polls, and
 * delivers the values, or ends the session with the reason (refused, expired, a certificate other
 * than the registered one), so that nothing is written.
 */
public final class PhoneApproval implements Runnable {

    private final DeviceSession session;
    private final PhoneApprovalProvider provider;
    private final String userId;
    private final Duration pollEvery;

    public PhoneApproval(DeviceSession session, PhoneApprovalProvider provider, String userId, Duration pollEvery) {
        this.session = session;
        this.provider = provider;
        this.userId = userId;
        this.pollEvery = pollEvery;
    }

    @Override
    public void run() {
        try {
            if (session.awaitChange(DeviceSession.State.PREPARING, Duration.ofMinutes(30))
                    != DeviceSession.State.AWAITING_DEVICE) {
                return;
            }
            DeviceSession.View batch = session.view();
            PhoneApprovalProvider.Submitted submitted = provider.submit(userId, batch.dataToSign().stream()
                    .map(PhoneApproval::sha256).toList(), batch.count() + " văn bản: " + batch.kind() + ", lớp "
                    + batch.classCode());
            session.approvalUntil(submitted.expiresAt());
            while (true) {
                PhoneApprovalProvider.Status status = provider.poll(submitted.transactionId());
                switch (status.state()) {
                    case SIGNED -> {
                        if (!status.signer().equals(session.certificate())) {
                            session.refuse("Dịch vụ " + provider.displayName() + " đã ký bằng chứng thư số «"
                                    + CertificateNames.commonName(status.signer()) + "» (số sê-ri "
                                    + status.signer().getSerialNumber().toString(16) + "), không phải chứng thư số đã "
                                    + "đăng ký của bạn. Không văn bản nào được ký.");
                        } else {
                            session.deliver(status.signatures());
                        }
                        return;
                    }
                    case REFUSED -> {
                        session.refuse("Bạn đã từ chối yêu cầu ký trên ứng dụng " + provider.displayName()
                                + ". Không văn bản nào được ký.");
                        return;
                    }
                    case EXPIRED -> {
                        session.refuse("Yêu cầu ký đã hết hạn mà chưa được xác nhận trên ứng dụng "
                                + provider.displayName() + ". Không văn bản nào được ký; hãy ký lại và xác nhận "
                                + "trên điện thoại trước khi hết thời gian.");
                        return;
                    }
                    default -> Thread.sleep(pollEvery.toMillis());
                }
                if (Instant.now().isAfter(submitted.expiresAt().plusSeconds(30))) {
                    session.refuse("Dịch vụ " + provider.displayName() + " không trả lời sau thời hạn xác nhận. "
                            + "Không văn bản nào được ký.");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.refuse("Máy chủ dừng lượt ký từ xa; không văn bản nào được ký.");
        } catch (RuntimeException e) {
            session.refuse("Không liên lạc được với dịch vụ ký từ xa " + provider.displayName() + ": "
                    + e.getMessage() + ". Không văn bản nào được ký.");
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
