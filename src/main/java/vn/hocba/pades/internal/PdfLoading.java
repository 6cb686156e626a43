package vn.hocba.pades.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Loads a PDF like {@code Loader.loadPDF(byte[])}, except that long hex strings are decoded in
 * blocks. Every signed revision carries a {@code /Contents} of 64 Ki hex digits, which PDFBox reads
 * one character at a time through a {@code StringBuilder} and decodes a second time; each later
 * signature re-reads all earlier ones, which made this a sixth of a transcript's signing chain. A
 * string with anything but hex digits and white space is left to PDFBox's own (lenient) parser.
 */
public final class PdfLoading {

    private PdfLoading() {
    }

    public static PDDocument load(byte[] pdf) throws IOException {
        return new BlockHexParser(pdf).parse();
    }

    /** Per byte: its hex value, or {@link #SPACE}, {@link #END} or {@link #OTHER}. */
    private static final byte[] HEX = new byte[256];
    private static final byte SPACE = -1;
    private static final byte END = -2;
    private static final byte OTHER = -3;
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EIGHT_ZERO_DIGITS = 0x3030303030303030L;

    static {
        Arrays.fill(HEX, OTHER);
        for (char c : "0123456789abcdefABCDEF".toCharArray()) {
            HEX[c] = (byte) Character.digit(c, 16);
        }
        for (char c : new char[] {' ', '\n', '\r', '\t', '\f', 0}) {
            HEX[c] = SPACE;
        }
        HEX['>'] = END;
    }

    private static final class BlockHexParser extends PDFParser {

        private final byte[] block = new byte[8192];

        BlockHexParser(byte[] pdf) throws IOException {
            super(new RandomAccessReadBuffer(pdf), "", null, null, IOUtils.createMemoryOnlyStreamCache());
        }

        @Override
        protected COSString parseCOSString() throws IOException {
            if (source.peek() != '<') {
                return super.parseCOSString();
            }
            long start = source.getPosition();
            source.read();
            byte[] decoded = decodeUpToEnd();
            if (decoded == null) {
                source.seek(start); // not a plain hex string: PDFBox's parser decides
                return super.parseCOSString();
            }
            return new COSString(decoded);
        }

        /** The bytes up to the closing {@code >}, which is consumed; null at anything but hex digits and white space. */
        private byte[] decodeUpToEnd() throws IOException {
            byte[] decoded = new byte[1024];
            int length = 0;
            int high = -1;
            for (int read = source.read(block, 0, block.length); read > 0; read = source.read(block, 0, block.length)) {
                for (int i = 0; i < read; i++) {
                    if (high < 0 && i + 8 <= read && (long) EIGHT_BYTES.get(block, i) == EIGHT_ZERO_DIGITS) {
                        // the unused rest of a reserved /Contents: "0000..." becomes zero bytes (already zero)
                        if (length + 4 > decoded.length) {
                            decoded = Arrays.copyOf(decoded, Math.max(length + 4, length * 2));
                        }
                        length += 4;
                        i += 7;
                        continue;
                    }
                    int value = HEX[block[i] & 0xff];
                    if (value >= 0 && high < 0) {
                        high = value;
                    } else if (value >= 0) {
                        if (length == decoded.length) {
                            decoded = Arrays.copyOf(decoded, length * 2);
                        }
                        decoded[length++] = (byte) (high << 4 | value);
                        high = -1;
                    } else if (value == END) {
                        source.seek(source.getPosition() - (read - i - 1));
                        if (high >= 0) { // an odd number of digits: the last one is followed by 0 (ISO 32000-1 §7.3.4.3)
                            decoded = Arrays.copyOf(decoded, length + 1);
                            decoded[length++] = (byte) (high << 4);
                        }
                        return Arrays.copyOf(decoded, length);
                    } else if (value == OTHER) {
                        return null;
                    }
                }
            }
            return null;
        }
    }
}
