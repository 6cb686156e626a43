package vn.hocba.documents;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the data XML that every HocBa PDF carries as a PDF/A-3 associated file (named
 * {@link DocumentKind#attachmentName()}). Signing only appends revisions, so a signed copy still
 * holds the very XML whose SHA-256 was recorded when the version was issued.
 */
public final class EmbeddedData {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedData.class);
    private static final List<String> NAMES = Arrays.stream(DocumentKind.values())
            .map(DocumentKind::attachmentName).toList();

    private EmbeddedData() {
    }

    /** The embedded data XML, or empty when the PDF has none (not issued by HocBa) or it cannot be read. */
    public static Optional<byte[]> xmlOf(PDDocument pdf) {
        PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return Optional.empty();
        }
        try {
            return find(names.getEmbeddedFiles());
        } catch (IOException e) {
            log.info("Embedded files of an uploaded PDF unreadable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<byte[]> find(PDNameTreeNode<PDComplexFileSpecification> node) throws IOException {
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (String name : NAMES) {
                PDComplexFileSpecification spec = files.get(name);
                PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
                if (file != null) {
                    return Optional.of(file.toByteArray());
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                Optional<byte[]> found = find(kid);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
