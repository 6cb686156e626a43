package vn.hocba.documents.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Replaces OpenPDF's random font subset tags ("VKBQAV+LiberationSerif") with tags numbered in
 * order of appearance ("HBAAAA+", "HBAAAB+", ...). With the issue time taken from the data and the
 * trailer /ID derived from the data hash, the same data then always gives the same PDF bytes, so
 * a retried generation is recognisably the same file (and committed samples do not churn).
 */
final class FontSubsetTags {

    private FontSubsetTags() {
    }

    static void makeDeterministic(PDDocument document) {
        Map<String, String> renamed = new HashMap<>();
        Set<COSDictionary> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : document.getPages()) {
            if (page.getResources() == null) {
                continue;
            }
            COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                continue;
            }
            for (COSName name : fonts.keySet()) {
                COSDictionary font = fonts.getCOSDictionary(name);
                if (font != null && done.add(font)) {
                    retag(font, renamed);
                }
            }
        }
    }

    private static void retag(COSDictionary font, Map<String, String> renamed) {
        String base = font.getNameAsString(COSName.BASE_FONT);
        if (base == null || base.length() < 8 || base.charAt(6) != '+') {
            return;
        }
        String tagged = renamed.computeIfAbsent(base, b -> tag(renamed.size()) + b.substring(6));
        font.setName(COSName.BASE_FONT, tagged);
        COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
        if (descendants != null) {
            for (int i = 0; i < descendants.size(); i++) {
                if (descendants.getObject(i) instanceof COSDictionary cid) {
                    cid.setName(COSName.BASE_FONT, tagged);
                    rename(cid.getCOSDictionary(COSName.FONT_DESC), tagged);
                }
            }
        }
        rename(font.getCOSDictionary(COSName.FONT_DESC), tagged);
    }

    private static void rename(COSDictionary descriptor, String tagged) {
        if (descriptor != null) {
            descriptor.setName(COSName.FONT_NAME, tagged);
        }
    }

    /** HBAAAA, HBAAAB, ...: six upper-case letters as the PDF specification requires for a tag. */
    private static String tag(int index) {
        char[] letters = {'H', 'B', 'A', 'A', 'A', 'A'};
        for (int i = 5; i >= 2 && index > 0; i--) {
            letters[i] = (char) ('A' + index % 26);
            index /= 26;
        }
        return new String(letters);
    }
}
