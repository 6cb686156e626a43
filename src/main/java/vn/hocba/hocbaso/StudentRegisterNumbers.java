package vn.hocba.hocbaso;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.documents.RegisterNumbers;

/** The register numbers {@link StudentIdentifiers} keeps, for the transcripts' covers. */
@Component
class StudentRegisterNumbers implements RegisterNumbers {

    private final JdbcClient jdbc;

    StudentRegisterNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> of(Collection<Long> studentIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (studentIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select student_id, register_number from hocbaso_student_code where register_number is not null"
                        + " and student_id in (:ids)")
                .param("ids", studentIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().forEach(e -> numbers.put(e.getKey(), e.getValue()));
        return numbers;
    }
}
