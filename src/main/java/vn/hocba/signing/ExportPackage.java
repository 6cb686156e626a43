package vn.hocba.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * {@code "current": false} for the earlier versions). Written to a temporary file and moved into place.
 */
final class ExportPackage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportPackage() {
    }

    /** The key of what a package holds: SHA-256 over each document id and its file's SHA-256, in id order. */
    static String contentKey(Map<String, Path> current, Map<String, Path> earlier) throws IOException {
        StringBuilder key = new StringBuilder();
        for (var file : new TreeMap<>(current).entrySet()) {
            key.append(file.getKey()).append(' ').append(Sha256.hex(Files.readAllBytes(file.getValue()))).append('\n');
        }
        for (var file : new TreeMap<>(earlier).entrySet()) {
            key.append("superseded ").append(file.getKey()).append(' ')
                    .append(Sha256.hex(Files.readAllBytes(file.getValue()))).append('\n');
        }
        return Sha256.hex(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Builds {@code target} (version {@code version} of the class's package) from the signed files, by document id. */
    static Path build(Path target, String className, int version, Map<String, Path> current, Map<String, Path> earlier)
            throws IOException {
        Files.createDirectories(target.getParent());
        Map<String, byte[]> entries = new TreeMap<>();
        add(entries, "", current);
        add(entries, "superseded/", earlier);
        ObjectNode manifest = JSON.createObjectNode().put("class", className).put("version", version);
        ArrayNode files = manifest.putArray("files");
        entries.forEach((name, bytes) -> files.addObject().put("path", name).put("sha256", Sha256.hex(bytes))
                .put("size", bytes.length).put("current", !name.startsWith("superseded/")));
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".building");
        try {
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var entry : entries.entrySet()) {
                    write(zip, entry.getKey(), entry.getValue());
                }
                write(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static void add(Map<String, byte[]> entries, String folder, Map<String, Path> signedFiles)
            throws IOException {
        for (var file : new TreeMap<>(signedFiles).entrySet()) {
            byte[] pdf = Files.readAllBytes(file.getValue());
            entries.put(folder + "pdf/" + file.getKey() + ".pdf", pdf);
            entries.put(folder + "xml/" + file.getKey() + ".xml", embeddedXml(pdf));
        }
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

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
