package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;

/** Where signatures go and what their dictionaries and CMS contain (profile "PAdES details"). */
class SignatureBoxesTest {

    @TempDir
    static Path pkiDir;

    static PadesSigner signer;
    static SigningCredential teacher;

    @BeforeAll
    static void setUp() {
        DevelopmentPki pki = DevelopmentPki.createFresh(pkiDir);
        signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
        teacher = pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
    }

    @Test
    void theSignatureFillsTheDocumentsOwnBoxKeepingItsPlace() throws Exception {
        byte[] signed = signer.sign(TestDocuments.transcript(),
                SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now()), teacher);

        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignatureField> fields = document.getSignatureFields();
            assertThat(fields).extracting(PDSignatureField::getPartialName).containsExactly("gvcn", "hieu_truong", "con_dau");
            PDSignatureField box = fields.get(0);
            assertThat(box.getSignature()).isNotNull();
            assertThat(box.getWidgets().get(0).getRectangle().getWidth()).isEqualTo(170);
            assertThat(box.getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream()
                    .getResources().getFontNames()).isNotEmpty();
        }
    }

    @Test
    void theDictionaryAndCmsFollowThePadesBaselineProfile() throws Exception {
        Instant claimed = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] signed = signer.sign(TestDocuments.transcript(), SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, claimed),
                teacher);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(claimed);
            assertThat(signature.getReason()).isEqualTo("Giáo viên chủ nhiệm");
            int reserved = signature.getByteRange()[2] - signature.getByteRange()[1] - 2;
            assertThat(reserved / 2).isBetween(16 * 1024, 32 * 1024); // the profile's 16–32 KB
            byte[] contents = signature.getContents(signed);
            SignerInformation info;
            try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(contents))) {
                info = new CMSSignedData(ContentInfo.getInstance(in.readObject())).getSignerInfos().getSigners().iterator().next();
            }
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime)).isNull();
            assertThat(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        }
    }

    @Test
    void aDocumentWithoutTheBoxGetsAnInvisibleSignatureUnderThatName() throws Exception {
        byte[] signed = signer.sign(TestDocuments.subjectSheet(),
                SignatureRequest.inBox(SignerRole.PRINCIPAL, Instant.now()), teacher);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField added = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField("hieu_truong");
            assertThat(added.getSignature()).isNotNull();
            assertThat(added.getWidgets().get(0).getRectangle().getWidth()).isZero();
        }
    }

    @Test
    void aDocumentWithoutTheBoxGetsAVisibleStampWhereThePlacementSays() throws Exception {
        SignatureRequest request = SignatureRequest.inBox(SignerRole.PRINCIPAL, Instant.now())
                .at(new SignatureRequest.Placement(0, 300, 100, 160, 70));

        byte[] signed = signer.sign(TestDocuments.subjectSheet(), request, teacher);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField added = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField("hieu_truong");
            var widget = added.getWidgets().get(0);
            assertThat(widget.getRectangle().getLowerLeftX()).isEqualTo(300);
            assertThat(widget.getRectangle().getWidth()).isEqualTo(160);
            assertThat(document.getPage(0).getAnnotations()).anySatisfy(a ->
                    assertThat(a.getCOSObject()).isSameAs(widget.getCOSObject()));
            assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream().getBBox().getHeight()).isEqualTo(70);
        }
    }

    @Test
    void anInvisibleRequestLeavesTheBoxWithoutAStamp() throws Exception {
        byte[] signed = signer.sign(TestDocuments.transcript(),
                SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now()).invisible(), teacher);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField box = (PDSignatureField) document.getDocumentCatalog().getAcroForm().getField("gvcn");
            assertThat(box.getSignature()).isNotNull();
            assertThat(box.getWidgets().get(0).getRectangle().getWidth()).isZero();
        }
    }

    @Test
    void aSignedBoxIsNeverSignedOver() {
        byte[] once = signer.sign(TestDocuments.transcript(),
                SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now()), teacher);

        assertThatThrownBy(() -> signer.sign(once, SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now()), teacher))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Ô ký 'gvcn' của văn bản đã có chữ ký");
    }
}
