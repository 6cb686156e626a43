package vn.hocba.gradebook.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.hocba.common.Rejected;

/**
 * An uploaded .xlsx read the cheap way: the zip's central directory is checked first (parts, sizes,
 * compression ratio) and the file refused before any part is inflated; then only the workbook's
 * list of sheets, the shared strings and the one sheet asked for are streamed (SAX), each counted as
 * it inflates. Other sheets, styles, drawings and images are never read. POI's user model
 * ({@code XSSFWorkbook}) is not used for uploads: it inflates and parses every sheet of the file into
 * objects (~30× the XML), which is how a 4.6 MB file with a few 48 MB sheets exhausted the heap.
 */
public final class XlsxPackage implements AutoCloseable {

    private static final String OFFICE_DOCUMENT = "/officeDocument";
    private static final String SHARED_STRINGS = "/sharedStrings";

    private record Sheet(String name, String part) {
    }

    private record Relationship(String type, String target) {
    }

    private final ZipFile zip;
    private final XlsxLimits limits;
    private final String file;
    private List<Sheet> sheets;
    private String sharedStringsPart;
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
            xlsx.checkDirectory();
            xlsx.readStructure();
            return xlsx;
        } catch (RuntimeException e) {
            xlsx.close();
            throw e;
        }
    }

    /** The names of the sheets, in the workbook's order (hidden sheets too). */
    public List<String> sheetNames() {
        return sheets.stream().map(Sheet::name).toList();
    }

    /** The sheet named {@code name} if there is one, else the first sheet: its cells, streamed within the limits. */
    public SheetCells sheetOrFirst(String name) {
        if (sheets.isEmpty()) {
            throw Rejected.invalid("Tệp không có trang tính nào.");
        }
        Sheet sheet = sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(sheets.get(0));
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

    private void checkDirectory() {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > limits.maxParts()) {
            throw Rejected.invalid(file + " có " + entries.size() + " phần nén bên trong, vượt giới hạn " + limits.maxParts()
                    + " của một bảng tính. Hãy xoá các trang tính, hình ảnh không cần thiết.");
        }
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > XlsxLimits.RATIO_GRACE_BYTES && packed >= 0 && (double) packed / size < limits.minInflateRatio()) {
                throw Rejected.invalid(file + " có nội dung nén bất thường (nghi là \"zip bomb\"): " + describe(e.getName())
                        + " nén " + kilobytes(packed) + " nhưng giải nén ra " + megabytes(size) + " (tỉ lệ " + size / Math.max(1, packed)
                        + ":1) nên không được mở.");
            }
            if (size > limits.maxPartBytes()) {
                throw tooLarge(e.getName(), size);
            }
            total += Math.max(0, size);
        }
        if (total > limits.maxTotalBytes()) {
            throw Rejected.invalid(file + " giải nén ra tổng cộng " + megabytes(total) + ", vượt giới hạn " + megabytes(limits.maxTotalBytes())
                    + " cho một tệp tải lên. Một bảng điểm lớp chỉ vài trăm KB: hãy xoá các trang tính, hình ảnh không cần thiết.");
        }
    }

    private Rejected tooLarge(String part, long size) {
        return Rejected.invalid(file + ": " + describe(part) + " giải nén ra " + (size < 0 ? "hơn " + megabytes(limits.maxPartBytes())
                : megabytes(size)) + ", vượt giới hạn " + megabytes(limits.maxPartBytes()) + " cho một phần của tệp. Một bảng điểm "
                + "lớp chỉ vài trăm KB: hãy xoá trang tính, dòng, cột hoặc hình ảnh thừa rồi tải lên lại.");
    }

    /** A part as the user knows it: "trang tính “Ghi chú”", the shared strings, or its path in the zip. */
    private String describe(String part) {
        if (part.equals(sharedStringsPart) || part.endsWith("sharedStrings.xml")) {
            return "bảng chuỗi dùng chung (" + part + ")";
        }
        try {
            List<Sheet> known = sheets != null ? sheets : readSheets();
            for (Sheet s : known) {
                if (s.part().equalsIgnoreCase(part)) {
                    return "trang tính “" + s.name() + "” (" + part + ")";
                }
            }
        } catch (RuntimeException e) {
            // the workbook part is itself unreadable: name the part by its path
        }
        return "phần “" + part + "”";
    }

    private void readStructure() {
        sheets = readSheets();
    }

    private List<Sheet> readSheets() {
        String workbook = relationships("_rels/.rels", "").values().stream().filter(r -> r.type().endsWith(OFFICE_DOCUMENT))
                .map(Relationship::target).findFirst().orElse("xl/workbook.xml");
        String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        Map<String, Relationship> rels = relationships(dir + "_rels/" + workbook.substring(dir.length()) + ".rels", dir);
        rels.values().stream().filter(r -> r.type().endsWith(SHARED_STRINGS)).findFirst()
                .ifPresent(r -> sharedStringsPart = r.target());
        List<Sheet> found = new ArrayList<>();
        parse(workbook, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("sheet")) {
                    Relationship r = rels.get(relationshipId(attributes));
                    if (r == null) {
                        throw corrupt(file);
                    }
                    found.add(new Sheet(String.valueOf(attributes.getValue("name")), r.target()));
                }
            }
        });
        return found;
    }

    private static String relationshipId(Attributes attributes) {
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.getLocalName(i).equals("id") && !attributes.getURI(i).isEmpty()) {
                return attributes.getValue(i);
            }
        }
        return null;
    }

    /** The relationships of a part: id → type and target resolved against {@code dir}; none when the part is absent. */
    private Map<String, Relationship> relationships(String part, String dir) {
        Map<String, Relationship> rels = new LinkedHashMap<>();
        if (entry(part) == null) {
            return rels;
        }
        parse(part, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("Relationship") && !"External".equals(attributes.getValue("TargetMode"))) {
                    rels.put(attributes.getValue("Id"), new Relationship(String.valueOf(attributes.getValue("Type")),
                            resolve(dir, String.valueOf(attributes.getValue("Target")))));
                }
            }
        });
        return rels;
    }

    /** A relationship target as a zip entry name: absolute ("/xl/…") or relative to the source part's folder. */
    static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment.replace("%20", " "));
            }
        }
        return String.join("/", parts);
    }

    private SharedStrings sharedStrings() {
        if (sharedStrings == null && sharedStringsPart != null && entry(sharedStringsPart) != null) {
            sharedStrings = new SharedStrings(limits, file);
            parse(sharedStringsPart, sharedStrings);
        }
        return sharedStrings;
    }

    private ZipArchiveEntry entry(String part) {
        ZipArchiveEntry e = zip.getEntry(part);
        if (e != null) {
            return e;
        }
        Map<String, ZipArchiveEntry> byLowerCase = new HashMap<>();
        Collections.list(zip.getEntries()).forEach(x -> byLowerCase.putIfAbsent(x.getName().toLowerCase(java.util.Locale.ROOT), x));
        return byLowerCase.get(part.toLowerCase(java.util.Locale.ROOT));
    }

    /** Streams {@code part} through {@code handler}, counting what inflates: the directory's sizes are not trusted. */
    private void parse(String part, ContentHandler handler) {
        ZipArchiveEntry e = entry(part);
        if (e == null) {
            throw corrupt(file);
        }
        try (InputStream in = new Bounded(zip.getInputStream(e), part)) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException x) {
            Rejected refusal = refusalIn(x);
            throw refusal != null ? refusal : corrupt(file);
        }
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

    static Rejected corrupt(String file) {
        return Rejected.invalid(file + " bị hỏng hoặc không phải .xlsx hợp lệ nên không đọc được. Hãy mở lại trong Excel, lưu thành "
                + ".xlsx rồi tải lên.");
    }

    private static String megabytes(long bytes) {
        return bytes >= 10L * 1024 * 1024 ? bytes / 1024 / 1024 + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace('.', ',');
    }

    private static String kilobytes(long bytes) {
        return Math.max(1, bytes / 1024) + " KB";
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
                throw tooLarge(part, -1);
            }
        }
    }
}
