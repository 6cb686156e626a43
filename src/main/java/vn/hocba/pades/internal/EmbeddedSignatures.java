package vn.hocba.pades.internal;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Reads the CMS of every signature and document time-stamp already in a PDF. */
public final class EmbeddedSignatures {

    private EmbeddedSignatures() {
    }

    /** One signature dictionary with its parsed CMS. */
    public record Embedded(PDSignature dictionary, CMSSignedData cms) {

        /** The signer's certificate (for a document time-stamp: the TSA's). */
        public X509Certificate signerCertificate() {
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            for (Object holder : cms.getCertificates().getMatches(signer.getSID())) {
                return convert((X509CertificateHolder) holder);
            }
            throw new IllegalStateException("signature without its signer's certificate");
        }

        /** Every certificate inside: the signer's chain and those of its signature time-stamps. */
        public List<X509Certificate> allCertificates() {
            List<X509Certificate> result = new ArrayList<>();
            cms.getCertificates().getMatches(null).forEach(h -> result.add(convert(h)));
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                if (signer.getUnsignedAttributes() == null) {
                    continue;
                }
                var tokens = signer.getUnsignedAttributes().getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                for (int i = 0; i < tokens.size(); i++) {
                    var attribute = org.bouncycastle.asn1.cms.Attribute.getInstance(tokens.get(i));
                    result.addAll(timeStampCertificates(attribute.getAttrValues().getObjectAt(0).toASN1Primitive()));
                }
            }
            return result;
        }
    }

    public static List<Embedded> read(PDDocument document, byte[] pdf) throws IOException {
        List<Embedded> result = new ArrayList<>();
        for (PDSignature dictionary : document.getSignatureDictionaries()) {
            byte[] contents = dictionary.getContents(); // already parsed with the dictionary; the byte range is checked by validators
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                result.add(new Embedded(dictionary, new CMSSignedData(ContentInfo.getInstance(in.readObject()))));
            } catch (CMSException | RuntimeException e) {
                throw new IOException("unreadable signature " + dictionary.getName(), e);
            }
        }
        return result;
    }

    private static List<X509Certificate> timeStampCertificates(ASN1Primitive token) {
        try {
            TimeStampToken tst = new TimeStampToken(ContentInfo.getInstance(token));
            List<X509Certificate> result = new ArrayList<>();
            tst.getCertificates().getMatches(null).forEach(h -> result.add(convert(h)));
            return result;
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("unreadable signature time-stamp", e);
        }
    }

    static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
