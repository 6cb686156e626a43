package vn.hocba.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Bounds what an uploaded PDF unpacks to before EU DSS reads it (issue 13 item 2). DSS and PDFBox
 * decode compressed streams in memory; a few hundred kilobytes of Flate can expand to gigabytes. Every
 * stream of the file is decoded here once, through the bounded scratch memory the document was loaded
 * with, in chunks that are counted and dropped; the file is refused as soon as the total passes the
 * budget. A signed class gradebook, the largest document HocBa issues, unpacks to well under 64 MB.
 */
final class DecodedSizeBudget {

    /** The most all streams of one uploaded PDF may unpack to. */
    static final long MAX_DECODED_BYTES = 128L * 1024 * 1024;

    /** Raised when the budget is exhausted; the caller turns it into a message for the person. */
    static final class Exceeded extends Exception {
        Exceeded() {
            super("decoded streams exceed " + MAX_DECODED_BYTES + " bytes", null, false, false);
        }
    }

    private final long budget;
    private long used;

    DecodedSizeBudget(long budget) {
        this.budget = budget;
    }

    /** Decodes every stream object of {@code document}, counting; a stream that cannot be decoded is skipped. */
    void check(PDDocument document) throws Exceeded {
        byte[] chunk = new byte[64 * 1024];
        for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object.getObject();
            if (base instanceof COSStream stream) {
                count(stream, chunk);
            }
        }
    }

    private void count(COSStream stream, byte[] chunk) throws Exceeded {
        if (COSName.FLATE_DECODE.equals(stream.getFilters())) {
            inflate(stream, chunk);
            return;
        }
        try (InputStream in = stream.createInputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                used += n;
                if (used > budget) {
                    throw new Exceeded();
                }
            }
        } catch (IOException e) {
            if (isScratchLimit(e)) {
                throw new Exceeded();
            }
            // A damaged stream is DSS's to judge; it is not a size problem.
        }
    }

    /** Flate, nearly every stream of a PDF: inflated here into one reused buffer, nothing kept. */
    private void inflate(COSStream stream, byte[] chunk) throws Exceeded {
        Inflater inflater = new Inflater();
        try (InputStream raw = stream.createRawInputStream()) {
            byte[] input = new byte[16 * 1024];
            for (int n = raw.read(input); n >= 0 && !inflater.finished(); n = raw.read(input)) {
                inflater.setInput(input, 0, n);
                while (!inflater.needsInput() && !inflater.finished() && !inflater.needsDictionary()) {
                    used += inflater.inflate(chunk);
                    if (used > budget) {
                        throw new Exceeded();
                    }
                }
            }
        } catch (IOException | DataFormatException e) {
            // A damaged stream is DSS's to judge; it is not a size problem.
        } finally {
            inflater.end();
        }
    }

    /** PDFBox's bounded scratch memory refused to hold a stream: it unpacks to more than the whole budget. */
    static boolean isScratchLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Maximum allowed") || message.contains("scratch"))) {
                return true;
            }
        }
        return false;
    }
}
