package vn.hocba.hocbaso;

import static vn.hocba.hocbaso.HocBaSoProfile.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.pades.SigningCredential;

/**
 * The class package the school submits: the released records of one class ({@code hocba/*.hocbaso.xml})
 * and {@code manifest.xml} listing each file with its SHA-256, the manifest signed (XMLDSig over
 * {@code #goi}) with the school's issuing certificate. Only fully signed records go in.
 */
public final class ClassPackage {

    public static final String MANIFEST_FILE = "manifest.xml";
    public static final String RECORDS_FOLDER = "hocba/";
    /**
     * zlib's level 3 for the records, as the export package's zip uses for its XML: a class's 40 records (7.3 MB)
     * deflated in 31 ms instead of 52 at the default level 6, 1.58 MB instead of 1.35 (2026-12-07). The package is
     * built once per set of records, in the export step, and carried as it is in the export zip and to the national
     * store.
     */
    static final int LEVEL = 3;

    /** One released record and its file name ({@code <student code>.hocbaso.xml}). */
    public record Entry(String fileName, byte[] record) {
    }

    /** The result of checking a package: the manifest's signature and every file against its hash. */
    public record Check(SlotFinding manifestSignature, List<String> problems, int records) {
        public boolean valid() {
            return manifestSignature.valid() && manifestSignature.trusted() && problems.isEmpty();
        }
    }

    private ClassPackage() {
    }

    /** @param classLabel e.g. "DEMO01-2025-2026-6A1" */
    public static byte[] build(String classLabel, List<Entry> records, SigningCredential issuer) {
        records.forEach(e -> requireReleased(e.fileName(), XmlDocuments.parseUnmarked(e.record())));
        return buildChecked(classLabel, records, issuer);
    }

    /**
     * A stored record as a package entry named by its student code, refused unless it is signed in every slot as the
     * store recorded when it stored these bytes ({@code slotsSigned} of {@code slotsTotal}; the bytes are checked
     * against their SHA-256 when read). The record is not parsed again: a DOM of each of the class's 40 records was a
     * third of the export step; the code is read as a stream that stops at it ({@link RecordStudentCode}).
     */
    static Entry released(byte[] record, int slotsSigned, int slotsTotal) {
        String code;
        try {
            code = RecordStudentCode.of(record);
        } catch (IllegalArgumentException e) {
            code = "";
        }
        if (code.isBlank()) {
            throw Rejected.conflict("Một học bạ số đã lưu của lớp không có mã học sinh (" + SCHOOL_STUDENT_CODE
                    + "), nên không thể đặt tên tệp trong gói; hãy lập lại học bạ số của lớp.");
        }
        Entry entry = new Entry(code + ".hocbaso.xml", record);
        if (slotsSigned != slotsTotal) {
            throw Rejected.conflict("Học bạ số " + entry.fileName() + " chưa được phát hành: còn "
                    + (slotsTotal - slotsSigned) + " ô chưa ký; gói của lớp chỉ gồm học bạ đã ký đủ.");
        }
        return entry;
    }

    private static void requireReleased(String fileName, Document record) {
        RecordSlots.of(record).all().stream().filter(s -> !s.signed()).findFirst().ifPresent(s -> {
            throw Rejected.conflict("Học bạ số " + fileName + " chưa được phát hành: ô " + s.label()
                    + " chưa ký; gói của lớp chỉ gồm học bạ đã ký đủ.");
        });
    }

    /** The package of records each checked by {@link #released} or {@link #build}. */
    static byte[] buildChecked(String classLabel, List<Entry> records, SigningCredential issuer) {
        Document manifest = XmlDocuments.newDocument();
        Element root = manifest.createElementNS(null, MANIFEST);
        root.setAttribute(ATTR_PROFILE, PROFILE);
        root.setAttribute(ATTR_VERSION, VERSION);
        manifest.appendChild(root);
        Element content = XmlDocuments.child(root, MANIFEST_CONTENT);
        content.setAttribute(ID, MANIFEST_ID);
        content.setAttribute(CLASS_NAME, classLabel);
        for (Entry e : records) {
            Element item = XmlDocuments.child(content, MANIFEST_RECORD);
            item.setAttribute(ATTR_FILE, RECORDS_FOLDER + e.fileName());
            item.setAttribute(ATTR_SHA256, Sha256.hex(e.record()));
        }
        Element slot = XmlDocuments.child(root, PACKAGE_SIGNATURE);
        RecordSigner.signInto(manifest, slot, MANIFEST_ID, "sig-goi", "gói học bạ số " + classLabel, issuer, null);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.setLevel(LEVEL);
            put(out, MANIFEST_FILE, XmlDocuments.bytes(manifest));
            for (Entry e : records) {
                put(out, RECORDS_FOLDER + e.fileName(), e.record());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    /** Checks the manifest's signature and that the package holds exactly the listed files, unchanged. */
    public static Check check(byte[] zip, List<X509Certificate> trustAnchors) {
        Map<String, byte[]> files = read(zip);
        byte[] manifestBytes = files.remove(MANIFEST_FILE);
        if (manifestBytes == null) {
            throw Rejected.invalid("Gói học bạ số không có " + MANIFEST_FILE + ".");
        }
        Document manifest = XmlDocuments.parse(manifestBytes);
        Element slot = (Element) manifest.getElementsByTagName(PACKAGE_SIGNATURE).item(0);
        SignatureSlot packageSlot = new SignatureSlot(SlotRole.ISSUER, PACKAGE_SIGNATURE, MANIFEST_ID, "", true, slot);
        SlotFinding finding = new RecordVerifier(trustAnchors).check(manifest, packageSlot);
        List<String> problems = new ArrayList<>();
        NodeList items = manifest.getElementsByTagName(MANIFEST_RECORD);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            byte[] file = files.remove(item.getAttribute(ATTR_FILE));
            if (file == null) {
                problems.add("thiếu tệp " + item.getAttribute(ATTR_FILE));
            } else if (!Sha256.hex(file).equals(item.getAttribute(ATTR_SHA256))) {
                problems.add("tệp " + item.getAttribute(ATTR_FILE) + " đã bị thay đổi (SHA-256 khác bản kê)");
            }
        }
        files.keySet().forEach(f -> problems.add("tệp " + f + " không có trong bản kê"));
        return new Check(finding, problems, items.getLength());
    }

    /** The records of a package by file name (manifest excluded). */
    public static Map<String, byte[]> records(byte[] zip) {
        Map<String, byte[]> files = read(zip);
        files.remove(MANIFEST_FILE);
        return files;
    }

    private static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw Rejected.invalid("Gói học bạ số không đọc được: " + e.getMessage());
        }
        return files;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // the same records make the same bytes
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
