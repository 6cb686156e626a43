package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.documents.SourceAttachment;
import vn.hocba.documents.TranscriptSources;
import vn.hocba.schoolyear.ClassId;

/**
 * The học bạ số record a transcript PDF embeds as its {@code Source} associated file: the student's latest
 * stored record of the class when the transcript is generated. In the ClassDocuments process the
 * transcripts are generated after the subject teachers signed, so the embedded record carries every
 * subject teacher's signature and the empty GVCN, CBQL and KY_PHAT_HANH slots; those three are signed
 * after the PDF exists (in the same steps as the PDF's own signatures, which cover the embedded file). The
 * seal step then adds the fully signed record as a second {@code Source} file in an incremental update
 * that the seal's signature covers ({@link SealedRecords}); the earlier revisions stay untouched.
 */
@Component
class EmbeddedRecords implements TranscriptSources {

    private final SignedRecords records;

    EmbeddedRecords(SignedRecords records) {
        this.records = records;
    }

    @Override
    public Optional<SourceAttachment> of(ClassId classId, long studentId) {
        return records.latest(classId, studentId).map(r -> {
            byte[] xml = records.read(r);
            return new SourceAttachment(SealedRecords.studentCode(xml) + ".hocbaso.xml", "Học bạ số (" + HocBaSoProfile.PROFILE + " "
                    + HocBaSoProfile.VERSION + "), ký " + r.slotsSigned() + "/" + r.slotsTotal() + " ô khi lập học bạ",
                    xml);
        });
    }
}
