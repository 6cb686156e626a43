package vn.hocba.suite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Hostile uploads made in the test: broken, encrypted and bomb workbooks, an old .xls, broken and huge PDFs. */
final class MalformedFiles {

    private MalformedFiles() {
    }

    /** Spreadsheets by name (the name is also the uploaded file name). */
    static Map<String, byte[]> spreadsheets(Random random) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] valid = workbook(1);
        files.put("truncated.xlsx", Arrays.copyOf(valid, valid.length / 2));
        byte[] flipped = valid.clone();
        for (int i = 0; i < 40; i++) {
            flipped[64 + random.nextInt(flipped.length - 64)] ^= (byte) (1 + random.nextInt(255));
        }
        files.put("bytes-flipped.xlsx", flipped);
        byte[] noise = new byte[20_000];
        random.nextBytes(noise);
        noise[0] = 'P';
        noise[1] = 'K';
        noise[2] = 3;
        noise[3] = 4;
        files.put("zip-header-noise.xlsx", noise);
        files.put("empty.xlsx", new byte[0]);
        files.put("text.xlsx", "Họ và tên;Điểm\nA;8\n".getBytes(StandardCharsets.UTF_8));
        files.put("encrypted.xlsx", encrypted(valid));
        files.put("bomb-ratio.xlsx", bombByRatio());
        files.put("bomb-sheets.xlsx", workbook(1_200));
        files.put("bomb-parts.xlsx", manyParts());
        byte[] xls = xls();
        files.put("old-format.xls", xls);
        files.put("old-format-renamed.xlsx", xls);
        files.put("../../../../tmp/traversal.xlsx", valid);
        files.put("..\\..\\evil.xlsx", valid);
        files.put("tên có dấu và \u0000 nul.xlsx", valid);
        files.put("valid.xlsx", valid);
        return files;
    }

    /** PDFs by name: truncated, deeply nested, 9.9 MB, not a PDF. */
    static Map<String, byte[]> pdfs() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n";
        String xref = "xref\n0 4\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
        files.put("truncated.pdf", (head + xref).substring(0, head.length() / 2).getBytes(StandardCharsets.US_ASCII));
        files.put("nested.pdf", (head + "4 0 obj\n" + "[".repeat(200_000) + "]".repeat(200_000) + "\nendobj\n" + xref)
                .getBytes(StandardCharsets.US_ASCII));
        files.put("nested-dicts.pdf", (head + "4 0 obj\n" + "<< /A ".repeat(50_000) + ">>".repeat(50_000) + "\nendobj\n" + xref)
                .getBytes(StandardCharsets.US_ASCII));
        byte[] big = new byte[9_900_000];
        byte[] start = (head + "4 0 obj\n<< /Length 9800000 >>\nstream\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, big, 0, start.length);
        Arrays.fill(big, start.length, big.length - 200, (byte) 'x');
        byte[] end = ("\nendstream\nendobj\n" + xref).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(end, 0, big, big.length - 200, Math.min(200, end.length));
        files.put("big-9.9MB.pdf", big);
        files.put("no-pdf.pdf", "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8));
        files.put("empty.pdf", new byte[0]);
        files.put("../../etc/passwd.pdf", (head + xref).getBytes(StandardCharsets.US_ASCII));
        // The tree of embedded files (where a HocBa document carries its data) leads back to itself: its recursive
        // search overflowed the stack (attack 30: 500 to anyone, on the verification API and page).
        files.put("looping-embedded-files.pdf", head.replace("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>").concat("4 0 obj\n<< /Kids [4 0 R] >>\nendobj\n")
                .concat(xref).getBytes(StandardCharsets.US_ASCII));
        return files;
    }

    static byte[] workbook(int sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int s = 0; s < sheets; s++) {
                var sheet = wb.createSheet("S" + s);
                if (s == 0) {
                    var row = sheet.createRow(0);
                    row.createCell(0).setCellValue("Mã học sinh");
                    row.createCell(1).setCellValue("ĐĐGtx1");
                    var data = sheet.createRow(1);
                    data.createCell(0).setCellValue("HS0001");
                    data.createCell(1).setCellValue(Double.NaN);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted(byte[] xlsx) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("matkhau-bi-mat");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            } catch (Exception e) {
                throw new IOException(e);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A workbook whose sheet unpacks from ~100 KB to 100 MB of blanks. */
    private static byte[] bombByRatio() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            part(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\"?><worksheet><sheetData>".getBytes(StandardCharsets.US_ASCII));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A zip of 5,000 tiny parts. */
    private static byte[] manyParts() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 5_000; i++) {
                part(zip, "xl/worksheets/sheet" + i + ".xml", "<worksheet/>");
            }
        }
        return out.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Điểm").createRow(0).createCell(0).setCellValue("Mã học sinh");
            wb.write(out);
            return out.toByteArray();
        }
    }
}
