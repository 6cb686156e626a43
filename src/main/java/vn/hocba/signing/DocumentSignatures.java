package vn.hocba.signing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code document_signature} table: which stage of which document is signed, by whom. */
@Repository
class DocumentSignatures {

    private final JdbcClient jdbc;

    DocumentSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a stage once; a stage already recorded (a resumed batch) is left as it is. */
    void record(String documentId, SigningStage stage, long classId, String signer, String sha256, Instant at) {
        record(documentId, stage.key(1), classId, signer, sha256, at);
    }

    /** As {@link #record(String, SigningStage, long, String, String, Instant)} for a stage key with its part. */
    void record(String documentId, String stageKey, long classId, String signer, String sha256, Instant at) {
        if (has(documentId, stageKey)) {
            return;
        }
        jdbc.sql("""
                insert into document_signature (document_id, stage, class_id, signer, sha256, signed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(documentId, stageKey, classId, signer, sha256, Timestamp.from(at)).update();
    }

    boolean has(String documentId, SigningStage stage) {
        return has(documentId, stage.key(1));
    }

    private boolean has(String documentId, String stageKey) {
        return jdbc.sql("select count(*) from document_signature where document_id = ? and stage = ?")
                .params(documentId, stageKey).query(Long.class).single() > 0;
    }

    /** The SHA-256 of the file a stage of a document produced, once recorded. */
    Optional<String> sha256(String documentId, SigningStage stage) {
        return jdbc.sql("select sha256 from document_signature where document_id = ? and stage = ?")
                .params(documentId, stage.key(1)).query(String.class).optional().map(String::trim);
    }

    /** The SHA-256 of the file a stage (with its part: {@code SUBJECT_TEACHER_2}) produced; null when not recorded. */
    String recordedSha256(String documentId, String stageKey) {
        return jdbc.sql("select sha256 from document_signature where document_id = ? and stage = ?")
                .params(documentId, stageKey).query(String.class).optional().map(String::trim).orElse(null);
    }

    /**
     * The hashes recorded for the class's documents so far, read in one query, as a {@link SignedFiles.Recorded}: a
     * stage recorded after this read (not in it) is looked up on its own. A row is written once and never changed,
     * so what this read holds stays true; keep it no longer than one step (a class's export package reads every
     * document's hash two or three times, one query each).
     */
    SignedFiles.Recorded recordedOfClass(long classId) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("select document_id, stage, sha256 from document_signature where class_id = ?").param(classId)
                .query(rs -> {
                    hashes.put(rs.getString(1) + ' ' + rs.getString(2), rs.getString(3).trim());
                });
        return (documentId, stageKey) -> {
            String sha256 = hashes.get(documentId + ' ' + stageKey);
            return sha256 != null ? sha256 : recordedSha256(documentId, stageKey);
        };
    }

    /** Whether {@code sha256} is the hash of a file some signing stage of {@code documentId} produced. */
    boolean producedFile(String documentId, String sha256) {
        return jdbc.sql("select count(*) from document_signature where document_id = ? and sha256 = ?")
                .params(documentId, sha256).query(Long.class).single() > 0;
    }

    /** Who signed a document as its subject teacher(s), in signing order. */
    List<String> subjectTeachers(String documentId) {
        return jdbc.sql("select signer from document_signature where document_id = ? and stage like 'SUBJECT_TEACHER%' "
                + "order by signed_at, stage").param(documentId).query(String.class).list();
    }
}
