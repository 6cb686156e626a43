package vn.hocba.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The {@code document_generation} table: one row per generation run of a class's documents. */
@Repository
class DocumentGenerations {

    private final JdbcClient jdbc;

    DocumentGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long classId, AssessmentScope scope, Set<DocumentKind> kinds, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into document_generation (class_id, scope, kinds, status, total, done, requested_by, started_at) "
                + "values (?, ?, ?, 'RUNNING', 0, 0, ?, ?)")
                .params(classId, scope.name(), kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** The run of the class that has not completed (failed, or running or stopped by a crash), if any. */
    Optional<GenerationRun> unfinished(long classId) {
        return jdbc.sql("select * from document_generation where class_id = ? and status <> 'COMPLETED' order by id")
                .param(classId).query(DocumentGenerations::row).list().stream().findFirst();
    }

    Optional<GenerationRun> find(long id) {
        return jdbc.sql("select * from document_generation where id = ?").param(id).query(DocumentGenerations::row)
                .optional();
    }

    /** Records that {@code node} claimed run {@code id} (started or resumed it), taking it over from a node or not. */
    void claimed(long id, String node, Instant at, Optional<String> overFrom) {
        jdbc.sql("insert into document_generation_claim (generation_id, node, claimed_at, taken_over_from) "
                + "values (?, ?, ?, ?)").params(id, node, Timestamp.from(at), overFrom.orElse(null)).update();
    }

    void resumed(long id) {
        jdbc.sql("update document_generation set status = 'RUNNING', error = null where id = ?").param(id).update();
    }

    void total(long id, int total) {
        jdbc.sql("update document_generation set total = ? where id = ?").params(total, id).update();
    }

    void done(long id, int done) {
        jdbc.sql("update document_generation set done = ? where id = ?").params(done, id).update();
    }

    void complete(long id, Instant at) {
        jdbc.sql("update document_generation set status = 'COMPLETED', finished_at = ? where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void fail(long id, String error) {
        String message = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update document_generation set status = 'FAILED', error = ? where id = ?").params(message, id).update();
    }

    private static GenerationRun row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new GenerationRun(rs.getLong("id"), rs.getLong("class_id"), AssessmentScope.valueOf(rs.getString("scope")),
                Arrays.stream(rs.getString("kinds").split(",")).map(DocumentKind::valueOf).collect(Collectors.toSet()),
                GenerationRun.Status.valueOf(rs.getString("status")), rs.getInt("done"), rs.getInt("total"),
                rs.getString("requested_by"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(finished).map(OffsetDateTime::toInstant), Optional.ofNullable(rs.getString("error")));
    }
}
