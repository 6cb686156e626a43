package vn.hocba.pades.bench;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * Not a test. What the CMS of each signature needs against what its {@code /Contents} reserves, with the
 * development PKI: a transcript signed by homeroom teacher, principal and seal (each B-T), extended to B-LTA,
 * twice (the first signatures of a process come before any token was seen). Prints per signature: bytes reserved,
 * bytes of the CMS, of its time-stamp token and of the certificates it embeds. See bench/README.
 */
public final class ContentsSizes {

    private ContentsSizes() {
    }

    public static void main(String[] args) throws Exception {
        DevelopmentPki pki = DevelopmentPki.createFresh(Files.createTempDirectory("hocba-contents"));
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        List<SigningCredential> signers = List.of(pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());
        for (int round = 1; round <= 2; round++) {
            byte[] input = TestDocuments.transcript();
            byte[] signed = chain.signTranscript(input, signers.get(0), signers.get(1), signers.get(2));
            System.out.printf(Locale.ROOT, "transcript %d: %,d bytes unsigned, %,d bytes signed to B-LTA%n", round,
                    input.length, signed.length);
            print(signed);
        }
    }

    private static void print(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                byte[] cms;
                try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                    cms = in.readObject().getEncoded();
                }
                CMSSignedData data = new CMSSignedData(cms);
                int certificates = 0;
                for (Object holder : data.getCertificates().getMatches(null)) {
                    certificates += ((org.bouncycastle.cert.X509CertificateHolder) holder).getEncoded().length;
                }
                SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
                var tokenAttribute = signer.getUnsignedAttributes() == null ? null
                        : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                int token = tokenAttribute == null ? cms.length
                        : tokenAttribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded().length;
                System.out.printf(Locale.ROOT, "  %-14s %-22s reserved %,6d  CMS %,6d  token %,6d  its certificates %,6d%n",
                        signature.getSubFilter(), signature.getName() == null ? "(document time-stamp)" : signature.getName(),
                        (range[2] - range[1] - 2) / 2, cms.length, token, certificates);
            }
        }
    }
}
