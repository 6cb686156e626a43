package vn.hocba.hocbaso;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final ObjectStore objects;

    SignedRecords(JdbcClient jdbc, ObjectStore objects) {
        this.jdbc = jdbc;
        this.objects = objects;
    }

    /** The latest version of every student's record of the class. */
    public List<StoredRecord> latestOfClass(ClassId classId) {
        return jdbc.sql("select * from hocbaso_signed_record r where class_id = ? and version = (select max(version) "
                + "from hocbaso_signed_record l where l.class_id = r.class_id and l.student_id = r.student_id) "
                + "order by student_id").param(classId.value()).query(SignedRecords::row).list();
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

    /**
     * Stores the record's current bytes as version {@code version} of the student's record (a new row for
     * a new version, else the version's row moves to the new object).
     */
    StoredRecord save(ClassId classId, long studentId, int version, String contentSha256, byte[] xml, int slotsSigned,
            int slotsTotal, Instant at) {
        String sha256 = Sha256.hex(xml);
        String key = "hocbaso/" + classId.value() + "/" + studentId + "/v" + version + "-" + sha256.substring(0, 16)
                + ".xml";
        StoredObject stored = objects.put(key, "học bạ số của học sinh " + studentId, out -> out.write(xml));
        int updated = jdbc.sql("update hocbaso_signed_record set object_key = ?, sha256 = ?, slots_signed = ?, "
                + "slots_total = ?, updated_at = ? where class_id = ? and student_id = ? and version = ?")
                .params(key, stored.sha256(), slotsSigned, slotsTotal, Timestamp.from(at), classId.value(), studentId,
                        version).update();
        if (updated == 0) {
            jdbc.sql("insert into hocbaso_signed_record (class_id, student_id, version, content_sha256, object_key, "
                    + "sha256, slots_signed, slots_total, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(classId.value(), studentId, version, contentSha256, key, stored.sha256(), slotsSigned,
                            slotsTotal, Timestamp.from(at)).update();
        }
        return new StoredRecord(classId.value(), studentId, version, contentSha256, key, stored.sha256(), slotsSigned,
                slotsTotal, at);
    }

    private static StoredRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredRecord(rs.getLong("class_id"), rs.getLong("student_id"), rs.getInt("version"),
                rs.getString("content_sha256"), rs.getString("object_key"), rs.getString("sha256"),
                rs.getInt("slots_signed"), rs.getInt("slots_total"), rs.getTimestamp("updated_at").toInstant());
    }
}
