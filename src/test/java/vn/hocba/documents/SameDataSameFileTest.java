package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** A re-render of the same data (a retried generation) must be recognisably the same file, byte for byte. */
class SameDataSameFileTest {

    @Test
    void aRerenderOfTheSameDataIsTheSameFileIdentifiedByItsDataHash() throws Exception {
        DocumentData data = RenderedSamples.data(DocumentKind.TRANSCRIPT);
        byte[] again = new DocumentRenderer().renderToBytes(data);

        assertThat(again).isEqualTo(RenderedSamples.pdf(DocumentKind.TRANSCRIPT));
        String dataHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(DocumentRenderer.dataXml(data)));
        try (PDDocument document = Loader.loadPDF(again)) {
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(((COSString) id.get(0)).toHexString()).isEqualToIgnoringCase(dataHash.substring(0, 32));
            assertThat(((COSString) id.get(1)).toHexString()).isEqualToIgnoringCase(dataHash.substring(0, 32));
        }
    }

    @Test
    void theDocumentsDatesAreItsIssueDateAndItsFontSubsetsHaveFixedTags() throws Exception {
        try (PDDocument document = Loader.loadPDF(RenderedSamples.pdf(DocumentKind.REPORT_CARD))) {
            var info = document.getDocumentInformation().getCOSObject();
            assertThat(info.getString(COSName.CREATION_DATE)).isEqualTo("D:20250531030000+00'00'");
            assertThat(info.getString(COSName.MOD_DATE)).isEqualTo("D:20250531030000+00'00'");
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.getName()).matches("([A-Z])\\1{5}\\+LiberationSerif.*");
            }
        }
    }
}
