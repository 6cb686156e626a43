package vn.hocba.hocbaso;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The UTF-8 bytes {@link XmlBytes} writes, put straight into a byte array: a signed record is 100–200 KB, written
 * once per record and signing step, and going through a {@code StringBuilder} (UTF-16 as soon as a Vietnamese
 * letter appears, grown several times, then encoded) was most of the writer's cost. Text and attribute values
 * are escaped as Saxon escapes them; a character Saxon writes as a character reference is declined
 * ({@link XmlBytes.Declined}), so the caller leaves the whole record to Saxon.
 */
final class XmlOutput {

    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] QUOT = ascii("&#34;");
    private static final byte[] CR = ascii("&#xD;");
    private static final byte[] LF = ascii("&#xA;");
    private static final byte[] TAB = ascii("&#x9;");

    private byte[] bytes;
    private int size;

    XmlOutput(int capacity) {
        this.bytes = new byte[capacity];
    }

    /** What was written, exactly. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void put(char c) {
        room(1);
        bytes[size++] = (byte) c;
    }

    /** A name or markup as it is (no escapes), UTF-8 as {@code String.getBytes} encodes it. */
    void raw(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                size -= i;
                put(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[size++] = (byte) c;
        }
    }

    /**
     * Text or an attribute value as Saxon writes it: {@code &lt; &gt; &amp;} and CR as {@code &#xD;}, in an
     * attribute also {@code &#34; &#xA; &#x9;}; declines C0 controls but tab, LF and CR, 0x7F–0x9F, U+2028 and
     * surrogates (Saxon writes those as references or pairs them).
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a run of ASCII copied at once
    void escaped(String text, boolean inAttribute) {
        int n = text.length();
        room(3 * n);
        int i = 0;
        while (i < n) {
            int run = i;
            char c = 0;
            while (i < n && (c = text.charAt(i)) >= 0x20 && c < 0x7F && c != '<' && c != '>' && c != '&' && c != '"') {
                i++;
            }
            if (i > run) {
                text.getBytes(run, i, bytes, size);
                size += i - run;
            }
            if (i < n) {
                character(c, inAttribute, n - i);
                i++;
            }
        }
    }

    /** One character that is not plain printable ASCII, or one of {@code < > & "}; {@code left}: it and those after. */
    private void character(char c, boolean inAttribute, int left) {
        if (c >= 0x20 && c < 0x7F) {
            switch (c) {
                case '<' -> reference(LT, left);
                case '>' -> reference(GT, left);
                case '&' -> reference(AMP, left);
                default -> controlInAttribute(c, inAttribute, QUOT, left); // '"'
            }
        } else if (c >= 0xA0) {
            if (c == 0x2028 || Character.isSurrogate(c)) {
                throw new XmlBytes.Declined();
            }
            if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            }
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (c == '\r') {
            reference(CR, left);
        } else if (c == '\n') {
            controlInAttribute(c, inAttribute, LF, left);
        } else if (c == '\t') {
            controlInAttribute(c, inAttribute, TAB, left);
        } else {
            throw new XmlBytes.Declined();
        }
    }

    private void controlInAttribute(char c, boolean inAttribute, byte[] reference, int left) {
        if (inAttribute) {
            reference(reference, left);
        } else {
            bytes[size++] = (byte) c;
        }
    }

    /**
     * A character reference for one of the {@code left} characters still to write: a reference is longer than the
     * three bytes per character {@link #escaped} made room for, so room is made again for the rest.
     */
    private void reference(byte[] b, int left) {
        room(b.length + 3 * left);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** {@code length} bytes of {@code b} from {@code offset}, as they are (bytes this writer wrote before). */
    void raw(byte[] b, int offset, int length) {
        room(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
