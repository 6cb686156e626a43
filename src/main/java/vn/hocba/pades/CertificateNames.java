package vn.hocba.pades;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads people's names and titles out of X.509 distinguished names. */
public final class CertificateNames {

    private CertificateNames() {
    }

    /** The subject's common name (CN), or the whole subject when there is none. */
    public static String commonName(X509Certificate certificate) {
        return attribute(certificate.getSubjectX500Principal().getEncoded(), BCStyle.CN);
    }

    /** The issuer's common name (CN). */
    public static String issuerName(X509Certificate certificate) {
        return attribute(certificate.getIssuerX500Principal().getEncoded(), BCStyle.CN);
    }

    private static String attribute(byte[] encodedName, ASN1ObjectIdentifier oid) {
        X500Name name = X500Name.getInstance(encodedName);
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? name.toString() : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
