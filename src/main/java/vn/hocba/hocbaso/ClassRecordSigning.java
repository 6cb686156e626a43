package vn.hocba.hocbaso;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.pades.BatchSigningCredential;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.SigningCredential;
import vn.hocba.schoolyear.ClassId;

/**
 * Signs one slot of every học bạ số record of a class, in the step of the ClassDocuments process in which
 * the same person signs their PDFs and with the same credential (so server keys, tokens, remote signing and
 * the person's own device all sign the XML too): a subject teacher their {@code DIEM_TONG_KET} of every
 * student, the homeroom teacher, the principal, then the school's issuing certificate (in the seal step).
 * The slot order of {@link RecordSlots} holds. Each record is built from the class's current data; when it
 * states the same as the stored version, that version is signed further; when it changed (a correction),
 * a new version starts which keeps the subject teachers' signatures over unchanged subjects, so a run after
 * a correction signs again only what changed. A slot already signed is skipped (a step can be run again).
 * A record that cannot be signed now (an identifier missing, an earlier slot empty) does not stop the PDF
 * step: it is reported in {@link Outcome#waiting} and on the clerk's page. In the XAdES-T form
 * ({@link RecordSignatureSetting}) the signing time is fixed when the step is prepared (it is part of what the
 * credential signs) and each signature is time-stamped right after the credential's value arrives, before the
 * records are stored: one TSA call per record and slot, outside the class's lock. A class's sheet signatures
 * (one per teacher and subject) each compare every record of the class with its stored version: a record is
 * built and fingerprinted again only when what it is built from changed ({@link RecordFingerprintMemo}, keyed by
 * the input itself), and the version this server stored last is signed further without reading and parsing it
 * again ({@link RecentRecordDocuments}, keyed by the stored bytes' SHA-256). What touches only one record's document
 * (its slot's signature built, finished and time-stamped, its bytes written) is spread over the cores
 * ({@link RecordThreads}); reading, comparing and storing stay on the caller's thread, in the records' order.
 * The two halves are {@link ClassRecordPreparation} and {@link ClassRecordCompletion}.
 */
@Service
public class ClassRecordSigning {

    /** What one step did: records signed now, records this slot had signed already, and why others wait. */
    public record Outcome(int signed, int alreadySigned, List<String> waiting) {
    }

    private final ClassRecordPreparation preparation;
    private final ClassRecordCompletion completion;

    ClassRecordSigning(ClassRecordPreparation preparation, ClassRecordCompletion completion) {
        this.preparation = preparation;
        this.completion = completion;
    }

    /**
     * The records of the class to sign in one slot, and the bytes each signature signs, prepared before the
     * step's PDFs so that a batch credential signs both at once ({@link #complete}).
     */
    public static final class Prepared {
        private final ClassId classId;
        private final SlotRole role;
        private final String slotId;
        private final List<PreparedRecord> items;
        private final List<String> waiting;
        private final int already;
        private final Instant signingTime;

        Prepared(ClassId classId, SlotRole role, String slotId, List<PreparedRecord> items, List<String> waiting,
                int already, Instant signingTime) {
            this.signingTime = signingTime;
            this.classId = classId;
            this.role = role;
            this.slotId = slotId;
            this.items = items;
            this.waiting = waiting;
            this.already = already;
        }

        /** What the credential signs: one element per record whose slot is signed now. */
        public List<byte[]> dataToSign() {
            return items.stream().filter(i -> i.signature() != null).map(i -> i.signature().data()).toList();
        }

        ClassId classId() {
            return classId;
        }

        SlotRole role() {
            return role;
        }

        String slotId() {
            return slotId;
        }

        /** The records to store, in the class's order; those with a signature are signed in this step. */
        List<PreparedRecord> items() {
            return items;
        }

        List<String> waiting() {
            return waiting;
        }

        int already() {
            return already;
        }

        /** The XAdES signing time the signatures state; null in the plain XMLDSig form. */
        Instant signingTime() {
            return signingTime;
        }
    }

    /** The teacher of {@code subjectCode} (co-teacher {@code part}, 1 = first): their subject in every record. */
    public Prepared prepareSubject(ClassId classId, String subjectCode, int part, SigningCredential credential,
            CredentialCheck check) {
        Optional<String> national = preparation.nationalSubjectCode(subjectCode);
        return preparation.prepare(classId, SlotRole.SUBJECT_TEACHER,
                national.map(n -> HocBaSoProfile.subjectSlotId(n, part)).orElse(null), credential, check);
    }

    /** The homeroom teacher, the principal or the issuing certificate: its slot of every record. */
    public Prepared prepare(ClassId classId, SlotRole role, SigningCredential credential, CredentialCheck check) {
        if (role == SlotRole.SUBJECT_TEACHER) {
            throw new IllegalArgumentException("use prepareSubject");
        }
        return preparation.prepare(classId, role, role.element(), credential, check);
    }

    /**
     * Prepares, has the credential sign (one batch where it can) and stores: the step without PDFs. A credential
     * that signs from several threads at once (a key in memory) signs each record on the thread that finishes it.
     */
    public Outcome sign(Prepared prepared, SigningCredential credential, Actor by) {
        if (credential.signsConcurrently() && !(credential instanceof BatchSigningCredential)) {
            List<byte[]> data = prepared.dataToSign();
            return completion.complete(prepared, n -> credential.sign(data.get(n)), by);
        }
        return completion.complete(prepared, SlotValues.of(credential, prepared.dataToSign())::get, by);
    }

    /**
     * Signs the prepared records with the credential's {@code values} (in {@link Prepared#dataToSign} order)
     * and stores them, one signer at a time per class; a record that changed since it was prepared waits.
     */
    public Outcome complete(Prepared prepared, List<byte[]> values, Actor by) {
        return completion.complete(prepared, values::get, by);
    }
}
