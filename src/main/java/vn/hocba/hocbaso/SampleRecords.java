package vn.hocba.hocbaso;

import java.time.Clock;
import java.util.Map;
import org.w3c.dom.Document;
import vn.hocba.documents.TranscriptData;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The sample record of the demo student, signed in every slot with a development PKI: each subject
 * teacher, the homeroom teacher, the principal and the school's issuing certificate; as XAdES-T with the
 * development PKI's TSA (the default where a TSA is configured), or in the form asked for.
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
        return signInOrder(unsigned(transcript), pki);
    }

    /**
     * Signs every slot of {@code record} in order, each by the person it names (a certificate the
     * development PKI issues them), the issuing slot by the school's organisation certificate.
     */
    public static Document signInOrder(Document record, DevelopmentPki pki) {
        return signInOrder(record, pki, SignatureForm.XADES_T);
    }

    /** {@link #signInOrder(Document, DevelopmentPki)} in the given form. */
    public static Document signInOrder(Document record, DevelopmentPki pki, SignatureForm form) {
        RecordSigner signer = new RecordSigner(null, Clock.systemUTC(),
                form == SignatureForm.XADES_T ? pki.timeStampAuthority() : null);
        for (SlotRole role : SlotRole.values()) {
            for (SignatureSlot slot : RecordSlots.of(record).all()) {
                if (slot.role() != role) {
                    continue;
                }
                SigningCredential credential = role == SlotRole.ISSUER ? pki.organisation(slot.signerName())
                        : pki.issue(slot.signerName(), role.title(), null);
                signer.sign(record, role, role == SlotRole.SUBJECT_TEACHER ? slot.id() : null, credential);
            }
        }
        return record;
    }
}
