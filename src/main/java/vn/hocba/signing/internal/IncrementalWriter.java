package vn.hocba.signing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SigningSupport;

/**
 * {@link PDDocument#saveIncrementalForExternalSigning} with one difference: long strings — the
 * reserved {@code /Contents} of the new signature — are written as hex in one block. PDFBox
 * writes them one byte at a time into a synchronised buffer, which was a fifth of the cost of a
 * whole signing chain. Fonts must already be subset ({@link SignatureStamp} does it).
 */
public final class IncrementalWriter {

    private static final int BULK = 1024;

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
                OutputStream target = getStandardOutput();
                target.write('<');
                target.write(HexFormat.of().withUpperCase().formatHex(bytes).getBytes(StandardCharsets.US_ASCII));
                target.write('>');
            }
        };
        writer.write(document);
        return new SigningSupport(writer);
    }
}
