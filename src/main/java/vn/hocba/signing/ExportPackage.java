package vn.hocba.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import vn.hocba.common.Sha256;

/**
 * One version of the per-class export package: a zip with every current signed PDF
 * ({@code pdf/<id>.pdf}), the data XML embedded in each ({@code xml/<id>.xml}), the earlier signed
 * versions of subject sheets that current transcripts may still cite ({@code superseded/pdf/…},
 * {@code superseded/xml/…}) and {@code manifest.json} listing every file with its SHA-256 (and
 * {@code "current": false} for the earlier versions). Written document by document into the stream the
 * object store gives (one PDF in memory at a time), with fixed entry times and levels ({@link PackageZip}): the same
 * documents make the same bytes, so two nodes building the same version write the same object.
 */
final class ExportPackage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportPackage() {
    }

    /**
     * A signed file as read for the package: its bytes and the SHA-256 they were checked against when read (null
     * when the store had no hash to check: then the manifest's is computed here).
     */
    record SignedPdf(byte[] bytes, String checkedSha256) {
    }

    /** The key of what a package holds: SHA-256 over each document id and its file's SHA-256, in id order. */
    static String contentKey(Map<String, String> current, Map<String, String> earlier) {
        return contentKey(current, earlier, Map.of());
    }

    /** As above, with further files ({@code hocbaso/…}: the học bạ số class package) by path and SHA-256. */
    static String contentKey(Map<String, String> current, Map<String, String> earlier, Map<String, String> extras) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(extras).forEach((path, sha256) -> key.append("file ").append(path).append(' ').append(sha256)
                .append('\n'));
        new TreeMap<>(current).forEach((id, sha256) -> key.append(id).append(' ').append(sha256).append('\n'));
        new TreeMap<>(earlier).forEach((id, sha256) -> key.append("superseded ").append(id).append(' ').append(sha256)
                .append('\n'));
        return Sha256.hex(key.toString());
    }

    /** Writes version {@code version} of the class's package from the signed files (readers by document id). */
    static void write(OutputStream out, String className, int version, Map<String, Supplier<SignedPdf>> current,
            Map<String, Supplier<SignedPdf>> earlier) throws IOException {
        write(out, className, version, current, earlier, Map.of());
    }

    /** As above, with further files by path in the zip (the học bạ số class package), listed as current. */
    static void write(OutputStream out, String className, int version, Map<String, Supplier<SignedPdf>> current,
            Map<String, Supplier<SignedPdf>> earlier, Map<String, byte[]> extras) throws IOException {
        ObjectNode manifest = JSON.createObjectNode().put("class", className).put("version", version);
        Map<String, ObjectNode> listed = new TreeMap<>();
        PackageZip zip = new PackageZip(out);
        add(zip, listed, "", current);
        add(zip, listed, "superseded/", earlier);
        for (var extra : new TreeMap<>(extras).entrySet()) {
            zip.stored(extra.getKey(), extra.getValue());
            list(listed, extra.getKey(), extra.getValue(), null, true);
        }
        ArrayNode files = manifest.putArray("files");
        listed.values().forEach(files::add);
        zip.deflated("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.finish();
    }

    private static void add(PackageZip zip, Map<String, ObjectNode> listed, String folder,
            Map<String, Supplier<SignedPdf>> signedFiles) throws IOException {
        for (var file : new TreeMap<>(signedFiles).entrySet()) {
            SignedPdf pdf = file.getValue().get();
            String pdfName = folder + "pdf/" + file.getKey() + ".pdf";
            zip.pdf(pdfName, pdf.bytes());
            list(listed, pdfName, pdf.bytes(), pdf.checkedSha256(), folder.isEmpty());
            String xmlName = folder + "xml/" + file.getKey() + ".xml";
            byte[] xml = embeddedXml(pdf.bytes());
            zip.deflated(xmlName, xml);
            list(listed, xmlName, xml, null, folder.isEmpty());
        }
    }

    /** {@code checkedSha256}: the hash the bytes were checked against when read (their own), else null. */
    private static void list(Map<String, ObjectNode> listed, String name, byte[] bytes, String checkedSha256,
            boolean current) {
        String sha256 = checkedSha256 != null ? checkedSha256.trim().toLowerCase(Locale.ROOT) : Sha256.hex(bytes);
        listed.put(name, JSON.createObjectNode().put("path", name).put("sha256", sha256)
                .put("size", bytes.length).put("current", current));
    }

    /** The data XML the documents module embeds (the catalogue's /AF associated file). */
    static byte[] embeddedXml(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var associated = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
            if (associated == null || associated.size() == 0) {
                throw new IOException("the PDF has no embedded data file");
            }
            return new PDComplexFileSpecification((COSDictionary) associated.getObject(0)).getEmbeddedFile().toByteArray();
        }
    }
}
