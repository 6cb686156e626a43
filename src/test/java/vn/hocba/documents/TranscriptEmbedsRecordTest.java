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
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.hocbaso.RecordVerifier;
import vn.hocba.hocbaso.SampleRecords;
import vn.hocba.hocbaso.XmlDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

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
}
