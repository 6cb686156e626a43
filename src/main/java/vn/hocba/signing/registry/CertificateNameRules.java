package vn.hocba.signing.registry;

import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whose a certificate is: a person's common name compared with the staff record (letter case,
 * spacing and, since several CAs issue names without diacritics, diacritics ignored), and the tax
 * code ({@code MST:…}) that Vietnamese organisation certificates carry in their subject (usually in
 * the UID attribute).
 */
final class CertificateNameRules {

    private static final Pattern TAX_CODE = Pattern.compile("MST:\\s*([0-9]{10}(?:-[0-9]{3})?)");

    private CertificateNameRules() {
    }

    static String commonName(X509Certificate certificate) {
        RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? "" : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** True when the certificate's common name is the person's name. */
    static boolean namesPerson(X509Certificate certificate, String fullName) {
        return plain(commonName(certificate)).equals(plain(fullName));
    }

    /** The tax code in the subject ({@code MST:0101234567}), or null. */
    static String taxCode(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            Matcher m = TAX_CODE.matcher(IETFUtils.valueToString(rdn.getFirst().getValue()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String plain(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
