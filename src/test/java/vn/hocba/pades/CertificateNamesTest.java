package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/**
 * Certificate names as people read them: a Vietnamese certificate's subject carries the title (2.5.4.12),
 * which RFC 2253 text shows as {@code 2.5.4.12=#0c…}; the readable form labels each part in Vietnamese,
 * decodes the UTF-8 text and puts the common name first.
 */
class CertificateNamesTest {

    private static X500Principal name(X500Name name) throws Exception {
        return new X500Principal(name.getEncoded());
    }

    private static final X500Name TEACHER = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
            .addRDN(BCStyle.ST, "Hà Nội").addRDN(BCStyle.O, "Trường THCS Mẫu, Quận Đống Đa").addRDN(BCStyle.OU, "Tổ Toán – Tin")
            .addRDN(BCStyle.T, "Giáo viên").addRDN(BCStyle.UID, "CCCD:001085012345").addRDN(BCStyle.CN, "Phạm Thị Hồng Nhung")
            .build();

    @Test
    void theTitleIsNoLongerHexAndEveryPartHasItsVietnameseLabelCommonNameFirst() throws Exception {
        X500Principal subject = name(TEACHER);
        assertThat(subject.getName()).as("the RFC 2253 form the pages showed before").contains("2.5.4.12=#0c");

        assertThat(CertificateNames.readable(subject)).isEqualTo("Tên: Phạm Thị Hồng Nhung; Mã định danh: CCCD:001085012345; "
                + "Chức danh: Giáo viên; Đơn vị: Tổ Toán – Tin; Tổ chức: Trường THCS Mẫu, Quận Đống Đa; "
                + "Tỉnh/Thành phố: Hà Nội; Quốc gia: VN");
    }

    @Test
    void theRfc2253TextThatEuDssReportsReadsTheSame() throws Exception {
        X500Principal subject = name(TEACHER);
        assertThat(CertificateNames.readable(subject.getName())).isEqualTo(CertificateNames.readable(subject));
        assertThat(CertificateNames.readable("không phải tên X.500 =,=")).isEqualTo("không phải tên X.500 =,=");
    }

    @Test
    void anAttributeWithoutAVietnameseLabelKeepsItsOidAndAnOrganisationsTaxCodeStaysVisible() throws Exception {
        X500Name seal = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"), "khác")
                .addRDN(BCStyle.UID, "MST:0101234567").addRDN(BCStyle.CN, "Trường THCS Mẫu").build();
        assertThat(CertificateNames.readable(name(seal)))
                .isEqualTo("Tên: Trường THCS Mẫu; Mã định danh: MST:0101234567; 1.2.3.4: khác; Quốc gia: VN");
    }
}
