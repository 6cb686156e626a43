package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.pades.TestDocuments;

/**
 * Cross-reference tables read straight from the bytes give the loaded document PDFBox's own table and trailer, for
 * files written by OpenPDF and PDFBox with incremental updates, for every end of line the standard allows, free
 * entries and several subsections; what is not the standard layout is left to PDFBox.
 */
class StandardXrefTableTest {

    @Test
    void theLoadedDocumentHasPdfBoxsOwnTableAndTrailer() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sample", TestDocuments.transcript());
        files.put("rendered", new DocumentRenderer().renderToBytes(SampleDocuments.create().transcript(0)));
        for (String name : new String[] {"sample", "rendered"}) {
            byte[] pdf = files.get(name);
            for (String file : new String[] {"a.xml", "b.xml"}) {
                pdf = AssociatedFileUpdate.attachToPage(pdf, -1, new AssociatedFileUpdate.File(file, "tệp", "text/xml",
                        "Source", "<a/>".getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
            }
            files.put(name + " + two revisions", pdf);
        }
        files.put("compressed", compressed(TestDocuments.transcript()));
        String minimal = minimal("\n", "0 6\n0000000000 65535 f \n%s%s%s%s0000000000 65535 f \n");
        files.put("minimal, \\n", minimal.getBytes(StandardCharsets.ISO_8859_1));
        files.put("minimal, \\r\\n", minimal("\r\n", "0 5\r\n0000000000 65535 f\r\n%s%s%s%s")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("minimal, space \\r", minimal("\r", "0 1\r0000000000 65535 f \r1 4\r%s%s%s%s")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("minimal, comment", minimal("\n", "0 5\n0000000000 65535 f \n%s%s%s%s%% a comment\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("minimal, short entries", minimal("\n", "0 5\n0000000000 65535 f\n%s%s%s%s").replace(" n \n", " n\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        // The sample transcript has a cross-reference stream (so have its revisions), the rendered one tables.
        for (String name : new String[] {"rendered", "rendered + two revisions", "minimal, \\n", "minimal, \\r\\n",
                "minimal, space \\r"}) {
            try (PDDocument theirs = Loader.loadPDF(files.get(name))) {
                assertThat(everySection(files.get(name))).as(name + ": the standard layout, read straight")
                        .isEqualTo(theirs.getDocument().getXrefTable());
            }
        }
        for (var file : files.entrySet()) {
            try (PDDocument ours = PdfLoading.load(file.getValue());
                    PDDocument theirs = Loader.loadPDF(file.getValue())) {
                assertThat(ours.getDocument().getXrefTable()).as(file.getKey())
                        .isEqualTo(theirs.getDocument().getXrefTable()).isNotEmpty();
                assertThat(ours.getDocument().getTrailer().toString()).as(file.getKey())
                        .isEqualTo(theirs.getDocument().getTrailer().toString());
                assertThat(ours.getDocument().getTrailer().getCOSDictionary(COSName.ROOT)).isNotNull();
                assertThat(ours.getNumberOfPages()).isEqualTo(theirs.getNumberOfPages());
            }
        }
    }

    @Test
    void theStandardLayoutIsReadAndAnythingElseLeftToPdfBox() {
        byte[] pdf = minimal("\r\n", "0 5\r\n0000000000 65535 f\r\n%s%s%s%s").getBytes(StandardCharsets.ISO_8859_1);
        StandardXrefTable.Section section = StandardXrefTable.read(pdf, xref(pdf));
        assertThat(section.entries()).extracting(StandardXrefTable.Entry::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(new String(pdf, section.trailer(), 7, StandardCharsets.ISO_8859_1)).isEqualTo("trailer");

        for (String table : new String[] {"0 5\n0000000000 65535 f \n%s%s%s%s%% a comment\n",
                "0 5\n0000000000 65535 f\n%s%s%s%s", "0 6\n0000000000 65535 f \n%s%s%s%s"}) {
            byte[] other = minimal("\n", table).replace(" n \n", " n\n").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(StandardXrefTable.read(other, xref(other))).as(table).isNull();
        }
        byte[] empty = "xref\ntrailer\n<< >>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(StandardXrefTable.read(empty, 0)).isNull();
    }

    /** The entries of every section of the file, a later one replacing an earlier one; fails on a non-standard one. */
    private static Map<COSObjectKey, Long> everySection(byte[] pdf) {
        Map<COSObjectKey, Long> table = new java.util.HashMap<>();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf("xref"); at >= 0; at = text.indexOf("xref", at + 1)) {
            if (at >= 5 && text.startsWith("start", at - 5)) {
                continue;
            }
            StandardXrefTable.Section section = StandardXrefTable.read(pdf, at);
            assertThat(section).as("section at " + at).isNotNull();
            section.entries().forEach(e -> table.put(new COSObjectKey(e.number(), e.generation()), e.offset()));
        }
        return table;
    }

    /** The first {@code xref} of the file: the table's (the trailer's {@code startxref} comes after it). */
    private static int xref(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).indexOf("xref");
    }

    private static byte[] compressed(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Four objects; {@code table} is the xref section's body with four {@code %s} for the entries. */
    private static String minimal(String eol, String table) {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< /Title (x) >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.7" + eol);
        Object[] entries = new Object[objects.length];
        for (int i = 0; i < objects.length; i++) {
            String entryEol = eol.equals("\n") ? " \n" : eol.equals("\r") ? " \r" : "\r\n";
            entries[i] = String.format("%010d 00000 n", pdf.length()) + entryEol;
            pdf.append(i + 1).append(" 0 obj").append(eol).append(objects[i]).append(eol).append("endobj").append(eol);
        }
        int xref = pdf.length();
        pdf.append("xref").append(eol).append(String.format(table, entries));
        pdf.append("trailer").append(eol).append("<< /Size 5 /Root 1 0 R /Info 4 0 R >>").append(eol)
                .append("startxref").append(eol).append(xref).append(eol).append("%%EOF").append(eol);
        return pdf.toString();
    }
}
