package vn.hocba.pades;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.hocba.pades.CredentialRefusedException.Reason;

/**
 * The checks a credential passes before it may sign (profile "Keys"): validity period, key usage
 * (digitalSignature or nonRepudiation), key strength (RSA ≥ 2048, ECDSA ≥ P-256, Thông tư
 * 15/2025/TT-BKHCN), a chain to one of the school's trust anchors, and revocation when the
 * revocation source can be reached.
 */
public final class CredentialCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Set<TrustAnchor> anchors;
    private final RevocationStatusReader revocation;
    private final Map<List<X509Certificate>, ValidChain> validChains = new ConcurrentHashMap<>();

    public CredentialCheck(List<X509Certificate> trustAnchors, RevocationSource revocationSource) {
        this.anchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        this.revocation = new RevocationStatusReader(revocationSource);
    }

    /** Throws a {@link CredentialRefusedException} with a Vietnamese message when it may not sign at {@code now}. */
    public void requireUsable(SigningCredential credential, Instant now) {
        X509Certificate certificate = credential.certificate();
        String holder = "Chứng thư số của " + CertificateNames.commonName(certificate);
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            throw new CredentialRefusedException(Reason.EXPIRED, holder + " đã hết hạn ngày " + day(notAfter)
                    + "; không thể ký. Hãy gia hạn hoặc xin cấp chứng thư số mới.");
        }
        if (now.isBefore(notBefore)) {
            throw new CredentialRefusedException(Reason.NOT_YET_VALID, holder + " chỉ có hiệu lực từ ngày "
                    + day(notBefore) + "; chưa thể ký trước ngày đó.");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !(usage[0] || usage[1])) {
            throw new CredentialRefusedException(Reason.WRONG_KEY_USAGE, holder
                    + " không dùng để ký số (thiếu mục đích sử dụng digitalSignature/nonRepudiation); "
                    + "không thể ký. Hãy dùng chứng thư số ký.");
        }
        requireStrongKey(certificate, holder);
        X509Certificate issuer = requireChain(credential, holder, now);
        revocation.revokedAt(certificate, issuer).ifPresent(when -> {
            throw new CredentialRefusedException(Reason.REVOKED, holder + " đã bị thu hồi ngày " + day(when)
                    + "; không thể ký. Hãy liên hệ tổ chức cấp chứng thư số.");
        });
    }

    private static void requireStrongKey(X509Certificate certificate, String holder) {
        int bits = certificate.getPublicKey() instanceof RSAKey rsa ? rsa.getModulus().bitLength()
                : certificate.getPublicKey() instanceof ECKey ec ? ec.getParams().getOrder().bitLength() : 0;
        boolean rsa = certificate.getPublicKey() instanceof RSAKey;
        if ((rsa && bits < 2048) || (!rsa && bits < 256)) {
            throw new CredentialRefusedException(Reason.WEAK_KEY, holder + " dùng khóa quá yếu ("
                    + certificate.getPublicKey().getAlgorithm() + " " + bits + " bit); cần RSA từ 2048 bit hoặc "
                    + "ECDSA P-256 (Thông tư 15/2025/TT-BKHCN).");
        }
    }

    /** A chain that validated, and the period in which every certificate of it is valid. */
    private record ValidChain(X509Certificate issuer, Instant from, Instant until) {
        boolean covers(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    /**
     * Validates the chain to a trust anchor and returns the signer's issuer. A chain that validated
     * is not validated again while all its certificates stay valid (a batch signs 35 documents).
     */
    private X509Certificate requireChain(SigningCredential credential, String holder, Instant now) {
        ValidChain known = validChains.get(credential.certificateChain());
        if (known != null && known.covers(now)) {
            return known.issuer();
        }
        X509Certificate issuer = validateChain(credential, holder, now);
        List<X509Certificate> all = new ArrayList<>(credential.certificateChain());
        all.add(issuer);
        Instant from = all.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
        Instant until = all.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
        validChains.put(credential.certificateChain(), new ValidChain(issuer, from, until));
        return issuer;
    }

    private X509Certificate validateChain(SigningCredential credential, String holder, Instant now) {
        List<X509Certificate> path = new ArrayList<>(credential.certificateChain());
        path.removeIf(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()));
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath certPath = factory.generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            var result = (java.security.cert.PKIXCertPathValidatorResult)
                    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return path.size() > 1 ? path.get(1) : result.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialRefusedException(Reason.UNTRUSTED, holder + " do "
                    + CertificateNames.issuerName(credential.certificate())
                    + " cấp, không thuộc tổ chức chứng thực mà nhà trường tin cậy; không thể ký. "
                    + "Hãy dùng chứng thư số của tổ chức được cấu hình trong signing-config.");
        }
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(PadesSigner.VIETNAM));
    }
}
