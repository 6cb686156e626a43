package vn.hocba.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export package's zip: fixed entry times, and each kind of file deflated only where that pays. A signed PDF's
 * streams that carry a compressing filter (fonts, pages, images: ≈ 9.7 of a class's 35 MB) are already deflated, so
 * they go into the entry's deflate stream as stored blocks ({@link PdfStreamBodies}); the rest of the PDF (embedded
 * XML, the signatures' hex, dictionaries) at {@link #LEVEL}. A file that is itself a zip is stored. A class's package
 * (40 students, 2026-12-07): 14.35 MB of PDF entries in 355 ms of deflate at zlib's default level, 14.97 MB in 156
 * ms this way. The bytes depend only on the files and zlib, as before: two nodes write the same package.
 */
final class PackageZip extends ZipOutputStream {

    /** 1980-01-01, the first time a zip entry carries: the same in every node's time zone. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /**
     * zlib's level 3: within 4 % of the default level's size on a class's PDFs (embedded XML and the signatures'
     * hex, the parts that shrink) at under half its CPU; level 1 saves no more CPU and is larger.
     */
    static final int LEVEL = 3;

    private final byte[] flushed = new byte[8192];

    PackageZip(OutputStream out) {
        super(out);
        setLevel(LEVEL);
    }

    /** A file deflated at {@link #LEVEL}. */
    void deflated(String name, byte[] bytes) throws IOException {
        putNextEntry(entry(name));
        write(bytes);
        closeEntry();
    }

    /** A signed PDF: its already compressed stream bodies as stored blocks, the rest deflated at {@link #LEVEL}. */
    void pdf(String name, byte[] pdf) throws IOException {
        putNextEntry(entry(name));
        int from = 0;
        for (PdfStreamBodies.Range body : PdfStreamBodies.compressed(pdf)) {
            write(pdf, from, body.start() - from);
            level(Deflater.NO_COMPRESSION);
            write(pdf, body.start(), body.end() - body.start());
            level(LEVEL);
            from = body.end();
        }
        write(pdf, from, pdf.length - from);
        closeEntry();
    }

    /** A file kept as it is (a zip inside the package: deflating it again gains nothing). */
    void stored(String name, byte[] bytes) throws IOException {
        ZipEntry entry = entry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        putNextEntry(entry);
        write(bytes);
        closeEntry();
    }

    /**
     * Switches the level before the next bytes. zlib applies a new level only after deflating what it already
     * holds, and the deflater is handed the next bytes before it does so: set while bytes are given, the level would
     * apply one write late. So it is set here with no input, writing out what the switch flushes.
     */
    private void level(int level) throws IOException {
        def.setLevel(level);
        for (int n = def.deflate(flushed, 0, flushed.length); n > 0; n = def.deflate(flushed, 0, flushed.length)) {
            out.write(flushed, 0, n);
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }
}
