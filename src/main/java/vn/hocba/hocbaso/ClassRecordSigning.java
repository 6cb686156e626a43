package vn.hocba.hocbaso;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.hocbaso.ClassRecordsService.ReadyInput;
import vn.hocba.hocbaso.SignedRecords.StoredRecord;
import vn.hocba.pades.BatchSigningCredential;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TimeStampSource;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;

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
 */
@Service
public class ClassRecordSigning {

    private static final Logger log = LoggerFactory.getLogger(ClassRecordSigning.class);

    /** What one step did: records signed now, records this slot had signed already, and why others wait. */
    public record Outcome(int signed, int alreadySigned, List<String> waiting) {
    }

    private final ClassRecordsService records;
    private final SignedRecords store;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RecordSignatureSetting signatureForm;
    private final RecordFingerprintMemo fingerprints;
    private final RecentRecordDocuments recent;
    private final RecordThreads threads;

    ClassRecordSigning(ClassRecordsService records, SignedRecords store, SchoolDirectory directory, AuditLog audit,
            Clock clock, PlatformTransactionManager transactionManager, RecordSignatureSetting signatureForm,
            RecordFingerprintMemo fingerprints, RecentRecordDocuments recent, RecordThreads threads) {
        this.threads = threads;
        this.signatureForm = signatureForm;
        this.fingerprints = fingerprints;
        this.recent = recent;
        this.records = records;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The records of the class to sign in one slot, and the bytes each signature signs, prepared before the
     * step's PDFs so that a batch credential signs both at once ({@link #complete}).
     */
    public static final class Prepared {
        private final ClassId classId;
        private final SlotRole role;
        private final String slotId;
        private final List<Item> items;
        private final List<String> waiting;
        private final int already;
        private final Instant signingTime;

        private Prepared(ClassId classId, SlotRole role, String slotId, List<Item> items, List<String> waiting,
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
    }

    /** One record: the version to store, what it was built on, and the signature awaiting its value (null: store only). */
    private record Item(ReadyInput fresh, Current current, String basedOn, SignatureSlot slot,
            UnfinishedSignature signature) {
    }

    /** The teacher of {@code subjectCode} (co-teacher {@code part}, 1 = first): their subject in every record. */
    public Prepared prepareSubject(ClassId classId, String subjectCode, int part, SigningCredential credential,
            CredentialCheck check) {
        Optional<String> national = records.nationalSubjectCode(subjectCode);
        return prepare(classId, SlotRole.SUBJECT_TEACHER,
                national.map(n -> HocBaSoProfile.subjectSlotId(n, part)).orElse(null), credential, check);
    }

    /** The homeroom teacher, the principal or the issuing certificate: its slot of every record. */
    public Prepared prepare(ClassId classId, SlotRole role, SigningCredential credential, CredentialCheck check) {
        if (role == SlotRole.SUBJECT_TEACHER) {
            throw new IllegalArgumentException("use prepareSubject");
        }
        return prepare(classId, role, role.element(), credential, check);
    }

    /**
     * Prepares, has the credential sign (one batch where it can) and stores: the step without PDFs. A credential
     * that signs from several threads at once (a key in memory) signs each record on the thread that finishes it.
     */
    public Outcome sign(Prepared prepared, SigningCredential credential, Actor by) {
        if (credential.signsConcurrently() && !(credential instanceof BatchSigningCredential)) {
            List<byte[]> data = prepared.dataToSign();
            return complete(prepared, n -> credential.sign(data.get(n)), by);
        }
        return complete(prepared, SlotValues.of(credential, prepared.dataToSign()), by);
    }

    private Prepared prepare(ClassId classId, SlotRole role, String slotId, SigningCredential credential,
            CredentialCheck check) {
        long started = System.nanoTime();
        List<Item> items = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        int already = 0;
        Instant signingTime = signatureForm.form().signingTime(clock);
        if (slotId == null) {
            return new Prepared(classId, role, null, items, waiting, 0, null);
        }
        ClassRecordsService.ReadyRecords all = records.readyRecords(classId);
        all.notReady().forEach(s -> waiting.add(s.fullName() + " (" + s.studentCode() + "): "
                + String.join("; ", s.missing())));
        java.util.Map<Long, StoredRecord> stored = latestByStudent(classId);
        List<Candidate> candidates = new ArrayList<>();
        for (ReadyInput fresh : all.ready()) {
            Optional<StoredRecord> latest = Optional.ofNullable(stored.get(fresh.studentId()));
            candidates.add(new Candidate(fresh, latest, current(fresh, latest)));
        }
        List<X509Certificate> chain = credential.certificateChain();
        SlotValues.Found[] found = new SlotValues.Found[candidates.size()];
        threads.forEach(found.length, i -> found[i] = SlotValues.find(candidates.get(i).current().doc(), role, slotId,
                chain, signingTime));
        for (int i = 0; i < found.length; i++) {
            Candidate candidate = candidates.get(i);
            ReadyInput fresh = candidate.fresh();
            Current current = candidate.current();
            Optional<SignatureSlot> slot = Optional.ofNullable(found[i].slot());
            if (slot.isEmpty()) {
                keepUnchanged(candidate.latest(), current);
                continue;
            }
            UnfinishedSignature signature = found[i].signature();
            if (slot.get().signed()) {
                already++;
            } else if (found[i].refusal() != null) {
                waiting.add(fresh.fullName() + " (" + fresh.studentCode() + "): " + found[i].refusal());
            }
            if (signature != null || current.changed()) {
                items.add(new Item(fresh, current, candidate.latest().map(StoredRecord::sha256).orElse(null),
                        slot.get(), signature));
            } else {
                keepUnchanged(candidate.latest(), current);
            }
        }
        if (check != null && items.stream().anyMatch(i -> i.signature() != null)) {
            check.requireUsable(credential, clock.instant());
        }
        log.info("Class {}: học bạ số slot {} prepared for {} records in {} ms", classId.value(), slotId, items.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Prepared(classId, role, slotId, items, waiting, already, signingTime);
    }

    /** A ready record of the class, its stored version and the record to sign further. */
    private record Candidate(ReadyInput fresh, Optional<StoredRecord> latest, Current current) {
    }

    /**
     * Signs the prepared records with the credential's {@code values} (in {@link Prepared#dataToSign} order)
     * and stores them, one signer at a time per class; a record that changed since it was prepared waits.
     */
    public Outcome complete(Prepared prepared, List<byte[]> values, Actor by) {
        return complete(prepared, values::get, by);
    }

    /** {@link #complete}, with the value of the {@code n}th of {@link Prepared#dataToSign} from {@code valueOf}. */
    private Outcome complete(Prepared prepared, IntFunction<byte[]> valueOf, Actor by) {
        long started = System.nanoTime();
        String classCode = directory.schoolClass(prepared.classId).code();
        Finished finished = finishAll(prepared, valueOf);
        java.util.Map<String, Document> saved = new java.util.LinkedHashMap<>();
        Outcome outcome = transactions.execute(status -> {
            saved.clear();
            directory.lockClass(prepared.classId);
            List<String> waiting = new ArrayList<>(prepared.waiting);
            int signed = 0;
            java.util.Map<Long, StoredRecord> stored = latestByStudent(prepared.classId);
            List<Integer> storing = new ArrayList<>();
            for (int i = 0; i < prepared.items.size(); i++) {
                Item item = prepared.items.get(i);
                String now = Optional.ofNullable(stored.get(item.fresh().studentId())).map(StoredRecord::sha256).orElse(null);
                if (!java.util.Objects.equals(now, item.basedOn())) {
                    waiting.add(item.fresh().fullName() + " (" + item.fresh().studentCode()
                            + "): học bạ số vừa được người khác ký hoặc sửa; hãy ký lại bước này.");
                    continue;
                }
                storing.add(i);
            }
            List<StoredRecord> versions = store.saveAll(prepared.classId, storing.stream()
                    .map(i -> newVersion(prepared.items.get(i), finished.bytes()[i])).toList(), clock.instant());
            for (int i = 0; i < storing.size(); i++) {
                Item item = prepared.items.get(storing.get(i));
                StoredRecord version = versions.get(i);
                saved.put(version.sha256(), item.current().doc());
                if (item.signature() != null) {
                    audit.append(new AuditRecord(by, "HOCBASO_RECORD_SIGNED", "hocbaso " + classCode + " "
                            + item.fresh().studentCode(), item.basedOn(), version.sha256(),
                            item.slot().label() + ", phiên bản " + version.version(), null));
                    signed++;
                }
            }
            return new Outcome(signed, prepared.already, List.copyOf(waiting));
        });
        saved.forEach(recent::keep);
        log.info("Class {}: học bạ số slot {} signed in {} records ({} already, {} waiting) in {} ms, {} ms of threads' "
                + "time for {} time-stamps", classCode, prepared.slotId, outcome.signed(), outcome.alreadySigned(),
                outcome.waiting().size(), (System.nanoTime() - started) / 1_000_000, finished.stampingMillis(),
                prepared.signingTime == null ? 0 : prepared.dataToSign().size());
        return outcome;
    }

    /** Each prepared record's bytes to store (by its index in the step), and the time the time-stamps took. */
    private record Finished(byte[][] bytes, long stampingMillis) {
    }

    /**
     * Puts the values into the prepared signatures (the {@code n}th value into the {@code n}th signature), in the
     * XAdES-T form time-stamps each signature, and writes each record's bytes: record by record on the step's
     * threads ({@link RecordThreads}; each record is its own document), before the class's lock is taken.
     */
    private Finished finishAll(Prepared prepared, IntFunction<byte[]> valueOf) {
        List<Item> items = prepared.items;
        int[] valueIndex = new int[items.size()];
        int signatures = 0;
        for (int i = 0; i < items.size(); i++) {
            valueIndex[i] = items.get(i).signature() != null ? signatures++ : -1;
        }
        // looked up once per step (a Spring lookup each time cost 3 % of a sheet request)
        TimeStampSource tsa = prepared.signingTime != null && signatures > 0 ? signatureForm.timeStamps() : null;
        byte[][] bytes = new byte[items.size()][];
        AtomicLong stampingNanos = new AtomicLong();
        threads.forEach(items.size(), i -> {
            Item item = items.get(i);
            if (item.signature() != null) {
                Element signature = item.signature().finish(valueOf.apply(valueIndex[i]));
                if (tsa != null) {
                    long t = System.nanoTime();
                    SignatureTimeStamps.add(signature, tsa);
                    stampingNanos.addAndGet(System.nanoTime() - t);
                }
            }
            bytes[i] = XmlDocuments.bytes(item.current().doc());
        });
        return new Finished(bytes, stampingNanos.get() / 1_000_000);
    }

    private java.util.Map<Long, StoredRecord> latestByStudent(ClassId classId) {
        java.util.Map<Long, StoredRecord> latest = new java.util.HashMap<>();
        store.latestOfClass(classId).forEach(r -> latest.put(r.studentId(), r));
        return latest;
    }

    /** The record to sign further: the stored version when it states the same, else a new version. */
    private record Current(Document doc, String fingerprint, int version, boolean changed) {
    }

    /**
     * The record as the class's data states it now, compared by fingerprint with the stored version (the
     * fingerprint of an input seen before is not computed again, {@link RecordFingerprintMemo}).
     */
    private Current current(ReadyInput fresh, Optional<StoredRecord> latest) {
        Document built = null;
        String fingerprint = fingerprints.known(fresh.studentId(), fresh.input()).orElse(null);
        if (fingerprint == null) {
            built = records.build(fresh.input());
            fingerprint = fingerprints.remember(fresh.studentId(), fresh.input(), built);
        }
        if (latest.isPresent() && latest.get().contentSha256().equals(fingerprint)) {
            return new Current(stored(latest.get()), fingerprint, latest.get().version(), false);
        }
        if (built == null) {
            built = records.build(fresh.input());
        }
        if (latest.isPresent()) {
            List<String> kept = RecordFingerprint.carrySubjectSignatures(stored(latest.get()), built);
            log.info("Record of {} changed: version {} keeps {}", fresh.studentCode(), latest.get().version() + 1, kept);
        }
        return new Current(built, fingerprint, latest.map(l -> l.version() + 1).orElse(1), true);
    }

    /** The stored version: the document it was written from when this server stored it lately, else its bytes parsed. */
    private Document stored(StoredRecord record) {
        return recent.take(record.sha256()).orElseGet(() -> XmlDocuments.parse(store.read(record)));
    }

    /** Hands an unchanged stored version that this step does not sign back for the next signer. */
    private void keepUnchanged(Optional<StoredRecord> latest, Current current) {
        if (!current.changed() && latest.isPresent()) {
            recent.keep(latest.get().sha256(), current.doc());
        }
    }

    /** The version to store; the slot counts of a record signed now as its signature's finish found them. */
    private static SignedRecords.NewVersion newVersion(Item item, byte[] bytes) {
        Current current = item.current();
        int signed;
        int total;
        if (item.signature() != null && item.signature().slotsSigned() >= 0) {
            signed = item.signature().slotsSigned();
            total = item.signature().slotsTotal();
        } else {
            List<SignatureSlot> slots = RecordSlots.of(current.doc()).all();
            signed = (int) slots.stream().filter(SignatureSlot::signed).count();
            total = slots.size();
        }
        return new SignedRecords.NewVersion(item.fresh().studentId(), current.version(), current.fingerprint(),
                bytes, signed, total);
    }
}
