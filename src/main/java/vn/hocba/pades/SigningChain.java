package vn.hocba.pades;

import java.time.Clock;
import java.util.List;

/**
 * The school's signing order (profile "Order and meaning") over {@link PadesSigner} and
 * {@link LongTermExtender}: a subject result sheet signed by its teacher; a transcript signed by
 * the homeroom teacher, the principal and the school seal; then, once, the long-term extension
 * (B-LT + B-LTA). When the signatures happen days apart, call {@link #approve} for each and
 * {@link #finish} after the seal.
 */
public final class SigningChain {

    private final PadesSigner signer;
    private final LongTermExtender extender;
    private final Clock clock;

    public SigningChain(PadesSigner signer, LongTermExtender extender, Clock clock) {
        this.signer = signer;
        this.extender = extender;
        this.clock = clock;
    }

    /** Convenience: a chain on one TSA, revocation source and set of trust anchors. */
    public static SigningChain of(TimeStampSource timeStamps, RevocationSource revocation, CredentialCheck check) {
        return new SigningChain(new PadesSigner(timeStamps, check), new LongTermExtender(timeStamps, revocation),
                Clock.systemUTC());
    }

    /** A subject result sheet signed by its teacher in box {@code gvbm_<subjectCode>}, extended to B-LTA. */
    public byte[] signSubjectSheet(byte[] pdf, SigningCredential teacher, String subjectCode) {
        SignatureRequest request = SignatureRequest.inBox(SignerRole.SUBJECT_TEACHER, clock.instant())
                .withField(SignerRole.subjectFieldName(subjectCode));
        return finish(signer.sign(pdf, request, teacher));
    }

    /** A transcript signed by homeroom teacher, principal and seal in that order, extended to B-LTA. */
    public byte[] signTranscript(byte[] pdf, SigningCredential homeroomTeacher, SigningCredential principal,
                                 SigningCredential seal) {
        byte[] signed = approve(pdf, SignerRole.HOMEROOM_TEACHER, homeroomTeacher);
        signed = approve(signed, SignerRole.PRINCIPAL, principal);
        signed = approve(signed, SignerRole.SCHOOL_SEAL, seal);
        return finish(signed);
    }

    /** One approval signature, visible in the role's box, as an incremental update (B-T). */
    public byte[] approve(byte[] pdf, SignerRole role, SigningCredential credential) {
        return signer.sign(pdf, SignatureRequest.inBox(role, clock.instant()), credential);
    }

    /** The long-term extension after the last approval signature: /DSS, then a document time-stamp. */
    public byte[] finish(byte[] pdf) {
        return extender.extendToLta(pdf);
    }

    /** {@link #finish} for several documents, their document time-stamps asked for together; in order. */
    public List<byte[]> finishAll(List<byte[]> pdfs) {
        return extender.extendToLtaAll(pdfs);
    }
}
