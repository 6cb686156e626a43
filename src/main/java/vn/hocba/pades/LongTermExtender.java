package vn.hocba.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.pades.internal.CmsSignature;
import vn.hocba.pades.internal.ContentsReservation;
import vn.hocba.pades.internal.DssDictionary;
import vn.hocba.pades.internal.EmbeddedSignatures;
import vn.hocba.pades.internal.IncrementalWriter;
import vn.hocba.pades.internal.PdfLoading;
import vn.hocba.pades.internal.SignatureBoxes;

/**
 * Long-term validation, once after the last approval signature (profile step 5): one incremental
 * update with the {@code /DSS} (every certificate of every signer and TSA with its CRL/OCSP
 * data: PAdES B-LT), then a document time-stamp ({@code /SubFilter /ETSI.RFC3161}: B-LTA).
 * Running it again later (before the TSA certificate or its algorithms weaken) adds fresh
 * validation data and another document time-stamp.
 */
public final class LongTermExtender {

    private static final Logger log = LoggerFactory.getLogger(LongTermExtender.class);

    private final TimeStampSource timeStamps;
    private final RevocationSource revocation;
    private final ContentsReservation reservation;

    public LongTermExtender(TimeStampSource timeStamps, RevocationSource revocation) {
        this(timeStamps, revocation, PadesSigner.MAXIMUM_SIGNATURE_SIZE);
    }

    /**
     * @param maximumSize the most bytes the document time-stamp token may reserve; it reserves room for the
     *                    largest token {@code timeStamps} returned so far with a margin, at least 16 KB (see
     *                    {@link PadesSigner})
     */
    public LongTermExtender(TimeStampSource timeStamps, RevocationSource revocation, int maximumSize) {
        this.timeStamps = timeStamps;
        this.revocation = revocation;
        this.reservation = new ContentsReservation(maximumSize);
    }

    /**
     * B-LT and B-LTA in one incremental update: the {@code /DSS} and the document time-stamp that
     * covers it (ETSI EN 319 142-1 asks for the order DSS → time-stamp, not for two revisions;
     * one load and one save instead of two).
     */
    public byte[] extendToLta(byte[] pdf) {
        return extendToLtaAll(List.of(pdf)).get(0);
    }

    /**
     * {@link #extendToLta} for several documents, in order: each one's {@code /DSS} and time-stamp revision reserved,
     * then their tokens asked for together ({@link TimeStampSource#timeStampAll}: a TSA over the internet answers a
     * chunk of a class's documents in about one round trip instead of one each), then filled in.
     */
    public List<byte[]> extendToLtaAll(List<byte[]> pdfs) {
        List<IncrementalWriter.Reserved> reserved = new ArrayList<>(pdfs.size());
        for (byte[] pdf : pdfs) {
            try (PDDocument document = PdfLoading.load(pdf)) {
                collectValidationData(document, pdf);
                reserved.add(reserveStamp(document, pdf));
            } catch (IOException | CertificateEncodingException e) {
                throw new SigningException("Không bổ sung được dữ liệu xác thực dài hạn và dấu thời gian: " + e.getMessage(), e);
            }
        }
        List<byte[]> tokens = timeStamps.timeStampAll(reserved.stream().map(IncrementalWriter.Reserved::digest).toList());
        List<byte[]> extended = new ArrayList<>(pdfs.size());
        for (int i = 0; i < reserved.size(); i++) {
            extended.add(reservation.fill(reserved.get(i), tokens.get(i), "Dấu thời gian"));
        }
        return extended;
    }

    /** Adds the {@code /DSS} revision only (B-LT). */
    public byte[] addValidationData(byte[] pdf) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            collectValidationData(document, pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 20_000);
            IncrementalWriter.save(document, pdf, out);
            return out.toByteArray();
        } catch (IOException | CertificateEncodingException e) {
            throw new SigningException("Không bổ sung được dữ liệu xác thực dài hạn (/DSS): " + e.getMessage(), e);
        }
    }

    /** Adds a document time-stamp revision only, covering everything before it. */
    public byte[] addDocumentTimeStamp(byte[] pdf) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            return stamp(document, pdf);
        } catch (IOException e) {
            throw new SigningException("Không đóng được dấu thời gian cho văn bản: " + e.getMessage(), e);
        }
    }

    private void collectValidationData(PDDocument document, byte[] pdf) throws IOException, CertificateEncodingException {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        for (EmbeddedSignatures.Embedded embedded : EmbeddedSignatures.read(document, pdf)) {
            embedded.allCertificates().forEach(c -> certificates.putIfAbsent(key(c), c));
        }
        timeStamps.certificateChain().forEach(c -> certificates.putIfAbsent(key(c), c));
        DssDictionary dss = new DssDictionary(document);
        for (X509Certificate certificate : new ArrayList<>(certificates.values())) {
            addWithRevocation(dss, certificate, certificates);
        }
    }

    private byte[] stamp(PDDocument document, byte[] pdf) throws IOException {
        IncrementalWriter.Reserved reserved = reserveStamp(document, pdf);
        return reservation.fill(reserved, timeStamps.timeStamp(reserved.digest()), "Dấu thời gian");
    }

    /** The document time-stamp's revision saved with room for its token; the digest the token must cover. */
    private IncrementalWriter.Reserved reserveStamp(PDDocument document, byte[] pdf) throws IOException {
        int reservedSize = reservation.forDocumentTimeStamp(timeStamps.largestTokenSize());
        try (SignatureOptions options = new SignatureOptions()) {
            PDSignature stamp = new PDSignature();
            stamp.setType(COSName.DOC_TIME_STAMP);
            stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            stamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            options.setPreferredSignatureSize(reservedSize);
            document.addSignature(stamp, options);
            int number = document.getSignatureFields().size();
            SignatureBoxes.finish(document, stamp, "dau_thoi_gian_" + number, null, null);
            return IncrementalWriter.saveWithReservedSignature(document, pdf, stamp, reservedSize);
        }
    }

    private void addWithRevocation(DssDictionary dss, X509Certificate certificate,
                                   Map<String, X509Certificate> known) throws IOException, CertificateEncodingException {
        dss.addCertificate(certificate.getEncoded());
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return; // a trust anchor: nothing revokes it
        }
        X509Certificate issuer = issuerOf(certificate, known.values());
        if (issuer == null) {
            log.warn("No issuer certificate for {}; no revocation data added", certificate.getSubjectX500Principal());
            return;
        }
        RevocationSource.RevocationData data = revocation.revocationData(certificate, issuer);
        if (data.isEmpty()) {
            log.warn("No revocation data reachable for {}", certificate.getSubjectX500Principal());
        }
        for (byte[] crl : data.crls()) {
            dss.addCrl(crl);
        }
        for (byte[] ocsp : data.ocspResponses()) {
            dss.addOcspResponse(ocsp);
            for (X509Certificate responder : responderCertificates(ocsp)) {
                dss.addCertificate(responder.getEncoded());
            }
        }
    }

    private static X509Certificate issuerOf(X509Certificate certificate, Iterable<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (Exception e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }

    private static List<X509Certificate> responderCertificates(byte[] ocsp) {
        List<X509Certificate> result = new ArrayList<>();
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ocsp).getResponseObject();
            for (var holder : basic.getCerts()) {
                result.add(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (Exception e) {
            log.warn("Unreadable OCSP response in revocation data: {}", e.toString());
        }
        return result;
    }

    private static String key(X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(CmsSignature.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
