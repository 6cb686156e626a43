package vn.hocba.hocbaso;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.hocbaso.ClassRecordSigning.Outcome;
import vn.hocba.hocbaso.ClassRecordSigning.Prepared;
import vn.hocba.hocbaso.SignedRecords.StoredRecord;
import vn.hocba.pades.TimeStampSource;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * The second half of a class's record signing step ({@link ClassRecordSigning}): the credential's values put into
 * the prepared signatures, each time-stamped in the XAdES-T form and each record's bytes written, record by record on
 * the step's threads ({@link RecordThreads}) before the class's lock is taken; then, in one transaction under the
 * class's lock, every record whose stored version is still the one it was prepared on is stored as a new version and
 * each signature audited (one changed or signed by someone else meanwhile waits); the documents stored are handed to
 * the next signer ({@link RecentRecordDocuments}) only once the transaction has committed.
 */
@Component
class ClassRecordCompletion {

    private static final Logger log = LoggerFactory.getLogger(ClassRecordSigning.class);

    private final SignedRecords store;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RecordSignatureSetting signatureForm;
    private final RecentRecordDocuments recent;
    private final RecordThreads threads;
    private final RegionDigests regionDigests;

    ClassRecordCompletion(SignedRecords store, SchoolDirectory directory, AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager, RecordSignatureSetting signatureForm,
            RecentRecordDocuments recent, RecordThreads threads, RegionDigests regionDigests) {
        this.regionDigests = regionDigests;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.signatureForm = signatureForm;
        this.recent = recent;
        this.threads = threads;
    }

    /** Signs the prepared records with the value of the {@code n}th of {@link Prepared#dataToSign} from {@code valueOf}. */
    Outcome complete(Prepared prepared, IntFunction<byte[]> valueOf, Actor by) {
        long started = System.nanoTime();
        String classCode = directory.schoolClass(prepared.classId()).code();
        Finished finished = finishAll(prepared, valueOf);
        Map<String, RecentRecordDocuments.Stored> saved = new LinkedHashMap<>();
        List<KeptRegion> kept = new ArrayList<>();
        Outcome outcome = transactions.execute(status -> {
            saved.clear();
            kept.clear();
            return store(prepared, finished, classCode, by, saved, kept);
        });
        saved.forEach((sha256, stored) -> recent.keep(sha256, stored.doc(), stored.bytes()));
        kept.forEach(k -> regionDigests.remember(k.sha256(), k.regionId(), k.digest()));
        log.info("Class {}: học bạ số slot {} signed in {} records ({} already, {} waiting) in {} ms, {} ms of it "
                + "for {} time-stamps", classCode, prepared.slotId(), outcome.signed(), outcome.alreadySigned(),
                outcome.waiting().size(), (System.nanoTime() - started) / 1_000_000, finished.stampingMillis(),
                prepared.signingTime() == null ? 0 : prepared.dataToSign().size());
        return outcome;
    }

    /** A region that a version stored now has as its signature's reference digested it ({@link RegionDigests}). */
    private record KeptRegion(String sha256, String regionId, byte[] digest) {
    }

    /**
     * Inside the transaction: under the class's lock, the records still based on their stored version stored and
     * their signatures audited; {@code saved} gets each stored version's document by its SHA-256, {@code kept} the
     * digest of each region signed now that the new version has unchanged.
     */
    private Outcome store(Prepared prepared, Finished finished, String classCode, Actor by,
            Map<String, RecentRecordDocuments.Stored> saved, List<KeptRegion> kept) {
        directory.lockClass(prepared.classId());
        List<String> waiting = new ArrayList<>(prepared.waiting());
        int signed = 0;
        Map<Long, StoredRecord> stored = store.latestByStudent(prepared.classId());
        List<Integer> storing = new ArrayList<>();
        for (int i = 0; i < prepared.items().size(); i++) {
            PreparedRecord item = prepared.items().get(i);
            String now = Optional.ofNullable(stored.get(item.fresh().studentId())).map(StoredRecord::sha256).orElse(null);
            if (!Objects.equals(now, item.basedOn())) {
                waiting.add(item.fresh().fullName() + " (" + item.fresh().studentCode()
                        + "): học bạ số vừa được người khác ký hoặc sửa; hãy ký lại bước này.");
                continue;
            }
            storing.add(i);
        }
        List<StoredRecord> versions = store.saveAll(prepared.classId(), storing.stream()
                .map(i -> newVersion(prepared.items().get(i), finished.bytes()[i])).toList(), clock.instant());
        for (int i = 0; i < storing.size(); i++) {
            PreparedRecord item = prepared.items().get(storing.get(i));
            StoredRecord version = versions.get(i);
            saved.put(version.sha256(), new RecentRecordDocuments.Stored(item.current().doc(),
                    finished.bytes()[storing.get(i)]));
            if (item.signature() != null) {
                item.signature().regionDigestKept().ifPresent(d -> kept.add(new KeptRegion(version.sha256(),
                        item.slot().covers(), d)));
                audit.append(new AuditRecord(by, "HOCBASO_RECORD_SIGNED", "hocbaso " + classCode + " "
                        + item.fresh().studentCode(), item.basedOn(), version.sha256(),
                        item.slot().label() + ", phiên bản " + version.version(), null));
                signed++;
            }
        }
        return new Outcome(signed, prepared.already(), List.copyOf(waiting));
    }

    /** Each prepared record's bytes to store (by its index in the step), and the time the time-stamps took. */
    private record Finished(byte[][] bytes, long stampingMillis) {
    }

    /**
     * Puts the values into the prepared signatures (the {@code n}th value into the {@code n}th signature), in the
     * XAdES-T form time-stamps them, and writes each record's bytes: record by record on the step's threads
     * ({@link RecordThreads}; each record is its own document), before the class's lock is taken. The time-stamps are
     * asked for all at once between the two ({@link SignatureTimeStamps#addAll}): a TSA over the internet answers
     * them together in a few round trips, where one request per record waited ≈ 0.1 s each (bench/README.md,
     * session 28).
     */
    private Finished finishAll(Prepared prepared, IntFunction<byte[]> valueOf) {
        List<PreparedRecord> items = prepared.items();
        int[] valueIndex = new int[items.size()];
        int signatures = 0;
        for (int i = 0; i < items.size(); i++) {
            valueIndex[i] = items.get(i).signature() != null ? signatures++ : -1;
        }
        // looked up once per step (a Spring lookup each time cost 3 % of a sheet request)
        TimeStampSource tsa = prepared.signingTime() != null && signatures > 0 ? signatureForm.timeStamps() : null;
        Element[] finished = new Element[items.size()];
        threads.forEach(items.size(), i -> {
            if (items.get(i).signature() != null) {
                finished[i] = items.get(i).signature().finish(valueOf.apply(valueIndex[i]));
            }
        });
        long stamping = System.nanoTime();
        if (tsa != null) {
            SignatureTimeStamps.addAll(Arrays.stream(finished).filter(Objects::nonNull).toList(), tsa);
        }
        long stampingMillis = (System.nanoTime() - stamping) / 1_000_000;
        byte[][] bytes = new byte[items.size()][];
        threads.forEach(items.size(), i -> bytes[i] = bytes(items.get(i).current(), finished[i]));
        return new Finished(bytes, stampingMillis);
    }

    /**
     * The record's bytes: its stored bytes with the new signature put in when this step signed a stored version (the
     * rest of the record is as stored, {@link PreparedRecord.Current}), else the whole record written.
     */
    private static byte[] bytes(PreparedRecord.Current current, Element signature) {
        if (signature != null && current.stored() != null) {
            Optional<byte[]> spliced = XmlBytes.withSignature(current.stored(), (Element) signature.getParentNode(),
                    signature);
            if (spliced.isPresent()) {
                return spliced.get();
            }
        }
        return XmlDocuments.bytes(current.doc());
    }

    /** The version to store; the slot counts of a record signed now as its signature's finish found them. */
    private static SignedRecords.NewVersion newVersion(PreparedRecord item, byte[] bytes) {
        PreparedRecord.Current current = item.current();
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
