package vn.hocba.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
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

    /** Largest data XML read back: a whole class gradebook's is a few hundred KB. */
    static final int MAX_XML_BYTES = 16 * 1024 * 1024;
    /** Deepest tree of embedded files searched: HocBa's is one level. */
    static final int MAX_TREE_DEPTH = 32;

    private EmbeddedData() {
    }

    /** The embedded data XML, or empty when the PDF has none (not issued by HocBa) or it cannot be read. */
    public static Optional<byte[]> xmlOf(PDDocument pdf) {
        PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return Optional.empty();
        }
        try {
            return find(names.getEmbeddedFiles(), Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        } catch (IOException e) {
            log.info("Embedded files of an uploaded PDF unreadable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The attachment's bytes, inflated here within {@link #MAX_XML_BYTES} rather than by PDFBox, which
     * decodes a stream whole into memory: a few MB of deflated zeros in an uploaded PDF would become
     * gigabytes. HocBa writes the XML unfiltered (or, if ever compressed, deflated without predictor);
     * anything else, or anything larger, cannot be a HocBa attachment.
     */
    private static Optional<byte[]> bounded(PDEmbeddedFile file, String name) throws IOException {
        List<COSName> filters = file.getFilters();
        boolean flate = filters.size() == 1 && COSName.FLATE_DECODE.equals(filters.get(0))
                && file.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS, COSName.DP) == null;
        if (!filters.isEmpty() && !flate) {
            log.info("Embedded {} of an uploaded PDF has filters {}: not a HocBa attachment", name, filters);
            return Optional.empty();
        }
        try (InputStream raw = file.getCOSObject().createRawInputStream();
                InputStream in = flate ? new InflaterInputStream(raw) : raw) {
            byte[] xml = in.readNBytes(MAX_XML_BYTES + 1);
            if (xml.length > MAX_XML_BYTES) {
                log.info("Embedded {} of an uploaded PDF inflates beyond {} bytes: not read", name, MAX_XML_BYTES);
                return Optional.empty();
            }
            return Optional.of(xml);
        }
    }

    /**
     * Searches the name tree; HocBa writes it flat, and an uploaded file's tree whose kids lead back to themselves (or
     * nest deeper than {@link #MAX_TREE_DEPTH}) overflowed the request thread's stack: such a tree holds no HocBa data.
     */
    private static Optional<byte[]> find(PDNameTreeNode<PDComplexFileSpecification> node, Set<COSBase> seen, int depth)
            throws IOException {
        if (depth > MAX_TREE_DEPTH || !seen.add(node.getCOSObject())) {
            log.info("Embedded files of an uploaded PDF form a loop or nest deeper than {} levels: not read", MAX_TREE_DEPTH);
            return Optional.empty();
        }
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (String name : NAMES) {
                PDComplexFileSpecification spec = files.get(name);
                PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
                if (file != null) {
                    return bounded(file, name);
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                Optional<byte[]> found = find(kid, seen, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
