package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class StampCopiesTest {

    private static final PDRectangle BOX = new PDRectangle(0, 0, 180.5f, 62.25f);
    private static final List<String> LINES = List.of("Ký số bởi: TRƯỜNG THCS NGUYỄN DU", "Ngày ký: 06/12/2026 13:40 (GMT+7)");

    @Test
    void aCopiedSealStampIsObjectForObjectAndByteForByteTheStampDrawnAgain() throws IOException {
        try (PDDocument drawn = new PDDocument(); PDDocument first = new PDDocument();
             PDDocument second = new PDDocument()) {
            String expected = canonical(SignatureStamp.draw(drawn, BOX, "Đã ký số và đóng dấu", LINES,
                    "TRƯỜNG THCS NGUYỄN DU").getCOSObject());

            String firstCopy = canonical(StampCopies.draw(first, BOX, "Đã ký số và đóng dấu", LINES,
                    "TRƯỜNG THCS NGUYỄN DU").getCOSObject());
            String secondCopy = canonical(StampCopies.draw(second, BOX, "Đã ký số và đóng dấu", LINES,
                    "TRƯỜNG THCS NGUYỄN DU").getCOSObject());

            assertThat(expected).contains("FontFile2").contains("stream ");
            assertThat(firstCopy).isEqualTo(expected);
            assertThat(secondCopy).isEqualTo(expected);
        }
    }

    @Test
    void twoDocumentsStampedAlikeShareNoObjectThatEitherCouldChange() throws IOException {
        try (PDDocument one = new PDDocument(); PDDocument other = new PDDocument()) {
            COSStream a = StampCopies.draw(one, BOX, "Giáo viên chủ nhiệm", List.of("Trần Thị Hoa", "Ngày ký: 06/12/2026"),
                    null).getCOSObject();
            COSStream b = StampCopies.draw(other, BOX, "Giáo viên chủ nhiệm", List.of("Trần Thị Hoa", "Ngày ký: 06/12/2026"),
                    null).getCOSObject();

            Set<COSBase> ofOne = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            containers(a, ofOne);
            Set<COSBase> ofOther = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            containers(b, ofOther);
            assertThat(ofOne).hasSizeGreaterThan(5);
            ofOther.forEach(o -> assertThat(ofOne.contains(o)).as("the same instance in both: " + o).isFalse());
        }
    }

    @Test
    void stampsThatDifferInTheirTextOrBoxAreEachDrawnForWhatTheyShow() throws IOException {
        try (PDDocument one = new PDDocument(); PDDocument other = new PDDocument();
             PDDocument wider = new PDDocument()) {
            String hoa = canonical(StampCopies.draw(one, BOX, "Giáo viên chủ nhiệm", List.of("Trần Thị Hoa", "Ngày ký"),
                    null).getCOSObject());
            String nam = canonical(StampCopies.draw(other, BOX, "Giáo viên chủ nhiệm", List.of("Lê Văn Nam", "Ngày ký"),
                    null).getCOSObject());
            String hoaWider = canonical(StampCopies.draw(wider, new PDRectangle(0, 0, 200, 62.25f),
                    "Giáo viên chủ nhiệm", List.of("Trần Thị Hoa", "Ngày ký"), null).getCOSObject());

            assertThat(nam).isNotEqualTo(hoa);
            assertThat(hoaWider).isNotEqualTo(hoa).contains("200");
        }
    }

    /** The object tree as text: entries in order, whether direct, and every stream's encoded bytes. */
    private static String canonical(COSBase object) throws IOException {
        StringBuilder out = new StringBuilder();
        write(object, out, new IdentityHashMap<>());
        return out.toString();
    }

    private static void write(COSBase object, StringBuilder out, Map<COSBase, Integer> seen) throws IOException {
        if (object instanceof COSDictionary || object instanceof COSArray) {
            Integer number = seen.get(object);
            if (number != null) {
                out.append("ref ").append(number);
                return;
            }
            seen.put(object, seen.size());
            out.append(object.isDirect() ? "direct " : "");
        }
        if (object instanceof COSStream stream) {
            try (InputStream in = stream.createRawInputStream()) {
                out.append("stream ").append(HexFormat.of().formatHex(in.readAllBytes())).append(' ');
            }
        }
        if (object instanceof COSDictionary dictionary) {
            out.append("<<");
            for (var entry : dictionary.entrySet()) {
                out.append(entry.getKey().getName()).append('=');
                write(entry.getValue(), out, seen);
                out.append(';');
            }
            out.append(">>");
        } else if (object instanceof COSArray array) {
            out.append('[');
            for (COSBase item : array) {
                write(item, out, seen);
                out.append(',');
            }
            out.append(']');
        } else if (object instanceof COSString string) {
            out.append("string ").append(HexFormat.of().formatHex(string.getBytes())).append(string.getForceHexForm());
        } else if (!(object instanceof COSStream)) {
            out.append(object);
        }
    }

    private static void containers(COSBase object, Set<COSBase> found) {
        if (!(object instanceof COSDictionary || object instanceof COSArray || object instanceof COSString)
                || !found.add(object)) {
            return;
        }
        if (object instanceof COSDictionary dictionary) {
            dictionary.getValues().forEach(v -> containers(v, found));
        } else if (object instanceof COSArray array) {
            array.forEach(v -> containers(v, found));
        }
    }
}
