package vn.hocba.documents.internal;

import com.lowagie.text.pdf.BaseFont;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * A font resolver that knows only Liberation Serif. Flying Saucer's default resolver preloads the
 * base-14 fonts (Times, Helvetica, Courier, ...), which PDF/A forbids because they are not
 * embedded; every generic family and the fallback ("Serif") map to Liberation Serif here.
 */
final class LiberationFontResolver extends ITextFontResolver {

    private static final List<String> FAMILIES = List.of(
            "Liberation Serif", "Times New Roman", "Serif", "SansSerif", "Monospaced");

    LiberationFontResolver() {
        for (BaseFont font : EmbeddedFonts.liberationSerif()) {
            for (String family : FAMILIES) {
                // The path is read again for underline/strike-out metrics; a classpath resource works.
                addFont(font, EmbeddedFonts.resourcePath(font), family);
            }
        }
    }

    @Override
    protected Map<String, FontFamily> loadFonts() {
        return new HashMap<>();
    }
}
