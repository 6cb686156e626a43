package vn.hocba.exchange;

import java.sql.Timestamp;
import java.time.Instant;
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
        if (has(documentId, stage)) {
            return;
        }
        jdbc.sql("""
                insert into document_signature (document_id, stage, class_id, signer, sha256, signed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(documentId, stage.name(), classId, signer, sha256, Timestamp.from(at)).update();
    }

    boolean has(String documentId, SigningStage stage) {
        return jdbc.sql("select count(*) from document_signature where document_id = ? and stage = ?")
                .params(documentId, stage.name()).query(Long.class).single() > 0;
    }

    int count(long classId, SigningStage stage) {
        return jdbc.sql("select count(*) from document_signature where class_id = ? and stage = ?")
                .params(classId, stage.name()).query(Long.class).single().intValue();
    }
}
