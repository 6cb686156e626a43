package vn.hocba.pades.verify;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.hocba.pades.SignerRole;

/** How far the signatures of a file reach: up to its end or not, which signature boxes are empty, time-stamp status. */
final class FileCoverage {

    private FileCoverage() {
    }

    /** The last signature or document time-stamp's byte range ends at the file's last byte. */
    static boolean coversWholeFile(DiagnosticData diagnostic, int length) {
        long end = Stream.concat(diagnostic.getSignatures().stream().map(SignatureWrapper::getPDFRevision),
                        diagnostic.getTimestampList().stream().map(TimestampWrapper::getPDFRevision))
                .filter(r -> r != null).mapToLong(FileCoverage::end).max().orElse(-1);
        return end == length;
    }

    private static long end(PDFRevisionWrapper revision) {
        List<BigInteger> range = revision.getSignatureByteRange();
        if (range == null || range.size() != 4) {
            return -1;
        }
        return range.get(2).longValue() + range.get(3).longValue();
    }

    /** The names of the document's signature fields that hold no signature but should. */
    static List<String> unsignedFields(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMixed(8L * 1024 * 1024, 64L * 1024 * 1024).streamCache)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            List<String> empty = new ArrayList<>();
            if (form != null) {
                for (PDField field : form.getFieldTree()) {
                    if (field instanceof PDSignatureField signature && signature.getValue() == null) {
                        empty.add(field.getFullyQualifiedName());
                    }
                }
            }
            return optionalLeftOut(empty, form);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Subject teachers' boxes on a document the homeroom teacher approves (a transcript) stay empty by
     * design: teachers sign their subject's result sheet, which the transcript cites; they are not missing.
     */
    private static List<String> optionalLeftOut(List<String> empty, PDAcroForm form) {
        boolean approved = form != null && form.getField(SignerRole.HOMEROOM_TEACHER.fieldName()) != null;
        return empty.stream()
                .filter(name -> !(approved && name.startsWith(SignerRole.SUBJECT_TEACHER.fieldName()))).toList();
    }

    /** A time-stamp as found: its time and whether it passed (imprint, TSA signature and DSS's indication). */
    static TimeStampFinding timeStamp(TimestampWrapper timestamp, SimpleReport simple) {
        Indication indication = simple.getIndication(timestamp.getId());
        boolean passed = timestamp.isMessageImprintDataFound() && timestamp.isMessageImprintDataIntact()
                && timestamp.isSignatureIntact() && timestamp.isSignatureValid()
                && (indication == null || indication == Indication.PASSED || indication == Indication.TOTAL_PASSED);
        return new TimeStampFinding(timestamp.getProductionTime().toInstant(), passed,
                indication == null ? (passed ? "PASSED" : "FAILED") : indication.name());
    }
}
