package vn.hocba.pades.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SigningSupport;

/**
 * {@link PDDocument#saveIncrementalForExternalSigning} with two differences: long strings — the
 * reserved {@code /Contents} of the new signature — are written as hex in one block (PDFBox
 * writes them one byte at a time into a synchronised buffer, which was a fifth of the cost of a
 * whole signing chain), and only the objects the increment reaches are parsed ({@link IncrementReach}).
 * Fonts must already be subset ({@link SignatureStamp} does it).
 */
public final class IncrementalWriter {

    private static final int BULK = 1024;
    private static final byte[] DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private IncrementalWriter() {
    }

    /** Writes the incremental update of {@code document}, loaded from {@code original}, to {@code out}. */
    public static ExternalSigningSupport saveForExternalSigning(PDDocument document, byte[] original, OutputStream out)
            throws IOException {
        COSWriter writer = new COSWriter(out, new RandomAccessReadBuffer(original)) {
            @Override
            public void visitFromString(COSString string) throws IOException {
                byte[] bytes = string.getBytes();
                if (bytes.length < BULK) {
                    super.visitFromString(string);
                    return;
                }
                byte[] hex = new byte[2 * bytes.length + 2];
                hex[0] = '<';
                for (int i = 0; i < bytes.length; i++) {
                    hex[2 * i + 1] = DIGITS[(bytes[i] >> 4) & 0xF];
                    hex[2 * i + 2] = DIGITS[bytes[i] & 0xF];
                }
                hex[hex.length - 1] = '>';
                getStandardOutput().write(hex);
            }
        };
        IncrementReach.save(document, () -> writer.write(document));
        return new SigningSupport(writer);
    }

    /**
     * {@link PDDocument#saveIncremental(OutputStream)} of {@code document}, loaded from {@code original}, for an
     * update without a signature and without new fonts (PDFBox would subset those first), parsing only the objects
     * the increment reaches ({@link IncrementReach}).
     */
    public static void save(PDDocument document, byte[] original, OutputStream out) throws IOException {
        COSWriter writer = new COSWriter(out, new RandomAccessReadBuffer(original));
        IncrementReach.save(document, () -> writer.write(document));
    }

    /**
     * A document saved with an empty (all zero) reserved {@code /Contents}: {@code contentsStart}
     * is the first hex digit, {@code contentsEnd} the closing {@code >}; {@code digest} is the
     * SHA-256 of the signed byte range.
     */
    public record Reserved(byte[] pdf, int contentsStart, int contentsEnd, byte[] digest) {

        /** Bytes the reserved space holds. */
        public int capacity() {
            return (contentsEnd - contentsStart) / 2;
        }

        /** A copy of the document with {@code cms} (at most {@link #capacity()} bytes) written into the reserved space. */
        public byte[] withContents(byte[] cms) {
            byte[] hex = HexFormat.of().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
            if (cms.length > capacity()) {
                throw new IllegalArgumentException(cms.length + " bytes do not fit into " + capacity());
            }
            byte[] signed = pdf.clone();
            System.arraycopy(hex, 0, signed, contentsStart, hex.length);
            return signed;
        }
    }

    /**
     * Saves the incremental update with {@code signature}'s {@code /Contents} left empty and hashes
     * its byte range straight from the written bytes (PDFBox's {@code getContent()} stream reads
     * the whole document again one byte at a time).
     */
    public static Reserved saveWithReservedSignature(PDDocument document, byte[] original, PDSignature signature,
                                                     int reservedSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 2 * reservedSize + 40_000);
        saveForExternalSigning(document, original, out).setSignature(new byte[0]);
        byte[] pdf = out.toByteArray();
        int[] range = signature.getByteRange();
        MessageDigest sha256 = CmsSignature.sha256Digest();
        sha256.update(pdf, range[0], range[1]);
        sha256.update(pdf, range[2], range[3]);
        return new Reserved(pdf, range[1] + 1, range[2] - 1, sha256.digest());
    }
}
