package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The checks on a TSA's answer before its token goes into a signature: a well-formed RFC 3161
 * response, status granted, the imprint and nonce of our request, and a token signature that
 * verifies with the TSA certificate it carries (which must be for time-stamping). Each refusal says
 * in Vietnamese what was wrong.
 */
final class TimeStampReply {

    /** The TSA's answer cannot be used; the message (Vietnamese) says why. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private TimeStampReply() {
    }

    static TimeStampToken check(byte[] body, TimeStampRequest request) throws Refused {
        TimeStampResponse response = parse(body);
        if (response.getStatus() > 1) { // 0 granted, 1 grantedWithMods (RFC 3161 §2.4.2)
            throw new Refused("dịch vụ từ chối yêu cầu (trạng thái " + response.getStatus()
                    + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new Refused("phản hồi không chứa dấu thời gian");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(request.getMessageImprintAlgOID())
                || !Arrays.equals(info.getMessageImprintDigest(), request.getMessageImprintDigest())) {
            throw new Refused("dấu thời gian nhận về không khớp với yêu cầu (dấu vân tay của dữ liệu khác với dữ liệu đã gửi)");
        }
        if (!Objects.equals(info.getNonce(), request.getNonce())) {
            throw new Refused("dấu thời gian nhận về không khớp với yêu cầu (số nonce khác, có thể là phản hồi cho yêu cầu khác)");
        }
        try {
            response.validate(request);
        } catch (Exception e) {
            throw new Refused("phản hồi không hợp lệ (" + e.getMessage() + ")");
        }
        requireSignedByItsTsa(token);
        return token;
    }

    /** The TSA's certificates as the token carries them, the TSA first. */
    static List<X509Certificate> chainOf(TimeStampToken token) {
        List<X509Certificate> result = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : certificates(token)) {
            try {
                X509Certificate certificate = converter.getCertificate(holder);
                result.add(token.getSID().match(holder) ? 0 : result.size(), certificate);
            } catch (java.security.cert.CertificateException e) {
                throw new SigningException("Chứng thư số trong dấu thời gian không đọc được: " + e.getMessage(), e);
            }
        }
        return List.copyOf(result);
    }

    private static TimeStampResponse parse(byte[] body) throws Refused {
        try {
            return new TimeStampResponse(body);
        } catch (Exception e) {
            throw new Refused("dịch vụ trả lời không phải một phản hồi RFC 3161 hợp lệ (" + body.length + " byte)");
        }
    }

    private static void requireSignedByItsTsa(TimeStampToken token) throws Refused {
        X509CertificateHolder tsa = certificates(token).stream().filter(h -> token.getSID().match(h)).findFirst()
                .orElseThrow(() -> new Refused("dấu thời gian không kèm chứng thư số của dịch vụ"));
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (Exception e) {
            throw new Refused("chữ ký trên dấu thời gian không hợp lệ (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<X509CertificateHolder> certificates(TimeStampToken token) {
        return token.getCertificates().getMatches(null);
    }
}
