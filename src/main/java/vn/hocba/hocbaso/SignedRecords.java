package vn.hocba.hocbaso;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.common.Sha256;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StoredObject;

/**
 * The signed học bạ số records of each class, student and record version ({@code hocbaso_signed_record});
 * the XML itself is an immutable object of the object store under
 * {@code hocbaso/<class id>/<student id>/v<version>-<sha256 prefix>.xml}: every signature added makes a
 * new object, the row points at the latest.
 */
@Component
public class SignedRecords {

    /**
     * One record version of a student.
     *
     * @param contentSha256 the fingerprint of what the record states ({@link RecordFingerprint}), without signatures
     */
    public record StoredRecord(long classId, long studentId, int version, String contentSha256, String objectKey,
            String sha256, int slotsSigned, int slotsTotal, Instant updatedAt) {

        public boolean complete() {
            return slotsSigned == slotsTotal;
        }
    }

    /** A record version to store: the student, its version number and fingerprint, the bytes, its slots. */
    record NewVersion(long studentId, int version, String contentSha256, byte[] xml, int slotsSigned, int slotsTotal) {
    }

    private static final String UPDATE = "update hocbaso_signed_record set object_key = ?, sha256 = ?, slots_signed = ?, "
            + "slots_total = ?, updated_at = ? where class_id = ? and student_id = ? and version = ?";
    private static final String INSERT = "insert into hocbaso_signed_record (class_id, student_id, version, "
            + "content_sha256, object_key, sha256, slots_signed, slots_total, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectStore objects;

    SignedRecords(JdbcClient jdbc, JdbcTemplate batch, ObjectStore objects) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.objects = objects;
    }

    /** The latest version of every student's record of the class. */
    public List<StoredRecord> latestOfClass(ClassId classId) {
        return jdbc.sql("select * from hocbaso_signed_record r where class_id = ? and version = (select max(version) "
                + "from hocbaso_signed_record l where l.class_id = r.class_id and l.student_id = r.student_id) "
                + "order by student_id").param(classId.value()).query(SignedRecords::row).list();
    }

    /** {@link #latestOfClass} by student id: what a signing step compares each record with. */
    Map<Long, StoredRecord> latestByStudent(ClassId classId) {
        Map<Long, StoredRecord> latest = new HashMap<>();
        latestOfClass(classId).forEach(r -> latest.put(r.studentId(), r));
        return latest;
    }

    /** Every version of every student's record of the class (earlier versions are kept when a new one is made). */
    public List<StoredRecord> allOfClass(ClassId classId) {
        return jdbc.sql("select * from hocbaso_signed_record where class_id = ? order by student_id, version")
                .param(classId.value()).query(SignedRecords::row).list();
    }

    public Optional<StoredRecord> latest(ClassId classId, long studentId) {
        return jdbc.sql("select * from hocbaso_signed_record where class_id = ? and student_id = ? "
                + "order by version desc limit 1").param(classId.value()).param(studentId)
                .query(SignedRecords::row).optional();
    }

    /** The stored XML, checked against the hash the row recorded. */
    public byte[] read(StoredRecord record) {
        return objects.read(record.objectKey(), record.sha256(), "học bạ số v" + record.version() + " của học sinh "
                + record.studentId());
    }

    /** Stores one record's bytes as version {@code version} of the student's record ({@link #saveAll}). */
    StoredRecord save(ClassId classId, long studentId, int version, String contentSha256, byte[] xml, int slotsSigned,
            int slotsTotal, Instant at) {
        return saveAll(classId, List.of(new NewVersion(studentId, version, contentSha256, xml, slotsSigned, slotsTotal)),
                at).get(0);
    }

    /**
     * Stores each record's bytes as its version of the student's record (a new row for a new version, else the
     * version's row moves to the new object), at most one version per student: the objects one by one, the rows in
     * one batch of updates and one of inserts for the versions not stored yet
     * (a signing step stores a version of every record of the class; a statement each was 6 % of a sheet request).
     */
    List<StoredRecord> saveAll(ClassId classId, List<NewVersion> versions, Instant at) {
        List<StoredRecord> rows = new ArrayList<>();
        for (NewVersion v : versions) {
            String key = "hocbaso/" + classId.value() + "/" + v.studentId() + "/v" + v.version() + "-"
                    + Sha256.hex(v.xml()).substring(0, 16) + ".xml";
            StoredObject stored = objects.put(key, "học bạ số của học sinh " + v.studentId(), out -> out.write(v.xml()));
            rows.add(new StoredRecord(classId.value(), v.studentId(), v.version(), v.contentSha256(), key,
                    stored.sha256(), v.slotsSigned(), v.slotsTotal(), at));
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Timestamp when = Timestamp.from(at);
        int[] updated = batch.batchUpdate(UPDATE, rows.stream().map(r -> new Object[] {r.objectKey(), r.sha256(),
                r.slotsSigned(), r.slotsTotal(), when, r.classId(), r.studentId(), r.version()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StoredRecord r = rows.get(i);
            if (updated[i] == Statement.SUCCESS_NO_INFO) { // the driver did not say: the row is updated on its own
                updated[i] = batch.update(UPDATE, r.objectKey(), r.sha256(), r.slotsSigned(), r.slotsTotal(), when,
                        r.classId(), r.studentId(), r.version());
            }
            if (updated[i] == 0) {
                inserts.add(new Object[] {r.classId(), r.studentId(), r.version(), r.contentSha256(), r.objectKey(),
                        r.sha256(), r.slotsSigned(), r.slotsTotal(), when});
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate(INSERT, inserts);
        }
        return rows;
    }

    private static StoredRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredRecord(rs.getLong("class_id"), rs.getLong("student_id"), rs.getInt("version"),
                rs.getString("content_sha256"), rs.getString("object_key"), rs.getString("sha256"),
                rs.getInt("slots_signed"), rs.getInt("slots_total"), rs.getTimestamp("updated_at").toInstant());
    }
}
