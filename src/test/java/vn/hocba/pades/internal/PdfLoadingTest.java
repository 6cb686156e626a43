package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The block hex decoder reads every hex string exactly as PDFBox's own parser does. */
class PdfLoadingTest {

    private static final String RESERVED = "3082ABCD" + "0".repeat(20_000) + "1F";

    @Test
    void hexStringsWithSpacesOddDigitsLongZeroRunsAndStrayCharactersReadAsPdfBoxReadsThem() throws Exception {
        byte[] pdf = minimalPdf("/Spaced <48 65\n6C 6C\t6F> /Odd <ABC> /Empty <> /Reserved <" + RESERVED + ">"
                + " /Stray <41zz42> /Literal (chu\\(a\\) ky) /Tail <0000000000000000000000000000000A>");

        try (PDDocument ours = PdfLoading.load(pdf); PDDocument theirs = Loader.loadPDF(pdf)) {
            COSDictionary a = ours.getDocumentInformation().getCOSObject();
            COSDictionary b = theirs.getDocumentInformation().getCOSObject();
            for (String key : new String[] {"Spaced", "Odd", "Empty", "Reserved", "Stray", "Literal", "Tail"}) {
                assertThat(string(a, key)).as(key).isEqualTo(string(b, key));
            }
            assertThat(new String(string(a, "Spaced"), StandardCharsets.ISO_8859_1)).isEqualTo("Hello");
            byte[] reserved = string(a, "Reserved");
            assertThat(reserved).hasSize(4 + 10_000 + 1);
            assertThat(Arrays.copyOfRange(reserved, 0, 4)).isEqualTo(HexFormat.of().parseHex("3082ABCD"));
            assertThat(reserved[reserved.length - 1]).isEqualTo((byte) 0x1F);
        }
    }

    private static byte[] string(COSDictionary dictionary, String key) {
        return ((COSString) dictionary.getDictionaryObject(COSName.getPDFName(key))).getBytes();
    }

    /** A one-page PDF whose document information dictionary holds {@code entries}, with a correct xref. */
    private static byte[] minimalPdf(String entries) {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< " + entries + " >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
