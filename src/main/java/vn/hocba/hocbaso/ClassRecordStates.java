package vn.hocba.hocbaso;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.hocba.schoolyear.ClassId;

/**
 * The state of every học bạ số record of a class, as the clerk's page and the API show it: what keeps a
 * record back (missing identifiers), how far it is signed (version, slots), the national store's last
 * answer for it (00 not processed, 01 accepted with {@code ma_dinh_danh_hoc_ba}, 02 errors naming the field),
 * and the earlier versions it superseded (kept, with the national id they were accepted under and whether
 * that one was recalled).
 */
@Service
public class ClassRecordStates {

    /** One student's record. {@code result} etc. are null while the record was never submitted. */
    public record StudentRecord(long studentId, String studentCode, String fullName, List<String> missing,
            Integer version, int slotsSigned, int slotsTotal, String result, String nationalId, String errors,
            List<EarlierVersion> earlier) {

        public boolean released() {
            return version != null && slotsTotal > 0 && slotsSigned == slotsTotal;
        }

        /** The store's errors one by one ("code: what is wrong"), as the store sent them. */
        public List<String> errorList() {
            return errors == null ? List.of() : List.of(errors.split("; "));
        }
    }

    /**
     * A version superseded by a newer one: still stored; {@code nationalId} is the id the store accepted it
     * under (null when it was never accepted) and {@code recalled} whether that id was recalled ("03" accepted).
     */
    public record EarlierVersion(int version, String nationalId, boolean recalled) {
    }

    /** The class's records and its submissions (newest first). */
    public record ClassState(List<StudentRecord> records, List<StoreSubmissions.Submission> submissions) {

        /** The status of the newest class package sent ("00"–"04"), null when none was sent or answered. */
        public String packageStatus() {
            return submissions.stream().filter(s -> NationalStore.CREATE.equals(s.purpose())).findFirst()
                    .map(StoreSubmissions.Submission::nationalStatus).orElse(null);
        }
    }

    private final ClassRecordsService readiness;
    private final SignedRecords records;
    private final StoreSubmissions submissions;

    ClassRecordStates(ClassRecordsService readiness, SignedRecords records, StoreSubmissions submissions) {
        this.readiness = readiness;
        this.records = records;
        this.submissions = submissions;
    }

    public ClassState of(ClassId classId) {
        Map<Long, SignedRecords.StoredRecord> stored = new HashMap<>();
        records.latestOfClass(classId).forEach(r -> stored.put(r.studentId(), r));
        Map<Long, List<SignedRecords.StoredRecord>> versions = records.allOfClass(classId).stream()
                .collect(Collectors.groupingBy(SignedRecords.StoredRecord::studentId));
        List<StoreSubmissions.Submission> sent = submissions.ofClass(classId);
        Map<String, String> acceptedBySha = new HashMap<>();
        sent.stream().filter(x -> NationalStore.CREATE.equals(x.purpose())).flatMap(x -> x.records().stream())
                .filter(x -> "01".equals(x.result())).forEach(x -> acceptedBySha.putIfAbsent(x.recordSha256(), x.nationalId()));
        Set<String> recalled = sent.stream().filter(x -> NationalStore.RECALL.equals(x.purpose()))
                .flatMap(x -> x.records().stream()).filter(x -> "01".equals(x.result()))
                .map(StoreSubmissions.Result::nationalId).collect(Collectors.toSet());
        List<StudentRecord> rows = readiness.readiness(classId).stream().map(s -> {
            Optional<SignedRecords.StoredRecord> r = Optional.ofNullable(stored.get(s.studentId()));
            Optional<StoreSubmissions.Result> last = sent.stream().filter(x -> NationalStore.CREATE.equals(x.purpose()))
                    .flatMap(x -> x.records().stream()).filter(x -> x.studentCode().equals(s.studentCode())).findFirst();
            List<EarlierVersion> earlier = new ArrayList<>();
            for (SignedRecords.StoredRecord v : versions.getOrDefault(s.studentId(), List.of())) {
                if (r.isPresent() && v.version() < r.get().version()) {
                    String id = acceptedBySha.get(v.sha256());
                    earlier.add(new EarlierVersion(v.version(), id, id != null && recalled.contains(id)));
                }
            }
            return new StudentRecord(s.studentId(), s.studentCode(), s.fullName(), s.missing(),
                    r.map(SignedRecords.StoredRecord::version).orElse(null),
                    r.map(SignedRecords.StoredRecord::slotsSigned).orElse(0),
                    r.map(SignedRecords.StoredRecord::slotsTotal).orElse(0), last.map(StoreSubmissions.Result::result)
                            .orElse(null), last.map(StoreSubmissions.Result::nationalId).orElse(null),
                    last.map(StoreSubmissions.Result::errors).orElse(null), earlier);
        }).toList();
        return new ClassState(rows, sent);
    }
}
