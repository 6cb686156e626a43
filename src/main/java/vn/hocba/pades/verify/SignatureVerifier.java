package vn.hocba.pades.verify;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import vn.hocba.pades.CertificateNames;

/**
 * Verifies the signatures of a PDF with the EU DSS validator: offline (no OCSP, CRL or AIA
 * fetching — everything must be in the document, as PAdES B-LT/LTA promise), with the configured
 * trust anchors, and without DSS's slow page-image comparison. The policy is DSS's default with
 * "undefined changes after signing" raised to FAIL ({@code signing/validation-policy.xml}).
 */
public final class SignatureVerifier {

    private static final String POLICY = "/signing/validation-policy.xml";

    private final List<X509Certificate> trustAnchors;

    public SignatureVerifier(List<X509Certificate> trustAnchors) {
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    public VerificationReport verify(byte[] pdf, String documentName) {
        Reports reports = validate(pdf, documentName);
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();
        List<SignatureFinding> findings = new ArrayList<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            findings.add(finding(signature, simple));
        }
        findings.sort(Comparator.comparing(SignatureFinding::timeStampedTime,
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<TimeStampFinding> archive = diagnostic.getTimestampList().stream()
                .filter(t -> t.getType() == TimestampType.DOCUMENT_TIMESTAMP)
                .map(t -> FileCoverage.timeStamp(t, simple)).sorted(Comparator.comparing(TimeStampFinding::time)).toList();
        return new VerificationReport(documentName, verdict(findings), findings, archive, null,
                FileCoverage.coversWholeFile(diagnostic, pdf.length), FileCoverage.unsignedFields(pdf));
    }

    /** The raw DSS reports, for callers that need more than {@link VerificationReport}. */
    public Reports validate(byte[] pdf, String documentName) {
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf, documentName));
        validator.setCertificateVerifier(offlineVerifier());
        PdfBoxNativeObjectFactory pdfObjects = new PdfBoxNativeObjectFactory();
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        pdfObjects.setPdfDifferencesFinder(differences);
        // an uploaded PDF is untrusted: PDFBox's scratch streams stay within 8 MB of memory and 64 MB of temporary file
        pdfObjects.setPdfMemoryUsageSetting(eu.europa.esig.dss.pdf.PdfMemoryUsageSetting.mixed(8L * 1024 * 1024, 64L * 1024 * 1024));
        validator.setPdfObjFactory(pdfObjects);
        try (InputStream policy = SignatureVerifier.class.getResourceAsStream(POLICY)) {
            return validator.validateDocument(policy);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("validation policy " + POLICY + " unreadable", e);
        }
    }

    private CommonCertificateVerifier offlineVerifier() {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        return verifier;
    }

    private static SignatureFinding finding(SignatureWrapper signature, SimpleReport simple) {
        String id = signature.getId();
        PDFRevisionWrapper revision = signature.getPDFRevision();
        boolean modified = revision != null && (revision.arePdfModificationsDetected()
                || !revision.getPdfUndefinedChanges().isEmpty());
        boolean intact = signature.isSignatureIntact() && signature.isSignatureValid()
                && (revision == null || revision.isSignatureByteRangeValid());
        String role = revision != null && revision.getReason() != null ? revision.getReason()
                : signature.getSigningCertificate() == null ? "" : nullToEmpty(signature.getSigningCertificate().getTitle());
        List<TimeStampFinding> stamps = signature.getTimestampListByType(TimestampType.SIGNATURE_TIMESTAMP).stream()
                .map(t -> FileCoverage.timeStamp(t, simple)).sorted(Comparator.comparing(TimeStampFinding::time)).toList();
        Instant stamped = stamps.isEmpty() ? null : stamps.get(0).time();
        Indication indication = simple.getIndication(id);
        List<String> problems = simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList();
        return new SignatureFinding(id, revision == null ? "" : nullToEmpty(revision.getFirstFieldName()),
                signature.getSigningCertificate() == null ? "?" : signature.getSigningCertificate().getCommonName(),
                role, instant(signature.getClaimedSigningTime()), stamped,
                signature.getSigningCertificate() == null ? "?"
                        : CertificateNames.readable(signature.getSigningCertificate().getCertificateIssuerDN()),
                intact, String.valueOf(simple.getSignatureFormat(id)).replace('_', '-'),
                String.valueOf(indication), simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(),
                problems, modified, stamps);
    }

    private static Verdict verdict(List<SignatureFinding> findings) {
        if (findings.isEmpty()) {
            return Verdict.NOT_SIGNED;
        }
        if (findings.stream().allMatch(SignatureFinding::passed)) {
            return Verdict.VALID;
        }
        boolean failed = findings.stream().anyMatch(f -> !f.intact() || f.changedAfterSigning()
                || "TOTAL_FAILED".equals(f.indication()));
        return failed ? Verdict.INVALID : Verdict.INDETERMINATE;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
