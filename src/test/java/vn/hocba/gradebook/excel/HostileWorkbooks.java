package vn.hocba.gradebook.excel;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Turns a valid .xlsx into the files an attacker (or a broken program) sends: extra sheets of tens
 * of MB that still compress below the 5 MB upload limit and pass POI's inflate-ratio guard, a
 * shared-strings part with a million strings, a cell whose stored number is "NaN", a central
 * directory that lies about a part's size.
 */
public final class HostileWorkbooks {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private HostileWorkbooks() {
    }

    /** {@code xlsx} with {@code count} more sheets ("Ghi chú 1", …) of about {@code megabytes} MB of XML each (~45:1 deflated). */
    public static byte[] withExtraSheets(byte[] xlsx, int count, int megabytes) {
        Map<String, byte[]> parts = parts(xlsx);
        StringBuilder sheets = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        StringBuilder types = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sheets.append("<sheet xmlns:r=\"").append(RELATIONSHIPS).append("\" name=\"Ghi chú ").append(i).append("\" sheetId=\"")
                    .append(100 + i).append("\" r:id=\"rIdHuge").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rIdHuge").append(i).append("\" Type=\"").append(RELATIONSHIPS)
                    .append("/worksheet\" Target=\"worksheets/huge").append(i).append(".xml\"/>");
            types.append("<Override PartName=\"/xl/worksheets/huge").append(i).append(".xml\" ContentType=\"application/")
                    .append("vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        insertBefore(parts, "xl/workbook.xml", "</sheets>", sheets.toString());
        insertBefore(parts, "xl/_rels/workbook.xml.rels", "</Relationships>", rels.toString());
        insertBefore(parts, "[Content_Types].xml", "</Types>", types.toString());
        return zip(parts, zip -> {
            for (int i = 1; i <= count; i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/huge" + i + ".xml"));
                hugeSheet(zip, megabytes * 1024L * 1024L);
                zip.closeEntry();
            }
        });
    }

    /** {@code xlsx} whose shared-strings part has {@code extra} more distinct strings after its own. */
    public static byte[] withSharedStrings(byte[] xlsx, int extra) {
        Map<String, byte[]> parts = parts(xlsx);
        StringBuilder strings = new StringBuilder(extra * 24);
        for (int i = 0; i < extra; i++) {
            strings.append("<si><t>chuỗi số ").append(i).append("</t></si>");
        }
        insertBefore(parts, "xl/sharedStrings.xml", "</sst>", strings.toString());
        return zip(parts, zip -> { });
    }

    /** {@code xlsx} with every {@code <v>from</v>} of its sheets written as {@code <v>to</v>} (e.g. "NaN"). */
    public static byte[] withStoredValue(byte[] xlsx, String from, String to) {
        Map<String, byte[]> parts = parts(xlsx);
        parts.replaceAll((name, bytes) -> name.startsWith("xl/worksheets/")
                ? text(bytes).replace("<v>" + from + "</v>", "<v>" + to + "</v>").getBytes(StandardCharsets.UTF_8) : bytes);
        return zip(parts, zip -> { });
    }

    /** {@code xlsx} with {@code part} padded by {@code megabytes} MB of spaces after its XML (deflates ~1000:1). */
    public static byte[] padded(byte[] xlsx, String part, int megabytes) {
        Map<String, byte[]> parts = parts(xlsx);
        byte[] own = parts.remove(part);
        return zip(parts, zip -> {
            zip.putNextEntry(new ZipEntry(part));
            zip.write(own);
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        });
    }

    /** {@code xlsx} whose central directory declares {@code declared} bytes for {@code part} (whatever it really inflates to). */
    public static byte[] withDeclaredSize(byte[] xlsx, String part, int declared) {
        byte[] bytes = xlsx.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < bytes.length; at++) {
            if (b.getInt(at) == 0x02014b50 && b.getShort(at + 28) == name.length
                    && java.util.Arrays.equals(bytes, at + 46, at + 46 + name.length, name, 0, name.length)) {
                b.putInt(at + 24, declared);
                return bytes;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + part);
    }

    /** Names and contents of the parts of a zip. */
    public static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    interface Extra {
        void write(ZipOutputStream zip) throws IOException;
    }

    /** The parts zipped again (deflated), then whatever {@code extra} writes. */
    public static byte[] zip(Map<String, byte[]> parts, Extra extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
            extra.write(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rows of 26 one-digit numbers, a random digit every 8th cell: ~45:1 deflated, well inside POI's 100:1 guard. */
    private static void hugeSheet(OutputStream zip, long bytes) throws IOException {
        Writer w = new OutputStreamWriter(new BufferedOutputStream(new NonClosing(zip), 1 << 16), StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        Random random = new Random(1);
        StringBuilder row = new StringBuilder();
        for (long written = 0, r = 1; written < bytes; r++) {
            row.setLength(0);
            row.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 26; c++) {
                row.append("<c><v>").append(c % 8 == 0 ? random.nextInt(10) : 5).append("</v></c>");
            }
            row.append("</row>");
            w.write(row.toString());
            written += row.length();
        }
        w.write("</sheetData></worksheet>");
        w.flush();
    }

    private static void insertBefore(Map<String, byte[]> parts, String part, String marker, String text) {
        String xml = text(parts.get(part));
        int at = xml.lastIndexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException(part + " has no " + marker);
        }
        parts.put(part, (xml.substring(0, at) + text + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
