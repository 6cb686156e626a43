package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Reads people's names and titles out of X.509 distinguished names, and shows a whole name as people
 * read it ({@link #readable}): Vietnamese labels, UTF-8 text decoded, the most specific part first,
 * instead of RFC 2253's {@code 2.5.4.12=#0c…} for the title that Vietnamese certificates carry.
 */
public final class CertificateNames {

    private static final Map<ASN1ObjectIdentifier, String> LABELS = Map.ofEntries(
            Map.entry(BCStyle.CN, "Tên"), Map.entry(BCStyle.T, "Chức danh"), Map.entry(BCStyle.O, "Tổ chức"),
            Map.entry(BCStyle.OU, "Đơn vị"), Map.entry(BCStyle.L, "Địa phương"), Map.entry(BCStyle.ST, "Tỉnh/Thành phố"),
            Map.entry(BCStyle.C, "Quốc gia"), Map.entry(BCStyle.UID, "Mã định danh"),
            Map.entry(BCStyle.EmailAddress, "Thư điện tử"), Map.entry(BCStyle.SERIALNUMBER, "Số định danh"),
            Map.entry(BCStyle.STREET, "Địa chỉ"), Map.entry(BCStyle.SURNAME, "Họ"), Map.entry(BCStyle.GIVENNAME, "Tên riêng"),
            Map.entry(BCStyle.DC, "Miền"), Map.entry(BCStyle.ORGANIZATION_IDENTIFIER, "Mã tổ chức"));

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

    /** The certificate's subject as people read it ({@link #readable(X500Principal)}). */
    public static String subject(X509Certificate certificate) {
        return readable(certificate.getSubjectX500Principal());
    }

    /** The certificate's issuer as people read it ({@link #readable(X500Principal)}). */
    public static String issuer(X509Certificate certificate) {
        return readable(certificate.getIssuerX500Principal());
    }

    /**
     * {@code "Tên: Nguyễn Thị Hoa; Chức danh: Giáo viên; Tổ chức: …; Quốc gia: VN"}: each attribute with
     * its Vietnamese label (an attribute without one keeps its OID), the common name first.
     */
    public static String readable(X500Principal name) {
        RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs();
        List<String> parts = new ArrayList<>();
        for (int i = rdns.length - 1; i >= 0; i--) {
            for (AttributeTypeAndValue atv : rdns[i].getTypesAndValues()) {
                parts.add(LABELS.getOrDefault(atv.getType(), atv.getType().getId()) + ": " + text(atv.getValue()));
            }
        }
        return String.join("; ", parts);
    }

    /** {@link #readable(X500Principal)} of a name in RFC 2253 text (as EU DSS reports it); other text as it is. */
    public static String readable(String rfc2253) {
        try {
            return readable(new X500Principal(rfc2253));
        } catch (IllegalArgumentException e) {
            return rfc2253;
        }
    }

    private static String text(ASN1Encodable value) {
        if (value instanceof ASN1String s) {
            return s.getString();
        }
        try {
            return "#" + HexFormat.of().formatHex(value.toASN1Primitive().getEncoded());
        } catch (java.io.IOException e) {
            return value.toString();
        }
    }

    private static String attribute(byte[] encodedName, ASN1ObjectIdentifier oid) {
        X500Name name = X500Name.getInstance(encodedName);
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? name.toString() : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
