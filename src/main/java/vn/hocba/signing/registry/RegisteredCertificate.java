package vn.hocba.signing.registry;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** One registered certificate: whose, for what, from where, and what the certificate says. */
public record RegisteredCertificate(long id, String username, Purpose purpose, Source source, String fingerprint,
        String subject, String issuer, String serial, Instant notBefore, Instant notAfter, Instant registeredAt,
        String registeredBy, List<X509Certificate> chain) {

    /** What the certificate signs as. */
    public enum Purpose { PERSON, SCHOOL_SEAL }

    /** Where it was read from. */
    public enum Source { AGENT, REMOTE, UPLOAD }

    /** The account name under which the school seal's certificate is registered; no account may have it. */
    public static final String SCHOOL_SEAL = vn.hocba.security.Accounts.SEAL_REGISTRY_NAME;

    /** The subject as people read it ("Tên: …; Chức danh: …; Tổ chức: …"), not RFC 2253. */
    public String readableSubject() {
        return vn.hocba.pades.CertificateNames.subject(chain.get(0));
    }

    /** The issuer as people read it. */
    public String readableIssuer() {
        return vn.hocba.pades.CertificateNames.issuer(chain.get(0));
    }

    public boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && now.isBefore(notAfter);
    }
}
