package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;

/**
 * Reading back the data XML of an uploaded PDF, which anyone may send to the public verification
 * service: the attachment is inflated within a limit, never whole into memory.
 */
class EmbeddedDataTest {

    private static final String NAME = DocumentKind.values()[0].attachmentName();

    @Test
    void aDataAttachmentIsReadBackStoredPlainOrDeflated() throws IOException {
        byte[] xml = "<hocba>dữ liệu</hocba>".getBytes(StandardCharsets.UTF_8);
        try (PDDocument plain = Loader.loadPDF(pdf(xml, false)); PDDocument deflated = Loader.loadPDF(pdf(deflate(xml), true))) {
            assertThat(EmbeddedData.xmlOf(plain)).hasValue(xml);
            assertThat(EmbeddedData.xmlOf(deflated)).hasValue(xml);
        }
    }

    @Test
    void aTreeOfEmbeddedFilesThatLeadsBackToItselfHoldsNoDataAndEndsTheSearch() throws IOException {
        // An uploaded file's /EmbeddedFiles whose kid is the node itself overflowed the request thread's stack (attack 30).
        String pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                + "4 0 obj\n<< /Kids [5 0 R] >>\nendobj\n5 0 obj\n<< /Kids [4 0 R] >>\nendobj\n"
                + "xref\n0 6\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
        try (PDDocument document = Loader.loadPDF(pdf.getBytes(StandardCharsets.US_ASCII))) {
            assertThat(EmbeddedData.xmlOf(document)).isEmpty();
        }
    }

    @Test
    void anAttachmentThatInflatesToHundredsOfMegabytesIsNotReadIntoMemory() throws IOException {
        byte[] bomb = zerosDeflated(300L * 1024 * 1024);
        byte[] pdf = pdf(bomb, true);
        assertThat(pdf.length).as("small enough for the 10 MB upload limit").isLessThan(10 * 1024 * 1024);
        Runtime heap = Runtime.getRuntime();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            System.gc();
            long before = heap.totalMemory() - heap.freeMemory();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(EmbeddedData.xmlOf(document)).isEmpty());
            long grew = heap.totalMemory() - heap.freeMemory() - before;
            assertThat(grew).as("heap growth while reading").isLessThan(200L * 1024 * 1024);
        }
    }

    /** A one-page PDF carrying {@code stream} (deflated or not) as the first document kind's data attachment. */
    private static byte[] pdf(byte[] stream, boolean deflated) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            COSStream cos = document.getDocument().createCOSStream();
            try (OutputStream raw = cos.createRawOutputStream()) {
                raw.write(stream);
            }
            if (deflated) {
                cos.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            }
            PDEmbeddedFile file = new PDEmbeddedFile(cos);
            file.setSubtype("application/xml");
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(NAME);
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(NAME, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zerosDeflated(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (long written = 0; written < size; written += zeros.length) {
                z.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
