package vn.hocba.gradebook.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.hocba.common.Rejected;

/**
 * An uploaded .xlsx read the cheap way: the zip's central directory is checked first ({@link PartSizes})
 * and the file refused before any part is inflated; then only the workbook's list of sheets, the
 * shared strings and the one sheet asked for are streamed (SAX), each counted as it inflates. Other
 * sheets, styles, drawings and images are never read. POI's user model ({@code XSSFWorkbook}) is not
 * used for uploads: it inflates and parses every sheet of the file into objects (~30× the XML), which
 * is how a 4.6 MB file with a few 48 MB sheets exhausted the heap.
 */
public final class XlsxPackage implements AutoCloseable {

    private final ZipFile zip;
    private final XlsxLimits limits;
    private final String file;
    private WorkbookParts parts;
    private SharedStrings sharedStrings;

    private XlsxPackage(ZipFile zip, XlsxLimits limits, String file) {
        this.zip = zip;
        this.limits = limits;
        this.file = file;
    }

    /**
     * Opens {@code bytes} (an OOXML zip) and checks its directory against {@code limits}; {@code file}
     * names it in messages ("Tệp “toan.xlsx”"). Refuses, with the part and the limit named, a file
     * with too many parts, a part or a total that inflates beyond the limits, or a zip bomb.
     */
    public static XlsxPackage open(byte[] bytes, String file, XlsxLimits limits) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException | RuntimeException e) {
            throw corrupt(file);
        }
        XlsxPackage xlsx = new XlsxPackage(zip, limits, file);
        try {
            PartSizes.check(Collections.list(zip.getEntries()), limits, file, xlsx::describe);
            xlsx.parts = WorkbookParts.read(xlsx);
            return xlsx;
        } catch (RuntimeException e) {
            xlsx.close();
            throw e;
        }
    }

    /** The names of the sheets, in the workbook's order (hidden sheets too). */
    public List<String> sheetNames() {
        return parts.sheets().stream().map(WorkbookParts.Sheet::name).toList();
    }

    /** The sheet named {@code name} (ignoring case, as POI's {@code getSheet}) if there is one, else the first: its cells. */
    public SheetCells sheetOrFirst(String name) {
        List<WorkbookParts.Sheet> sheets = parts.sheets();
        if (sheets.isEmpty()) {
            throw Rejected.invalid("Tệp không có trang tính nào.");
        }
        WorkbookParts.Sheet sheet = sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElse(sheets.get(0));
        SheetCells cells = new SheetCells(sheet.name());
        parse(sheet.part(), new SheetHandler(cells, sharedStrings(), limits, file));
        return cells;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // an in-memory channel: nothing to release
        }
    }

    /** True when the zip has {@code part}. */
    boolean has(String part) {
        return entry(part) != null;
    }

    /** Streams {@code part} through {@code handler}, counting what inflates: the directory's sizes are not trusted. */
    void parse(String part, ContentHandler handler) {
        ZipArchiveEntry e = entry(part);
        if (e == null) {
            throw corrupt();
        }
        try (InputStream in = new Bounded(zip.getInputStream(e), part)) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException x) {
            Rejected refusal = refusalIn(x);
            throw refusal != null ? refusal : corrupt();
        }
    }

    Rejected corrupt() {
        return corrupt(file);
    }

    private static Rejected corrupt(String file) {
        return Rejected.invalid(file + " bị hỏng hoặc không phải .xlsx hợp lệ nên không đọc được. Hãy mở lại trong Excel, lưu thành "
                + ".xlsx rồi tải lên.");
    }

    /** A part as the user knows it: "trang tính “Ghi chú”", the shared strings, or its path in the zip. */
    private String describe(String part) {
        if (part.endsWith("sharedStrings.xml") || parts != null && part.equals(parts.sharedStrings())) {
            return "bảng chuỗi dùng chung (" + part + ")";
        }
        try {
            WorkbookParts known = parts != null ? parts : WorkbookParts.read(this);
            var sheet = known.sheetInPart(part);
            if (sheet.isPresent()) {
                return "trang tính “" + sheet.get().name() + "” (" + part + ")";
            }
        } catch (RuntimeException e) {
            // the workbook part is itself unreadable: name the part by its path
        }
        return "phần “" + part + "”";
    }

    private SharedStrings sharedStrings() {
        if (sharedStrings == null && parts.sharedStrings() != null && has(parts.sharedStrings())) {
            sharedStrings = new SharedStrings(limits, file);
            parse(parts.sharedStrings(), sharedStrings);
        }
        return sharedStrings;
    }

    private ZipArchiveEntry entry(String part) {
        ZipArchiveEntry e = zip.getEntry(part);
        if (e != null) {
            return e;
        }
        // part names are case-insensitive in OPC
        return Collections.list(zip.getEntries()).stream().filter(x -> x.getName().toLowerCase(Locale.ROOT)
                .equals(part.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    private static Rejected refusalIn(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (t instanceof Rejected r) {
                return r;
            }
            if (t instanceof SAXException s && s.getException() instanceof Rejected r) {
                return r;
            }
        }
        return null;
    }

    /** Inflated bytes of one part, refused past the part limit whatever the directory declared. */
    private final class Bounded extends FilterInputStream {

        private final String part;
        private long read;

        Bounded(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limits.maxPartBytes()) {
                // before the workbook is known, name the part by its path (describing it would read the workbook again)
                throw PartSizes.tooLarge(file, parts == null ? "phần “" + part + "”" : describe(part), -1, limits);
            }
        }
    }
}
