package vn.hocba.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import vn.hocba.pades.internal.IncrementalWriter;
import vn.hocba.pades.internal.PdfLoading;

/**
 * Adds one PDF/A-3 associated file to a (signed) PDF in an incremental update, so that every earlier
 * revision stays byte for byte as it was and the next signature (the school seal, issue 17) covers the file.
 * The embedded file has its MIME subtype, size and dates; its file specification {@code /F}, {@code /UF},
 * {@code /Desc} and {@code /AFRelationship}. Two ways, measured with EU DSS 6.4 on a signed transcript
 * ({@code TranscriptEmbedsRecordTest}):
 * <ul>
 *   <li>{@link #attachToPage}: a FileAttachment annotation of zero size (printable, so PDF/A needs no
 *       appearance for it) whose {@code /FS} is the file and whose {@code /AF} associates it. DSS classes the
 *       revision as an annotation change, which no DocMDP/FieldMDP rule of ours forbids: the earlier signatures
 *       stay TOTAL_PASSED under HocBa's policy. This is what the seal step uses, in the revision of the seal's
 *       signature ({@link BatchDocuments#attachment}).</li>
 *   <li>{@link #add}: an entry in the catalog's EmbeddedFiles name tree and {@code /AF} array. DSS classes a
 *       change of the catalog as "undefined changes": a warning under DSS's default policy, a failure under
 *       HocBa's ({@code signing/validation-policy.xml} raises UndefinedChanges to FAIL) for every signature
 *       made before it. Fine for an unsigned PDF, not after a signature.</li>
 * </ul>
 */
public final class AssociatedFileUpdate {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    /** One file to add: {@code relationship} is a PDF name such as {@code Source} or {@code Data}. */
    public record File(String name, String description, String mimeType, String relationship, byte[] bytes,
            Instant time) {
    }

    private AssociatedFileUpdate() {
    }

    /**
     * Every embedded file of the PDF by name, in name order: those of the EmbeddedFiles name tree (leaf level)
     * and those of FileAttachment annotations on its pages.
     */
    public static Map<String, byte[]> all(byte[] pdf) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (var entry : embeddedFiles(document).entrySet()) {
                files.put(entry.getKey(), entry.getValue().toByteArray());
            }
            return files;
        } catch (IOException e) {
            throw new SigningException("Không đọc được tệp PDF: " + e.getMessage(), e);
        }
    }

    /** {@link #all}'s files, not read yet. */
    private static Map<String, PDEmbeddedFile> embeddedFiles(PDDocument document) throws IOException {
        Map<String, PDEmbeddedFile> files = new TreeMap<>();
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        if (tree != null && tree.getNames() != null) {
            for (var entry : tree.getNames().entrySet()) {
                if (entry.getValue().getEmbeddedFile() != null) {
                    files.put(entry.getKey(), entry.getValue().getEmbeddedFile());
                }
            }
        }
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationFileAttachment attachment
                        && attachment.getFile() instanceof PDComplexFileSpecification spec
                        && spec.getEmbeddedFile() != null) {
                    files.put(spec.getFilename(), spec.getEmbeddedFile());
                }
            }
        }
        return files;
    }

    /**
     * The PDF with {@code file} attached to page {@code pageIndex} (0-based; -1: the last page) in a new
     * incremental revision: a FileAttachment annotation with a zero-size rectangle at the page's lower left
     * corner, printable, its {@code /FS} and {@code /AF} the file. Unchanged when a file of that name is
     * attached already.
     */
    public static byte[] attachToPage(byte[] pdf, int pageIndex, File file) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            if (!annotate(document, pageIndex, file)) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + file.bytes().length + 4_096);
            IncrementalWriter.save(document, pdf, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("Không đính kèm được tệp vào văn bản: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #attachToPage}'s change made on a loaded document, to be saved by the caller (the school seal's
     * signature saves it in its own revision, {@link PadesSigner}); false, and nothing changed, when a file of that
     * name is attached already.
     */
    static boolean annotate(PDDocument document, int pageIndex, File file) throws IOException {
        if (embeddedFiles(document).containsKey(file.name())) { // looked up on the document the update is made on
            return false;
        }
        PDPage page = document.getPage(pageIndex < 0 ? document.getNumberOfPages() - 1 : pageIndex);
        PDComplexFileSpecification spec = spec(document, file);
        PDAnnotationFileAttachment annotation = new PDAnnotationFileAttachment();
        annotation.setFile(spec);
        PDRectangle box = page.getMediaBox();
        annotation.setRectangle(new PDRectangle(box.getLowerLeftX(), box.getLowerLeftY(), 0, 0));
        annotation.setPrinted(true);
        annotation.setContents(file.description());
        annotation.setAttachmentName(PDAnnotationFileAttachment.ATTACHMENT_NAME_PAPERCLIP);
        annotation.setModifiedDate(calendar(file.time()));
        annotation.setPage(page);
        COSArray associated = new COSArray();
        associated.add(spec);
        annotation.getCOSObject().setItem(AF, associated);

        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            annotations = new COSArray();
            page.getCOSObject().setItem(COSName.ANNOTS, annotations);
        }
        annotations.add(annotation);
        annotations.setNeedToBeUpdated(true);
        page.getCOSObject().setNeedToBeUpdated(true);
        return true;
    }

    /** The PDF with {@code file} added in a new incremental revision (unchanged when a file of that name is there). */
    public static byte[] add(byte[] pdf, File file) {
        try (PDDocument document = PdfLoading.load(pdf)) {
            if (embedded(document, file.name()).isPresent()) {
                return pdf;
            }
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDComplexFileSpecification spec = spec(document, file);

            PDDocumentNameDictionary names = catalog.getNames();
            if (names == null) {
                names = new PDDocumentNameDictionary(catalog);
            }
            PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> files = new TreeMap<>();
            if (tree == null) {
                tree = new PDEmbeddedFilesNameTreeNode();
            } else if (tree.getKids() != null && !tree.getKids().isEmpty()) {
                throw new SigningException("Cây tệp đính kèm của văn bản có nhiều nhánh; chưa hỗ trợ đính kèm thêm.");
            } else if (tree.getNames() != null) {
                files.putAll(tree.getNames());
            }
            files.put(file.name(), spec);
            tree.setNames(files);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);

            COSArray associated = new COSArray();
            COSArray existing = catalog.getCOSObject().getCOSArray(AF);
            if (existing != null) {
                for (int i = 0; i < existing.size(); i++) {
                    COSBase item = existing.get(i);
                    associated.add(item);
                }
            }
            associated.add(spec);
            catalog.getCOSObject().setItem(AF, associated);

            catalog.getCOSObject().setNeedToBeUpdated(true);
            names.getCOSObject().setNeedToBeUpdated(true);
            tree.getCOSObject().setNeedToBeUpdated(true);
            associated.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + file.bytes().length + 4_096);
            IncrementalWriter.save(document, pdf, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("Không đính kèm được tệp " + file.name() + " vào văn bản: " + e.getMessage(), e);
        }
    }

    private static Optional<PDComplexFileSpecification> embedded(PDDocument document, String name) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        if (tree == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tree.getValue(name));
    }

    private static GregorianCalendar calendar(Instant time) {
        return GregorianCalendar.from(time.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
    }

    /**
     * What {@code new PDEmbeddedFile(document, stream)} makes ({@code /Type /EmbeddedFile}), deflated at zlib's
     * fastest level without predictor (the document's own data XML is written so too) and written in one block:
     * PDFBox's filtered output stream hands a stream its bytes one at a time, a tenth of the seal step for a 160 KB
     * học bạ số record. Deflated, that record is a fraction of its size in this version and every later one (the
     * LT/LTA revisions copy the whole file).
     */
    private static PDEmbeddedFile embeddedFile(PDDocument document, byte[] bytes) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(stream.createRawOutputStream(), deflater, 64 * 1024)) {
            out.write(bytes);
        } finally {
            deflater.end();
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        stream.setItem(COSName.TYPE, COSName.EMBEDDED_FILE);
        return new PDEmbeddedFile(stream);
    }

    private static PDComplexFileSpecification spec(PDDocument document, File file) throws IOException {
        GregorianCalendar time = calendar(file.time());
        PDEmbeddedFile embedded = embeddedFile(document, file.bytes());
        embedded.setSubtype(file.mimeType());
        embedded.setSize(file.bytes().length);
        embedded.setCreationDate(time);
        embedded.setModDate(time);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(file.name());
        spec.setFileUnicode(file.name());
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        spec.setFileDescription(file.description());
        COSDictionary dictionary = spec.getCOSObject();
        dictionary.setItem(AF_RELATIONSHIP, COSName.getPDFName(file.relationship()));
        return spec;
    }
}
