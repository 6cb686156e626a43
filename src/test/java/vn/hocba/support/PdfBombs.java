package vn.hocba.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Hostile PDFs for the upload tests: small files that unpack to far more than they weigh. */
public final class PdfBombs {

    private PdfBombs() {
    }

    /**
     * {@code pdf} with an incremental update (after its signatures) that appends to the first page's
     * content a Flate stream unpacking to {@code megabytes} MB of spaces: a few hundred kilobytes on disk.
     */
    public static byte[] withFlateBombOnFirstPage(byte[] pdf, int megabytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            COSStream bomb = document.getDocument().createCOSStream();
            bomb.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = bomb.createRawOutputStream()) {
                raw.write(deflatedSpaces(megabytes));
            }
            COSArray contents = new COSArray();
            contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            contents.add(bomb);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            page.getCOSObject().setNeedToBeUpdated(true);
            contents.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] deflatedSpaces(int megabytes) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int i = 0; i < megabytes; i++) {
                out.write(spaces);
            }
        }
        return deflated.toByteArray();
    }
}
