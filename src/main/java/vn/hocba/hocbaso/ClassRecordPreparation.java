package vn.hocba.hocbaso;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import vn.hocba.hocbaso.ClassRecordSigning.Prepared;
import vn.hocba.hocbaso.ClassRecordsService.ReadyInput;
import vn.hocba.hocbaso.PreparedRecord.Current;
import vn.hocba.hocbaso.SignedRecords.StoredRecord;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.SigningCredential;
import vn.hocba.schoolyear.ClassId;

/**
 * The first half of a class's record signing step ({@link ClassRecordSigning}): the class's records as its data
 * states them now, each compared with its stored version (built and fingerprinted again only when what it is built
 * from changed, {@link RecordFingerprintMemo}; the version this server stored last taken without reading and parsing
 * it again, {@link RecentRecordDocuments}), the slot of each and its signature built up to the credential's value
 * (spread over the cores, {@link RecordThreads}), then the credential checked once when anything is to be signed.
 * Reading and comparing stay on the caller's thread, in the records' order; nothing is stored here.
 */
@Component
class ClassRecordPreparation {

    private static final Logger log = LoggerFactory.getLogger(ClassRecordSigning.class);

    private final ClassRecordsService records;
    private final SignedRecords store;
    private final Clock clock;
    private final RecordSignatureSetting signatureForm;
    private final RecordFingerprintMemo fingerprints;
    private final RecentRecordDocuments recent;
    private final RecordThreads threads;
    private final RegionDigests regionDigests;

    ClassRecordPreparation(ClassRecordsService records, SignedRecords store, Clock clock,
            RecordSignatureSetting signatureForm, RecordFingerprintMemo fingerprints, RecentRecordDocuments recent,
            RecordThreads threads, RegionDigests regionDigests) {
        this.regionDigests = regionDigests;
        this.records = records;
        this.store = store;
        this.clock = clock;
        this.signatureForm = signatureForm;
        this.fingerprints = fingerprints;
        this.recent = recent;
        this.threads = threads;
    }

    /** The national code of a HocBa subject code, which names a subject teacher's slot. */
    Optional<String> nationalSubjectCode(String subjectCode) {
        return records.nationalSubjectCode(subjectCode);
    }

    /** The records of the class to sign in {@code slotId} ({@code role}'s slot; null: none for this step). */
    Prepared prepare(ClassId classId, SlotRole role, String slotId, SigningCredential credential,
            CredentialCheck check) {
        long started = System.nanoTime();
        List<PreparedRecord> items = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        int already = 0;
        Instant signingTime = signatureForm.form().signingTime(clock);
        if (slotId == null) {
            return new Prepared(classId, role, null, items, waiting, 0, null);
        }
        List<Candidate> candidates = candidates(classId, waiting);
        List<X509Certificate> chain = credential.certificateChain();
        SlotValues.Found[] found = new SlotValues.Found[candidates.size()];
        AtomicInteger digestsKnown = new AtomicInteger();
        threads.forEach(found.length, i -> found[i] = SlotValues.find(candidates.get(i).current().doc(), role, slotId,
                chain, signingTime, regionDigests(candidates.get(i), role, digestsKnown)));
        for (int i = 0; i < found.length; i++) {
            Candidate candidate = candidates.get(i);
            Optional<SignatureSlot> slot = Optional.ofNullable(found[i].slot());
            if (slot.isEmpty()) {
                keepUnchanged(candidate.latest(), candidate.current());
                continue;
            }
            if (slot.get().signed()) {
                already++;
            } else if (found[i].refusal() != null) {
                waiting.add(candidate.fresh().fullName() + " (" + candidate.fresh().studentCode() + "): "
                        + found[i].refusal());
            }
            UnfinishedSignature signature = found[i].signature();
            if (signature != null || candidate.current().changed()) {
                items.add(new PreparedRecord(candidate.fresh(), candidate.current(),
                        candidate.latest().map(StoredRecord::sha256).orElse(null), slot.get(), signature));
            } else {
                keepUnchanged(candidate.latest(), candidate.current());
            }
        }
        if (check != null && items.stream().anyMatch(i -> i.signature() != null)) {
            check.requireUsable(credential, clock.instant());
        }
        log.info("Class {}: học bạ số slot {} prepared for {} records in {} ms ({} with the region's digest known)",
                classId.value(), slotId, items.size(), (System.nanoTime() - started) / 1_000_000, digestsKnown.get());
        return new Prepared(classId, role, slotId, items, waiting, already, signingTime);
    }

    /** A ready record of the class, its stored version and the record to sign further. */
    private record Candidate(ReadyInput fresh, Optional<StoredRecord> latest, Current current) {
    }

    /**
     * The digests of regions of the candidate's stored version known here, when {@code role} signs it further (not
     * changed); counted. Null for each region otherwise: the slot's signature digests its region itself.
     */
    private Function<String, byte[]> regionDigests(Candidate candidate, SlotRole role, AtomicInteger known) {
        if (!RegionDigests.reusedIn(role) || candidate.current().changed() || candidate.latest().isEmpty()) {
            return region -> null;
        }
        String sha256 = candidate.latest().get().sha256();
        return region -> {
            byte[] digest = regionDigests.of(sha256, region).orElse(null);
            if (digest != null) {
                known.incrementAndGet();
            }
            return digest;
        };
    }

    /** Every ready record of the class with its stored version; why the others wait goes to {@code waiting}. */
    private List<Candidate> candidates(ClassId classId, List<String> waiting) {
        ClassRecordsService.ReadyRecords all = records.readyRecords(classId);
        all.notReady().forEach(s -> waiting.add(s.fullName() + " (" + s.studentCode() + "): "
                + String.join("; ", s.missing())));
        Map<Long, StoredRecord> stored = store.latestByStudent(classId);
        List<Candidate> candidates = new ArrayList<>();
        for (ReadyInput fresh : all.ready()) {
            Optional<StoredRecord> latest = Optional.ofNullable(stored.get(fresh.studentId()));
            candidates.add(new Candidate(fresh, latest, current(fresh, latest)));
        }
        return candidates;
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
            RecentRecordDocuments.Stored stored = stored(latest.get());
            return new Current(stored.doc(), stored.bytes(), fingerprint, latest.get().version(), false);
        }
        if (built == null) {
            built = records.build(fresh.input());
        }
        if (latest.isPresent()) {
            List<String> kept = RecordFingerprint.carrySubjectSignatures(stored(latest.get()).doc(), built);
            log.info("Record of {} changed: version {} keeps {}", fresh.studentCode(), latest.get().version() + 1, kept);
        }
        return new Current(built, null, fingerprint, latest.map(l -> l.version() + 1).orElse(1), true);
    }

    /**
     * The stored version and its bytes: the document it was written from when this server stored it lately, else its
     * bytes parsed.
     */
    private RecentRecordDocuments.Stored stored(StoredRecord record) {
        return recent.take(record.sha256()).orElseGet(() -> {
            byte[] bytes = store.read(record);
            return new RecentRecordDocuments.Stored(XmlDocuments.parse(bytes), bytes);
        });
    }

    /** Hands an unchanged stored version that this step does not sign back for the next signer. */
    private void keepUnchanged(Optional<StoredRecord> latest, Current current) {
        if (!current.changed() && latest.isPresent()) {
            recent.keep(latest.get().sha256(), current.doc(), current.stored());
        }
    }
}
