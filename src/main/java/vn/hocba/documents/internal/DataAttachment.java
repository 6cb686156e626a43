package vn.hocba.documents.internal;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.SourceAttachment;

/**
 * Embeds the document's data XML as a PDF/A-3 associated file (like Factur-X): an embedded file
 * with MIME subtype and params, a file specification with {@code /AFRelationship /Data}, listed
 * both in the EmbeddedFiles name tree (by file name) and in the catalog's {@code /AF} array. The
 * embedded files are deflated (zlib's fastest level, no predictor: what {@code EmbeddedData} reads within its
 * bound): stored uncompressed they were 40 % of a class's PDF bytes (14.2 of 35 MB), which every signature's
 * incremental save copies and hashes again and every version keeps on disk.
 */
final class DataAttachment {

    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    private static final PdfName XML = new PdfName("application/xml");

    private DataAttachment() {
    }

    static void attach(PdfWriter writer, DocumentData data, byte[] xml, Optional<SourceAttachment> source) {
        String name = data.kind().attachmentName();
        PdfString issued = new PdfString(IssueDate.pdfDate(data.identity().issuedAt()));
        PdfIndirectReference spec = spec(writer, name, xml, issued,
                "Dữ liệu " + data.kind().displayName().toLowerCase(Locale.ROOT) + " (" + data.kind().namespace() + ")",
                "Data");
        Map<String, PdfIndirectReference> files = new TreeMap<>();
        files.put(name, spec);
        PdfArray associated = new PdfArray();
        associated.add(spec); // the data XML first: readers take /AF[0] as the document's data
        if (source.isPresent()) {
            SourceAttachment s = source.get();
            PdfIndirectReference sourceSpec = spec(writer, s.name(), s.bytes(), issued, s.description(), "Source");
            files.put(s.name(), sourceSpec);
            associated.add(sourceSpec);
        }
        PdfArray leaves = new PdfArray();
        files.forEach((file, ref) -> {
            leaves.add(new PdfString(file, PdfObject.TEXT_UNICODE));
            leaves.add(ref);
        });
        PdfDictionary tree = new PdfDictionary();
        tree.put(PdfName.NAMES, leaves);
        PdfDictionary names = new PdfDictionary();
        names.put(PdfName.EMBEDDEDFILES, Indirect.of(writer, tree));
        // OpenPDF writes a /Names dictionary of its own only for named destinations, attachments and scripts made
        // through its API, none of which a document has: this one is the catalog's.
        writer.getExtraCatalog().put(PdfName.NAMES, Indirect.of(writer, names));
        writer.getExtraCatalog().put(PdfName.AF, associated);
    }

    private static PdfIndirectReference spec(PdfWriter writer, String name, byte[] bytes, PdfString issued,
            String description, String relationship) {
        PdfDictionary params = new PdfDictionary();
        params.put(PdfName.SIZE, new PdfNumber(bytes.length));
        params.put(PdfName.CREATIONDATE, issued);
        params.put(PdfName.MODDATE, issued);
        PdfStream file = new PdfStream(bytes);
        file.flateCompress(Deflater.BEST_SPEED);
        file.put(PdfName.TYPE, PdfName.EMBEDDEDFILE);
        file.put(PdfName.SUBTYPE, XML);
        file.put(PdfName.PARAMS, params);
        PdfIndirectReference fileRef = Indirect.of(writer, file);
        PdfDictionary embedded = new PdfDictionary();
        embedded.put(PdfName.F, fileRef);
        embedded.put(PdfName.UF, fileRef);

        PdfDictionary spec = new PdfDictionary(PdfName.FILESPEC);
        spec.put(PdfName.F, new PdfString(name, PdfObject.TEXT_UNICODE));
        spec.put(PdfName.UF, new PdfString(name, PdfObject.TEXT_UNICODE));
        spec.put(PdfName.EF, embedded);
        spec.put(PdfName.DESC, new PdfString(description, PdfObject.TEXT_UNICODE));
        spec.put(AF_RELATIONSHIP, new PdfName(relationship));
        return Indirect.of(writer, spec);
    }
}
