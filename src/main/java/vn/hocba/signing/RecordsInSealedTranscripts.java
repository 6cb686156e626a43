package vn.hocba.signing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.SourceAttachment;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.pades.AssociatedFileUpdate;
import vn.hocba.schoolyear.ClassId;

/**
 * Issue 17 item 2, in the seal step: the student's học bạ số record signed in every slot (KY_PHAT_HANH was signed
 * just before) is what the seal's signature adds to a transcript it has not signed yet, as a second {@code Source}
 * associated file (a file attachment annotation on the approval page, whose {@code /AF} lists it) in the seal's
 * own revision, which the seal's PAdES signature covers. The homeroom teacher's and the principal's revisions stay
 * byte for byte as they signed them. A transcript whose record is not signed in every slot (a student still
 * missing an identifier) is sealed without it. (The record had a revision of its own before the seal's until
 * session 26: a load, a "sealed already?" check and a save per transcript more.)
 */
final class RecordsInSealedTranscripts implements Function<String, Optional<AssociatedFileUpdate.File>> {

    private static final Logger log = LoggerFactory.getLogger(RecordsInSealedTranscripts.class);

    private final SealedRecords records;
    private final ClassId classId;
    private final Map<String, Long> studentOfTranscript;
    private final Instant time;

    RecordsInSealedTranscripts(SealedRecords records, ClassId classId, Map<String, Long> studentOfTranscript,
            Instant time) {
        this.records = records;
        this.classId = classId;
        this.studentOfTranscript = studentOfTranscript;
        this.time = time;
    }

    /**
     * Asked only for a transcript the seal has not signed. A file attachment on the last page (the approval page):
     * an annotation change for validators, which our policy allows after the homeroom teacher's and principal's
     * signatures; a new entry of the catalog's EmbeddedFiles and /AF would be an "undefined change" that fails them
     * (AssociatedFileUpdate).
     */
    @Override
    public Optional<AssociatedFileUpdate.File> apply(String documentId) {
        Long student = studentOfTranscript.get(documentId);
        if (student == null) {
            return Optional.empty();
        }
        Optional<SourceAttachment> record = records.fullySigned(classId, student);
        if (record.isEmpty()) {
            log.info("Transcript {}: no học bạ số record signed in every slot; sealed without it", documentId);
        }
        return record.map(r -> new AssociatedFileUpdate.File(r.name(), r.description(), "application/xml", "Source",
                r.bytes(), time));
    }
}
