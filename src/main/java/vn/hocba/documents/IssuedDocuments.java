package vn.hocba.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code issued_document} table: one row per issued document version, never updated. */
@Repository
class IssuedDocuments {

    /** Published: issued before generation runs existed, or by a run that completed (all or nothing). */
    private static final String PUBLISHED = """
            (%1$s.generation_id is null or exists (select 1 from document_generation g
             where g.id = %1$s.generation_id and g.status = 'COMPLETED'))""";

    private static final String SELECT = """
            select d.*, c.code as class_code, s.full_name as student_name,
                   (select n.id from issued_document n where n.supersedes = d.id and %s) as superseded_by
            from issued_document d join school_class c on c.id = d.class_id left join student s on s.id = d.student_id
            """.formatted(PUBLISHED.formatted("n"));

    private final JdbcClient jdbc;

    IssuedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the content fingerprint of the latest version is, to tell a re-issue from a retry. Sees
     * the unpublished versions of an unfinished run too: resuming that run must not issue them again.
     */
    record Latest(IssuedDocument document, String contentSha256, String ownContentSha256) {
    }

    Optional<Latest> latest(String documentId) {
        return jdbc.sql(SELECT + " where d.document_id = ? order by d.version desc").param(documentId)
                .query((rs, n) -> new Latest(row(rs, n), rs.getString("content_sha256"),
                        rs.getString("own_content_sha256"))).list().stream().findFirst();
    }

    /** The latest published version of a document. */
    Optional<IssuedDocument> latestPublished(String documentId) {
        return jdbc.sql(SELECT + " where d.document_id = ? and " + PUBLISHED.formatted("d") + " order by d.version desc")
                .param(documentId).query(IssuedDocuments::row).list().stream().findFirst();
    }

    /** Creates the lock row of the class if it has none yet (a race is settled by the primary key). */
    void createLock(long classId) {
        if (jdbc.sql("select count(*) from issued_document_lock where class_id = ?").param(classId).query(Long.class)
                .single() == 0) {
            jdbc.sql("insert into issued_document_lock (class_id) values (?)").param(classId).update();
        }
    }

    /**
     * Serialises the issuing of one class's documents until the transaction ends, so that two
     * people pressing "generate" at once cannot issue the same version twice.
     */
    void lockClass(long classId) {
        jdbc.sql("select class_id from issued_document_lock where class_id = ? for update").param(classId)
                .query(Long.class).single();
    }

    /** How many new versions generation run {@code generationId} issued. */
    int issuedBy(long generationId) {
        return jdbc.sql("select count(*) from issued_document where generation_id = ?").param(generationId)
                .query(Long.class).single().intValue();
    }

    Optional<IssuedDocument> find(String id) {
        return jdbc.sql(SELECT + " where d.id = ? and " + PUBLISHED.formatted("d")).param(id)
                .query(IssuedDocuments::row).optional();
    }

    /** The published version whose embedded data XML has this SHA-256 (the data names its version, so one at most). */
    Optional<IssuedDocument> withData(String dataSha256) {
        return jdbc.sql(SELECT + " where d.data_sha256 = ? and " + PUBLISHED.formatted("d") + " order by d.version desc")
                .param(dataSha256).query(IssuedDocuments::row).list().stream().findFirst();
    }

    List<IssuedDocument> ofClass(long classId) {
        return jdbc.sql(SELECT + " where d.class_id = ? and " + PUBLISHED.formatted("d")
                + " order by d.kind, d.document_id, d.version").param(classId).query(IssuedDocuments::row).list();
    }

    /** The published documents of every class of school year {@code yearId}, in one query (the school dashboard). */
    List<IssuedDocument> ofYear(long yearId) {
        return jdbc.sql(SELECT + " where c.school_year_id = ? and " + PUBLISHED.formatted("d")
                + " order by d.class_id, d.kind, d.document_id, d.version").param(yearId).query(IssuedDocuments::row).list();
    }

    /** Records a version issued by generation run {@code generationId}, published when that run completes. */
    void insert(IssuedDocument d, String contentSha256, String ownContentSha256, long generationId) {
        jdbc.sql("insert into issued_document (id, document_id, version, supersedes, class_id, student_id, kind, scope, "
                + "sha256, data_sha256, content_sha256, own_content_sha256, size_bytes, path, created_at, created_by, "
                + "generation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.documentId(), d.version(), d.supersedes().orElse(null), d.classId(),
                        d.studentId().orElse(null), d.kind().name(), d.scope().name(), d.sha256(), d.dataSha256(),
                        contentSha256, ownContentSha256, d.size(), d.path(), OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC),
                        d.createdBy(), generationId)
                .update();
    }

    private static IssuedDocument row(ResultSet rs, int n) throws SQLException {
        long student = rs.getLong("student_id");
        Optional<Long> studentId = rs.wasNull() ? Optional.empty() : Optional.of(student);
        return new IssuedDocument(rs.getString("id"), rs.getString("document_id"), rs.getInt("version"),
                Optional.ofNullable(rs.getString("supersedes")), rs.getLong("class_id"), rs.getString("class_code"),
                studentId, Optional.ofNullable(rs.getString("student_name")), DocumentKind.valueOf(rs.getString("kind")),
                AssessmentScope.valueOf(rs.getString("scope")), rs.getString("sha256"), rs.getString("data_sha256"),
                rs.getLong("size_bytes"), rs.getString("path"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                Optional.ofNullable(rs.getString("superseded_by")));
    }
}
