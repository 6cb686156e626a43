package vn.hocba.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.SourceAttachment;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.schoolyear.ClassId;

/**
 * Issue 17 item 2, in the seal step: right before the school seal signs a transcript, the student's học bạ
 * số record signed in every slot (KY_PHAT_HANH was signed just before) is added to it as a second
 * {@code Source} associated file (a file attachment annotation on the approval page, whose {@code /AF} lists it)
 * in an incremental update, so the seal's PAdES signature covers it. The
 * homeroom teacher's and the principal's revisions stay byte for byte as they signed them. A transcript
 * already sealed, or whose record is not signed in every slot (a student still missing an identifier), is
 * left as it is.
 */
final class RecordsInSealedTranscripts implements BiFunction<String, byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(RecordsInSealedTranscripts.class);

    private final SealedRecords records;
    private final ClassId classId;
    private final Map<String, Long> studentOfTranscript;
    private final X509Certificate seal;
    private final Instant time;

    RecordsInSealedTranscripts(SealedRecords records, ClassId classId, Map<String, Long> studentOfTranscript,
            X509Certificate seal, Instant time) {
        this.records = records;
        this.classId = classId;
        this.studentOfTranscript = studentOfTranscript;
        this.seal = seal;
        this.time = time;
    }

    @Override
    public byte[] apply(String documentId, byte[] pdf) {
        Long student = studentOfTranscript.get(documentId);
        if (student == null) {
            return pdf;
        }
        // A file attachment on the last page (the approval page): an annotation change for validators, which our
        // policy allows after the homeroom teacher's and principal's signatures; a new entry of the catalog's
        // EmbeddedFiles and /AF would be an "undefined change" that fails them (AssociatedFileUpdate). A transcript
        // the seal signed already is left as it is; "sealed already?" and the update share one load of the PDF.
        return AssociatedFileUpdate.attachToPageUnlessSignedBy(pdf, -1, seal, () -> {
            Optional<SourceAttachment> record = records.fullySigned(classId, student);
            if (record.isEmpty()) {
                log.info("Transcript {}: no học bạ số record signed in every slot; sealed without it", documentId);
            }
            return record.map(r -> new AssociatedFileUpdate.File(r.name(), r.description(), "application/xml",
                    "Source", r.bytes(), time));
        });
    }
}
