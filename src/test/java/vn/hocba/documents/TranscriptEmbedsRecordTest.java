package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.hocbaso.RecordSlots;
import vn.hocba.hocbaso.RecordVerifier;
import vn.hocba.hocbaso.SampleRecords;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.hocbaso.SignatureSlot;
import vn.hocba.hocbaso.XmlDocuments;
import vn.hocba.hocbaso.Xmlsec1;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.BatchDocuments;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.PadesSigner;
import vn.hocba.pades.SignatureRequest;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * Issue 17: a transcript embeds its student's signed học bạ số record as a PDF/A-3 associated file with
 * {@code /AFRelationship /Source}, after the data XML ({@code /Data}, still {@code /AF[0]}); veraPDF still
 * finds the PDF PDF/A-3b compliant and the embedded record's signatures are intact.
 */
class TranscriptEmbedsRecordTest {

    @TempDir
    Path dir;

    @Test
    void theSignedRecordIsASourceAssociatedFileNextToTheDataXmlAndThePdfStaysPdfA3b() throws Exception {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        TranscriptData transcript = RenderedSamples.SAMPLES.transcript(0);
        byte[] record = XmlDocuments.bytes(SampleRecords.signed(transcript, pki));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocumentRenderer().render(transcript, Optional.of(new SourceAttachment("HS0001.hocbaso.xml",
                "Học bạ số", record)), out);
        byte[] pdf = out.toByteArray();

        assertThat(PdfAValidation.failures(pdf)).as("PDF/A-3b failures").isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray af = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            assertThat(af.size()).isEqualTo(2);
            PDComplexFileSpecification data = new PDComplexFileSpecification((COSDictionary) af.getObject(0));
            PDComplexFileSpecification source = new PDComplexFileSpecification((COSDictionary) af.getObject(1));
            assertThat(data.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Data");
            assertThat(data.getEmbeddedFile().toByteArray()).isEqualTo(DocumentRenderer.dataXml(transcript));
            assertThat(source.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Source");
            assertThat(source.getFilename()).isEqualTo("HS0001.hocbaso.xml");
            byte[] embedded = source.getEmbeddedFile().toByteArray();
            assertThat(embedded).isEqualTo(record);
            assertThat(RecordVerifier.allValid(new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(embedded))))
                    .as("every slot of the embedded record still verifies").isTrue();
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
                    .containsKeys("HS0001.hocbaso.xml", transcript.kind().attachmentName());
        }
    }

    /**
     * The seal step's design (issue 17 item 2): homeroom and principal sign the transcript, then an incremental
     * update attaches the record signed in every slot as a second Source associated file (a file attachment
     * annotation on the approval page), then the seal signs and the LT/LTA extension follows. EU DSS under
     * HocBa's policy: every signature TOTAL_PASSED at PAdES-BASELINE-LTA, the attachment reported after the
     * homeroom's and principal's signatures as an annotation change only, no undefined change, no page
     * difference. veraPDF: still PDF/A-3b. The extracted record is the record, byte for byte, and xmlsec1
     * verifies every slot of it.
     */
    @Test
    void theFullySignedRecordAttachedBeforeTheSealKeepsEverySignatureValidAtLtaAndThePdfA3b() throws Exception {
        String name = "HS0001" + SealedRecords.FILE_SUFFIX;
        Chain chain = new Chain();
        byte[] sealed = chain.run(principal -> {
            byte[] attached = AssociatedFileUpdate.attachToPage(principal, -1, chain.file(name));
            assertThat(java.util.Arrays.copyOf(attached, principal.length)).as("the earlier revisions are untouched")
                    .isEqualTo(principal);
            assertThat(AssociatedFileUpdate.attachToPage(attached, -1, chain.file(name))).as("attached once")
                    .isSameAs(attached);
            return attached;
        });
        everySignatureValidAtLtaWithTheRecord(chain, sealed, name);
    }

    /**
     * What the seal step does since session 26: the record's annotation in the revision of the seal's signature
     * (one load and one save fewer per transcript). The same checks as above: the annotation is a change after the
     * homeroom's and principal's signatures, made by the seal's own revision.
     */
    @Test
    void theFullySignedRecordAttachedInTheSealsRevisionKeepsEverySignatureValidAtLtaAndThePdfA3b() throws Exception {
        String name = "HS0001" + SealedRecords.FILE_SUFFIX;
        Chain chain = new Chain();
        byte[] sealed = chain.sealedWith(chain.file(name));
        everySignatureValidAtLtaWithTheRecord(chain, sealed, name);
    }

    private void everySignatureValidAtLtaWithTheRecord(Chain chain, byte[] sealed, String name) throws Exception {
        Map<String, List<String>> undefined = chain.validate(sealed);
        chain.reports.getSimpleReport().getSignatureIdList().forEach(id -> {
            SimpleReport report = chain.reports.getSimpleReport();
            assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + report.getAdESValidationErrors(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
        assertThat(undefined).as("no undefined change after any signature").allSatisfy((s, c) -> assertThat(c).isEmpty());
        assertThat(chain.annotationChanges.get("Trần Thị Hoa")).as("the attachment, after the homeroom's signature")
                .isNotEmpty();

        assertThat(PdfAValidation.failures(sealed)).as("PDF/A-3b failures").isEmpty();
        Map<String, byte[]> files = AssociatedFileUpdate.all(sealed);
        assertThat(files).containsOnlyKeys(chain.transcript.kind().attachmentName(), "HS0001.hocbaso.xml", name);
        assertThat(files.get(name)).as("the embedded record is the record, byte for byte").isEqualTo(chain.full);
        assertThat(files.get("HS0001.hocbaso.xml")).isEqualTo(chain.atGeneration);
        try (PDDocument document = Loader.loadPDF(sealed)) {
            PDPage last = document.getPage(document.getNumberOfPages() - 1);
            PDAnnotationFileAttachment attachment = last.getAnnotations().stream()
                    .filter(PDAnnotationFileAttachment.class::isInstance).map(PDAnnotationFileAttachment.class::cast)
                    .findFirst().orElseThrow();
            PDComplexFileSpecification spec = (PDComplexFileSpecification) attachment.getFile();
            assertThat(spec.getFilename()).isEqualTo(name);
            assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Source");
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("application/xml");
            assertThat(attachment.getCOSObject().getCOSArray(COSName.getPDFName("AF")).getObject(0))
                    .isSameAs(spec.getCOSObject());
        }
        Path root = dir.resolve("root.pem");
        chain.pki.writeRootPem(root);
        Path record = dir.resolve(name);
        Files.write(record, files.get(name));
        for (SignatureSlot slot : RecordSlots.of(XmlDocuments.parse(chain.full)).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(record, root, "sig-" + slot.id());
            assertThat(result.ok()).as("xmlsec1 " + slot.id() + ": " + result.output()).isTrue();
        }
    }

    /**
     * The design not taken: the record added to the catalog's EmbeddedFiles and /AF before the seal. DSS sees a
     * change of the catalog after the homeroom's and the principal's signatures ("undefined changes"), which
     * HocBa's policy fails (DSS's default policy only warns); the seal's signature, made after it, is unaffected.
     */
    @Test
    void theRecordAddedToTheCatalogInsteadFailsTheEarlierSignaturesUnderOurPolicy() throws Exception {
        Chain chain = new Chain();
        byte[] sealed = chain.run(principal -> AssociatedFileUpdate.add(principal,
                chain.file("HS0001" + SealedRecords.FILE_SUFFIX)));

        Map<String, List<String>> undefined = chain.validate(sealed);
        SimpleReport report = chain.reports.getSimpleReport();
        assertThat(undefined.get("Trần Thị Hoa")).as("the catalog's change after the homeroom teacher's signature")
                .isNotEmpty();
        assertThat(undefined.get("Lê Văn Nam")).isNotEmpty();
        for (String id : report.getSignatureIdList()) {
            boolean earlier = !undefined.get(report.getSignedBy(id)).isEmpty();
            assertThat(report.getIndication(id)).as(report.getSignedBy(id))
                    .isEqualTo(earlier ? Indication.TOTAL_FAILED : Indication.TOTAL_PASSED);
        }
    }

    /** A transcript signed by homeroom teacher and principal, something done to it, then sealed and extended. */
    private final class Chain {

        final DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki-" + System.nanoTime()));
        final TranscriptData transcript = RenderedSamples.SAMPLES.transcript(0);
        final byte[] atGeneration = XmlDocuments.bytes(SampleRecords.unsigned(transcript));
        final byte[] full = XmlDocuments.bytes(SampleRecords.signed(transcript, pki));
        final Map<String, List<String>> annotationChanges = new TreeMap<>();
        Reports reports;

        AssociatedFileUpdate.File file(String name) {
            return new AssociatedFileUpdate.File(name, "Học bạ số đã ký đủ", "application/xml", "Source", full,
                    Instant.parse("2026-05-31T03:00:00Z"));
        }

        final SigningChain signing = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(),
                pki.credentialCheck());

        byte[] run(java.util.function.UnaryOperator<byte[]> beforeSeal) throws Exception {
            return signing.finish(signing.approve(beforeSeal.apply(approved()), SignerRole.SCHOOL_SEAL,
                    pki.organisation()));
        }

        /** Sealed by the seal's batch, which attaches {@code file} in the seal's revision, then extended. */
        byte[] sealedWith(AssociatedFileUpdate.File file) throws Exception {
            byte[][] pdf = {approved()};
            BatchDocuments documents = new BatchDocuments() {
                @Override
                public byte[] read(String documentId) {
                    return pdf[0];
                }

                @Override
                public void replace(String documentId, byte[] signed) {
                    pdf[0] = signed;
                }

                @Override
                public Optional<AssociatedFileUpdate.File> attachment(String documentId) {
                    return Optional.of(file);
                }
            };
            BatchSigner seal = new BatchSigner(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()),
                    pki.credentialCheck());
            assertThat(seal.sign(List.of("t"), documents, SignatureRequest.inBox(SignerRole.SCHOOL_SEAL, Instant.now()),
                    pki.organisation(), (id, outcome, done, total) -> { }).signed()).containsExactly("t");
            return signing.finish(pdf[0]);
        }

        /** Rendered, signed by the homeroom teacher and the principal. */
        private byte[] approved() throws java.io.IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DocumentRenderer().render(transcript, Optional.of(new SourceAttachment("HS0001.hocbaso.xml",
                    "Học bạ số", atGeneration)), out);
            byte[] homeroom = signing.approve(out.toByteArray(), SignerRole.HOMEROOM_TEACHER,
                    pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null));
            return signing.approve(homeroom, SignerRole.PRINCIPAL, pki.issue("Lê Văn Nam", "Hiệu trưởng", null));
        }

        /** Validates with HocBa's policy; the undefined changes DSS found after each signature, by signer. */
        Map<String, List<String>> validate(byte[] pdf) {
            reports = new SignatureVerifier(pki.trustAnchors()).validate(pdf, "transcript.pdf");
            SimpleReport report = reports.getSimpleReport();
            assertThat(report.getSignatureIdList()).hasSize(3);
            Map<String, List<String>> undefined = new TreeMap<>();
            DiagnosticData diagnostic = reports.getDiagnosticData();
            for (String id : report.getSignatureIdList()) {
                String signer = report.getSignedBy(id);
                PDFRevisionWrapper revision = diagnostic.getSignatureById(id).getPDFRevision();
                undefined.put(signer, revision.getPdfUndefinedChanges().stream()
                        .map(m -> m.getAction() + " " + m.getType() + " " + m.getValue()).toList());
                annotationChanges.put(signer, revision.getPdfAnnotationChanges().stream()
                        .map(m -> m.getAction() + " " + m.getType() + " " + m.getValue()).toList());
                assertThat(revision.getPdfPageDifferenceConcernedPages()).as(signer).isEmpty();
                System.out.println("DSS " + signer + ": " + report.getIndication(id) + ", warnings "
                        + report.getAdESValidationWarnings(id).stream().map(Message::getValue).toList()
                        + ", undefined " + undefined.get(signer) + ", annotations " + annotationChanges.get(signer));
            }
            return undefined;
        }
    }
}
