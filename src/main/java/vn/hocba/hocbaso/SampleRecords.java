package vn.hocba.hocbaso;

import java.time.Clock;
import java.util.Map;
import org.w3c.dom.Document;
import vn.hocba.documents.TranscriptData;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The sample record of the demo student, signed in every slot with a development PKI: each subject
 * teacher, the homeroom teacher, the principal and the school's issuing certificate.
 */
public final class SampleRecords {

    /** Identifiers of the sample student and school (the sector database's codes are made up). */
    public static final RecordIdentifiers SAMPLE_IDENTIFIERS =
            new RecordIdentifiers("0100712012", false, "01001902", "125/THCS");

    private SampleRecords() {
    }

    public static Document unsigned(TranscriptData transcript) {
        return new RecordXml(SubjectCodeTable.standard()).build(new RecordInput(transcript, SAMPLE_IDENTIFIERS, Map.of()));
    }

    /** The record of {@code transcript}, signed in order by people the PKI issues certificates to. */
    public static Document signed(TranscriptData transcript, DevelopmentPki pki) {
        Document record = unsigned(transcript);
        RecordSigner signer = new RecordSigner(null, Clock.systemUTC());
        for (SignatureSlot slot : RecordSlots.of(record).all()) {
            if (slot.role() == SlotRole.SUBJECT_TEACHER) {
                signer.sign(record, slot.role(), slot.id(), pki.issue(slot.signerName(), slot.role().title(), null));
            }
        }
        signer.sign(record, SlotRole.HOMEROOM_TEACHER, null,
                pki.issue(transcript.homeroomTeacher(), SlotRole.HOMEROOM_TEACHER.title(), null));
        SigningCredential principal = pki.issue(transcript.principalName(), "Hiệu trưởng", null);
        signer.sign(record, SlotRole.PRINCIPAL, null, principal);
        signer.sign(record, SlotRole.ISSUER, null, pki.organisation(transcript.school().name()));
        return record;
    }
}
