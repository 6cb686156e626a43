package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * An incremental save that parses only what the increment reaches writes exactly the bytes PDFBox writes after
 * parsing every object of the file, for each kind of revision HocBa makes (a signature with its stamp, an
 * attachment annotation, validation data), on every revision of the sample and the rendered transcript.
 */
class IncrementReachTest {

    @TempDir
    static Path pkiDir;

    /** Each revision of a transcript's chain, by name. */
    static final Map<String, byte[]> REVISIONS = new LinkedHashMap<>();

    @BeforeAll
    static void signTranscripts() {
        DevelopmentPki pki = DevelopmentPki.createFresh(pkiDir);
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        SigningCredential homeroom = pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
        SigningCredential principal = pki.issue("Lê Văn Nam", "Hiệu trưởng", null);
        byte[] rendered = new DocumentRenderer().renderToBytes(SampleDocuments.create().transcript(0));
        for (var original : Map.of("sample", TestDocuments.transcript(), "rendered", rendered).entrySet()) {
            byte[] pdf = original.getValue();
            REVISIONS.put(original.getKey(), pdf);
            pdf = chain.approve(pdf, SignerRole.HOMEROOM_TEACHER, homeroom);
            REVISIONS.put(original.getKey() + " + homeroom", pdf);
            pdf = chain.approve(pdf, SignerRole.PRINCIPAL, principal);
            REVISIONS.put(original.getKey() + " + principal", pdf);
            pdf = AssociatedFileUpdate.attachToPage(pdf, -1, new AssociatedFileUpdate.File("record.xml", "học bạ số",
                    "application/xml", "Source", "<hocba/>".getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
            REVISIONS.put(original.getKey() + " + record", pdf);
            pdf = chain.approve(pdf, SignerRole.SCHOOL_SEAL, pki.organisation());
            REVISIONS.put(original.getKey() + " + seal", pdf);
            pdf = chain.finish(pdf);
            REVISIONS.put(original.getKey() + " + LTA", pdf);
        }
    }

    @Test
    void aSignatureRevisionIsByteForBytePdfBoxsOwn() throws IOException {
        for (var revision : REVISIONS.entrySet()) {
            assertThat(signed(revision.getValue(), true)).as(revision.getKey())
                    .isEqualTo(signed(revision.getValue(), false));
        }
    }

    @Test
    void anAttachmentRevisionIsByteForBytePdfBoxsOwn() throws IOException {
        for (var revision : REVISIONS.entrySet()) {
            assertThat(attached(revision.getValue(), true)).as(revision.getKey())
                    .isEqualTo(attached(revision.getValue(), false));
        }
    }

    @Test
    void aValidationDataRevisionIsByteForBytePdfBoxsOwn() throws IOException {
        for (var revision : REVISIONS.entrySet()) {
            assertThat(validationData(revision.getValue(), true)).as(revision.getKey())
                    .isEqualTo(validationData(revision.getValue(), false));
        }
    }

    @Test
    void theSaveParsesFewerObjectsThanTheFileHolds() throws IOException {
        byte[] pdf = REVISIONS.get("rendered + LTA");
        try (PDDocument document = PdfLoading.load(pdf)) {
            document.setDocumentId(1L);
            addValidationData(document);
            IncrementalWriter.save(document, pdf, new ByteArrayOutputStream());
            var cos = document.getDocument();
            long parsed = cos.getXrefTable().keySet().stream()
                    .filter(key -> cos.getObjectFromPool(key).isDereferenced()).count();
            assertThat(parsed).isLessThan(cos.getXrefTable().size() / 2);
        }
    }

    private static byte[] signed(byte[] pdf, boolean reach) throws IOException {
        try (PDDocument document = PdfLoading.load(pdf); SignatureOptions options = new SignatureOptions()) {
            document.setDocumentId(1L);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName("Kiểm thử");
            var seal = document.getDocumentCatalog().getAcroForm(null).getField("con_dau");
            boolean sealed = seal == null || seal.getCOSObject().getDictionaryObject(COSName.V) != null;
            PDRectangle box = sealed ? null : SignatureBoxes.reserveExisting(document, "con_dau", signature);
            PDRectangle drawing = sealed ? null : SignatureBoxes.emptyAppearanceBox(document, "con_dau");
            options.setPreferredSignatureSize(ContentsReservation.MINIMUM);
            document.addSignature(signature, options);
            String name = box == null ? "ky_them" : "con_dau";
            var stamp = box == null ? null : StampCopies.draw(document,
                    drawing != null ? drawing : new PDRectangle(box.getWidth(), box.getHeight()), "Kiểm thử",
                    List.of("Kiểm thử", "Ngày ký"), null);
            SignatureBoxes.finish(document, signature, name, box, stamp);
            everyObjectParsedUnless(reach, document);
            return IncrementalWriter.saveWithReservedSignature(document, pdf, signature, ContentsReservation.MINIMUM)
                    .pdf();
        }
    }

    private static byte[] attached(byte[] pdf, boolean reach) throws IOException {
        try (PDDocument document = PdfLoading.load(pdf)) {
            document.setDocumentId(1L);
            PDPage page = document.getPage(document.getNumberOfPages() - 1);
            PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(new byte[] {'x'}));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("them.xml");
            spec.setEmbeddedFile(file);
            PDAnnotationFileAttachment annotation = new PDAnnotationFileAttachment();
            annotation.setFile(spec);
            annotation.setRectangle(new PDRectangle(0, 0, 0, 0));
            annotation.setPage(page);
            COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            if (annotations == null) {
                annotations = new COSArray();
                page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            }
            annotations.add(annotation);
            annotations.setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            everyObjectParsedUnless(reach, document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IncrementalWriter.save(document, pdf, out);
            return out.toByteArray();
        }
    }

    private static byte[] validationData(byte[] pdf, boolean reach) throws IOException {
        try (PDDocument document = PdfLoading.load(pdf)) {
            document.setDocumentId(1L);
            addValidationData(document);
            everyObjectParsedUnless(reach, document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IncrementalWriter.save(document, pdf, out);
            return out.toByteArray();
        }
    }

    private static void addValidationData(PDDocument document) throws IOException {
        DssDictionary dss = new DssDictionary(document);
        dss.addCertificate(new byte[] {0x30, 0x03, 0x02, 0x01, 0x07});
        dss.addCrl(new byte[] {0x30, 0x03, 0x02, 0x01, 0x08});
    }

    /** With every object parsed, the save sees the whole cross-reference table: PDFBox's own save. */
    private static void everyObjectParsedUnless(boolean reach, PDDocument document) throws IOException {
        if (reach) {
            return;
        }
        var cos = document.getDocument();
        for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
            cos.getObjectFromPool(key).getObject();
        }
    }
}
