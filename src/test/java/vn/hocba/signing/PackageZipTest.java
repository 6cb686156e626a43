package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class PackageZipTest {

    /** 64 KiB that deflate cannot shrink, as a font's FlateDecode body. */
    private static final byte[] DEFLATED_BODY = random(65_536);

    @Test
    void theCompressedStreamBodiesOfAPdfAreFoundByTheirLengthOrTheirEndstream() {
        byte[] pdf = pdf();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int first = text.indexOf("stream\r\n") + "stream\r\n".length();
        int second = text.indexOf("stream\n", text.indexOf("5 0 obj")) + "stream\n".length();
        assertThat(PdfStreamBodies.compressed(pdf)).containsExactly(
                new PdfStreamBodies.Range(first, first + DEFLATED_BODY.length),
                new PdfStreamBodies.Range(second, second + DEFLATED_BODY.length + 1)); // up to endstream: its EOL too
    }

    @Test
    void aPdfEntryReadsBackAsTheSameBytesAndOnlyItsUncompressedPartsShrink() throws IOException {
        byte[] pdf = pdf();
        byte[] zip = zip(pdf);
        ZipEntry entry = entries(zip).keySet().iterator().next();
        assertThat(entries(zip).values().iterator().next()).isEqualTo(pdf);
        // the two random bodies as stored blocks, the 200 KB of zeros and text in a few hundred bytes
        assertThat(entry.getCompressedSize()).isBetween(2L * DEFLATED_BODY.length, 2L * DEFLATED_BODY.length + 2_000);
    }

    @Test
    void theSameFilesMakeTheSameBytes() throws IOException {
        assertThat(zip(pdf())).isEqualTo(zip(pdf()));
    }

    @Test
    void aZipInThePackageIsStoredAsItIs() throws IOException {
        byte[] inner = random(10_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PackageZip zip = new PackageZip(out)) {
            zip.stored("hocbaso/6A1.hocbaso-package.zip", inner);
            zip.deflated("manifest.json", "{}".getBytes(StandardCharsets.US_ASCII));
        }
        Map<ZipEntry, byte[]> entries = entries(out.toByteArray());
        ZipEntry stored = entries.keySet().iterator().next();
        assertThat(stored.getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(entries.get(stored)).isEqualTo(inner);
        assertThat(entries.values()).last().isEqualTo("{}".getBytes(StandardCharsets.US_ASCII));
    }

    /** A PDF-like file: a FlateDecode stream with a direct /Length, one with an indirect one, and compressible rest. */
    private static byte[] pdf() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.7\n4 0 obj\n<</Filter/FlateDecode/Length " + DEFLATED_BODY.length + ">>stream\r\n"));
        pdf.writeBytes(DEFLATED_BODY);
        pdf.writeBytes(ascii("\r\nendstream\nendobj\n6 0 obj\n<</Contents<" + "0".repeat(100_000) + ">>>\nendobj\n"));
        pdf.writeBytes(ascii("5 0 obj\n<</Length 7 0 R/Filter /FlateDecode>>\nstream\n"));
        pdf.writeBytes(DEFLATED_BODY);
        pdf.writeBytes(ascii("\nendstream\nendobj\n8 0 obj\n<</Length 20>>stream\nBT /F1 12 Tf (a) Tj ET\nendstream\n"));
        pdf.writeBytes(ascii("%" + "xref trailer text ".repeat(5_000) + "\n%%EOF\n"));
        return pdf.toByteArray();
    }

    private static byte[] zip(byte[] pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PackageZip zip = new PackageZip(out)) {
            zip.pdf("pdf/a.pdf", pdf);
        }
        return out.toByteArray();
    }

    private static Map<ZipEntry, byte[]> entries(byte[] zip) throws IOException {
        Map<ZipEntry, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                entries.put(e, bytes);
            }
        }
        return entries;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(19).nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
