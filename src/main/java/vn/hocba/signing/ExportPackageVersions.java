package vn.hocba.signing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code export_package} table: every package version of a class, the latest current, the others outdated. */
@Repository
class ExportPackageVersions {

    private final JdbcClient jdbc;

    ExportPackageVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest version of the class's package with its content key. */
    Optional<Latest> latest(long classId) {
        return jdbc.sql("select * from export_package where class_id = ? order by version desc").param(classId)
                .query((rs, n) -> new Latest(row(rs, n), rs.getString("content_key").trim())).list().stream().findFirst();
    }

    record Latest(ExportPackageVersion version, String contentKey) {
    }

    /** Records a new version and marks every earlier version of the class outdated, in one transaction. */
    @Transactional
    void record(long classId, ExportPackageVersion v, String contentKey) {
        jdbc.sql("""
                insert into export_package (class_id, version, content_key, file_name, sha256, size_bytes, documents,
                  created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(classId, v.version(), contentKey, v.fileName(), v.sha256(), v.sizeBytes(), v.documents(),
                        Timestamp.from(v.createdAt())).update();
        jdbc.sql("update export_package set outdated_at = ? where class_id = ? and version < ? and outdated_at is null")
                .params(Timestamp.from(v.createdAt()), classId, v.version()).update();
    }

    /** Every version of the class's package, the latest first. */
    List<ExportPackageVersion> all(long classId) {
        return jdbc.sql("select * from export_package where class_id = ? order by version desc").param(classId)
                .query(ExportPackageVersions::row).list();
    }

    static ExportPackageVersion row(ResultSet rs, int n) throws SQLException {
        Timestamp outdated = rs.getTimestamp("outdated_at");
        return new ExportPackageVersion(rs.getInt("version"), rs.getString("file_name"), rs.getString("sha256").trim(),
                rs.getLong("size_bytes"), rs.getInt("documents"), rs.getTimestamp("created_at").toInstant(),
                outdated != null, outdated == null ? null : outdated.toInstant());
    }
}
