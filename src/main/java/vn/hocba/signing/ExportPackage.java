package vn.hocba.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The per-class export package: a zip with every signed PDF ({@code pdf/<id>.pdf}), the data XML
 * embedded in each ({@code xml/<id>.xml}) and {@code manifest.json} listing every file with its
 * SHA-256. Written once to a temporary file and moved into place; an existing package is kept.
 */
final class ExportPackage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportPackage() {
    }

    /** Builds {@code target} from the signed files (by document id) unless it exists already. */
    static Path build(Path target, String className, Map<String, Path> signedFiles) throws IOException {
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Map<String, byte[]> entries = new TreeMap<>();
        for (var file : new TreeMap<>(signedFiles).entrySet()) {
            byte[] pdf = Files.readAllBytes(file.getValue());
            entries.put("pdf/" + file.getKey() + ".pdf", pdf);
            entries.put("xml/" + file.getKey() + ".xml", embeddedXml(pdf));
        }
        ObjectNode manifest = JSON.createObjectNode().put("class", className);
        ArrayNode files = manifest.putArray("files");
        entries.forEach((name, bytes) -> files.addObject().put("path", name).put("sha256", Sha256.hex(bytes))
                .put("size", bytes.length));
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".building");
        try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                write(zip, entry.getKey(), entry.getValue());
            }
            write(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        }
        try {
            Files.createLink(target, temporary);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // built concurrently by a retried job: the existing package is kept
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
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
