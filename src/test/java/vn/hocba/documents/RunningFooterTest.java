package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The running footer on every page: the same lines at the same place as on the first page of that size, the page's
 * own number, flush with the right margin of portrait and landscape pages alike (the class gradebook has both).
 */
class RunningFooterTest {

    private static final float MILLIMETRE = 72f / 25.4f;

    @Test
    void everyPageOfTheGradebookShowsTheFooterWhereItsFirstPageOfThatSizeDoes() throws IOException {
        byte[] pdf = RenderedSamples.pdf(DocumentKind.CLASS_GRADEBOOK);
        Map<Float, float[]> firstOfSize = new HashMap<>();
        boolean portrait = false;
        boolean landscape = false;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                float width = document.getPage(page - 1).getMediaBox().getWidth();
                List<TextPosition> glyphs = glyphs(document, page);
                String text = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
                String number = "Trang " + page + "/" + pages;
                int label = text.indexOf("Mã tài liệu: ");
                int hash = text.indexOf("SHA-256 dữ liệu: ");
                int address = text.indexOf("Xác minh tại: http://localhost:8080/xac-minh/");
                int pageNumber = text.indexOf(number);
                assertThat(List.of(label, hash, address, pageNumber)).as("footer lines on page %d", page)
                        .allMatch(i -> i >= 0);
                TextPosition lastDigit = glyphs.get(pageNumber + number.length() - 1);
                float right = lastDigit.getXDirAdj() + lastDigit.getWidthDirAdj();
                float rightMargin = (width > 700 ? 12 : 14) * MILLIMETRE;
                assertThat(right).as("page %d's number ends at the right margin", page)
                        .isCloseTo(width - rightMargin, within(1f));
                float[] place = {glyphs.get(label).getXDirAdj(), glyphs.get(label).getYDirAdj(),
                        glyphs.get(hash).getYDirAdj(), glyphs.get(address).getYDirAdj(),
                        lastDigit.getYDirAdj()};
                assertThat(place).as("footer on page %d as on the first page of its size", page)
                        .containsExactly(firstOfSize.computeIfAbsent(width, w -> place));
                portrait |= width < 700;
                landscape |= width > 700;
            }
        }
        assertThat(portrait && landscape).as("portrait and landscape pages").isTrue();
    }

    /** A page's glyphs in reading order. */
    private static List<TextPosition> glyphs(PDDocument document, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return glyphs;
    }
}
