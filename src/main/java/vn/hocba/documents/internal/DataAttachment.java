package vn.hocba.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import java.util.Optional;
import java.util.TreeMap;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.SourceAttachment;

/**
 * Embeds the document's data XML as a PDF/A-3 associated file (like Factur-X): an embedded file
 * with MIME subtype and params, a file specification with {@code /AFRelationship /Data}, listed
 * both in the EmbeddedFiles name tree and in the catalog's {@code /AF} array.
 */
final class DataAttachment {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    void attach(PDDocument document, DocumentData data, byte[] xml, Optional<SourceAttachment> source)
            throws IOException {
        String name = data.kind().attachmentName();
        String issued = IssueDate.pdfDate(data.identity().issuedAt());
        PDComplexFileSpecification spec = spec(document, name, xml, issued,
                "Dữ liệu " + data.kind().displayName().toLowerCase(Locale.ROOT) + " (" + data.kind().namespace() + ")",
                "Data");
        Map<String, PDComplexFileSpecification> files = new TreeMap<>();
        files.put(name, spec);
        COSArray associated = new COSArray();
        associated.add(spec); // the data XML first: readers take /AF[0] as the document's data
        if (source.isPresent()) {
            SourceAttachment s = source.get();
            PDComplexFileSpecification sourceSpec = spec(document, s.name(), s.bytes(), issued, s.description(), "Source");
            files.put(s.name(), sourceSpec);
            associated.add(sourceSpec);
        }

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        document.getDocumentCatalog().getCOSObject().setItem(AF, associated);
    }

    private static PDComplexFileSpecification spec(PDDocument document, String name, byte[] xml,
            String issued, String description, String relationship) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(xml));
        file.setSubtype("application/xml");
        file.setSize(xml.length); // creates /Params, where the dates go (as PDEmbeddedFile.setCreationDate would)
        COSDictionary params = file.getCOSObject().getCOSDictionary(COSName.PARAMS);
        params.setString(COSName.CREATION_DATE, issued);
        params.setString(COSName.MOD_DATE, issued);

        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(description);
        spec.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName(relationship));
        return spec;
    }
}
