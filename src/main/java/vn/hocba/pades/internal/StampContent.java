package vn.hocba.pades.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Writes the few content-stream operators a stamp needs. PDFBox's content stream applies the
 * font's GSUB rules on every {@code showText} (compiling regular expressions each time), which
 * dominated the cost of a visible signature; a stamp needs no ligatures, so text is encoded
 * directly (glyphs are still registered for the font subset).
 */
final class StampContent {

    private final StringBuilder ops = new StringBuilder(2048);
    private final PDResources resources;

    StampContent(PDResources resources) {
        this.resources = resources;
    }

    StampContent op(String operator, float... operands) {
        for (float operand : operands) {
            ops.append(number(operand)).append(' ');
        }
        ops.append(operator).append('\n');
        return this;
    }

    StampContent font(PDType0Font font, float size) {
        COSName name = resources.add(font);
        ops.append('/').append(name.getName()).append(' ').append(number(size)).append(" Tf\n");
        return this;
    }

    StampContent show(PDType0Font font, String text) throws IOException {
        text.codePoints().forEach(font::addToSubset);
        ops.append('<').append(HexFormat.of().formatHex(font.encode(text))).append("> Tj\n");
        return this;
    }

    void writeTo(PDAppearanceStream appearance) throws IOException {
        try (OutputStream out = appearance.getCOSObject().createOutputStream()) {
            out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** At most three decimals, no trailing zeros ({@code String.format} was a tenth of a stamp's cost). */
    static String number(float value) {
        long thousandths = Math.round(value * 1000.0);
        String sign = thousandths < 0 ? "-" : "";
        long magnitude = Math.abs(thousandths);
        long whole = magnitude / 1000;
        int fraction = (int) (magnitude % 1000);
        if (fraction == 0) {
            return sign + whole;
        }
        String decimals = Integer.toString(1000 + fraction).substring(1);
        int end = decimals.length();
        while (decimals.charAt(end - 1) == '0') {
            end--;
        }
        return sign + whole + "." + decimals.substring(0, end);
    }
}
