package vn.hocba.gradebook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.UnsupportedRuleSetException;
import vn.hocba.grading.json.ResultsJson;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.common.Sha256;

/**
 * Snapshots taken when a gradebook is locked: the class gradebook ({@code hocba.class-gradebook/1}
 * with the teachers' comments, exactly as {@link GradebookExport} exports it) and its results
 * ({@code hocba.class-results/1}) with the SHA-256 of each. Stored once, never overwritten (the
 * database refuses UPDATE and DELETE), and verifiable against their hashes.
 */
@Service
@Transactional
public class Snapshots {

    private final JdbcClient jdbc;
    private final ClassGradebookAssembler assembler;
    private final GradebookExport export;
    private final Clock clock;
    private final RuleSets rules = RuleSets.standard();

    public Snapshots(JdbcClient jdbc, ClassGradebookAssembler assembler, GradebookExport export, Clock clock) {
        this.jdbc = jdbc;
        this.assembler = assembler;
        this.export = export;
        this.clock = clock;
    }

    /** A snapshot is one of these documents. */
    public enum Document { GRADEBOOK, RESULTS }

    void take(long lockId, SchoolClass schoolClass) {
        ClassGradebook gradebook = assembler.assemble(schoolClass);
        String gradebookJson = export.json(schoolClass, gradebook);
        String resultsJson;
        try {
            resultsJson = new ResultsJson(true).write(rules.compute(gradebook));
        } catch (UnsupportedRuleSetException e) {
            resultsJson = "{\"format\":\"" + ResultsJson.FORMAT + "\",\"unsupported\":true}";
        }
        jdbc.sql("insert into gradebook_snapshot (lock_id, class_id, taken_at, gradebook, results, gradebook_sha256, "
                + "results_sha256) values (?, ?, ?, ?, ?, ?, ?)")
                .params(lockId, schoolClass.id().value(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        gradebookJson, resultsJson, Sha256.hex(gradebookJson), Sha256.hex(resultsJson))
                .update();
    }

    @Transactional(readOnly = true)
    public List<Snapshot> ofClass(long classId) {
        return jdbc.sql("select id, lock_id, class_id, taken_at, gradebook_sha256, results_sha256 from gradebook_snapshot "
                + "where class_id = ? order by id").param(classId)
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6))).list();
    }

    /** The stored document of a snapshot, exactly as it was taken. */
    @Transactional(readOnly = true)
    public String document(long snapshotId, Document which) {
        return jdbc.sql("select " + (which == Document.GRADEBOOK ? "gradebook" : "results")
                + " from gradebook_snapshot where id = ?").param(snapshotId).query(String.class).optional()
                .orElseThrow(() -> Rejected.notFound("Không có bản chụp sổ điểm số " + snapshotId + "."));
    }

    /** True when both stored documents still hash to the values recorded when the snapshot was taken. */
    @Transactional(readOnly = true)
    public boolean verify(long snapshotId) {
        return jdbc.sql("select gradebook, results, gradebook_sha256, results_sha256 from gradebook_snapshot where id = ?")
                .param(snapshotId)
                .query((rs, n) -> Sha256.hex(rs.getString(1)).equals(rs.getString(3)) && Sha256.hex(rs.getString(2)).equals(rs.getString(4)))
                .optional().orElseThrow(() -> Rejected.notFound("Không có bản chụp sổ điểm số " + snapshotId + "."));
    }
}
