package vn.hocba.signing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.ClassId;

/** Who signed each document version of a class, at which stage and when (from {@code document_signature}), for pages. */
@Component
public class RecordedSignatures {

    /** One recorded signature: the stage key (HOMEROOM_TEACHER, PRINCIPAL, SCHOOL_SEAL, …), signer's name, time. */
    public record RecordedSignature(String documentId, String stage, String signer, Instant signedAt) {

        /** The stage in Vietnamese, as the documents page shows it. */
        public String stageName() {
            if (stage.startsWith("SUBJECT_TEACHER")) {
                return "GVBM";
            }
            return switch (stage) {
                case "HOMEROOM_TEACHER" -> "GVCN";
                case "PRINCIPAL" -> "Hiệu trưởng";
                case "SCHOOL_SEAL" -> "Đóng dấu";
                default -> stage.startsWith("LONG_TERM") || stage.startsWith("LTA") ? "Lưu trữ dài hạn (LTA)" : stage;
            };
        }
    }

    private final JdbcClient jdbc;

    RecordedSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every signature of the class's documents by document version id, in the order they were made. */
    public Map<String, List<RecordedSignature>> ofClass(ClassId classId) {
        return jdbc.sql("select document_id, stage, signer, signed_at from document_signature where class_id = ? "
                        + "order by signed_at, stage")
                .param(classId.value())
                .query((rs, n) -> new RecordedSignature(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list().stream()
                .collect(Collectors.groupingBy(RecordedSignature::documentId, LinkedHashMap::new, Collectors.toList()));
    }

    /** {@link #ofClass} of every class of the year (class id → document version id → signatures), in one query. */
    public Map<Long, Map<String, List<RecordedSignature>>> ofYear(vn.hocba.schoolyear.SchoolYearId year) {
        Map<Long, Map<String, List<RecordedSignature>>> all = new LinkedHashMap<>();
        jdbc.sql("select s.class_id, s.document_id, s.stage, s.signer, s.signed_at from document_signature s "
                        + "join school_class c on c.id = s.class_id where c.school_year_id = ? order by s.signed_at, s.stage")
                .param(year.value())
                .query(rs -> {
                    all.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>())
                            .add(new RecordedSignature(rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                });
        return all;
    }
}
