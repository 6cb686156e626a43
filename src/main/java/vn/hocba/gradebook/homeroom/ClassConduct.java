package vn.hocba.gradebook.homeroom;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.schoolyear.SchoolClass;

/** The conduct ratings stored for a class and term (1, 2; 3 = the summer re-assessment), as the homeroom teacher entered them. */
@Service
@Transactional(readOnly = true)
public class ClassConduct {

    /** One stored rating: T, K, Đ or CĐ with the homeroom teacher's comment. */
    public record Rating(long studentId, String level, String comment) {
    }

    private final JdbcClient jdbc;

    public ClassConduct(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ratings of {@code term} by student id. */
    public Map<Long, Rating> of(SchoolClass schoolClass, int term) {
        return jdbc.sql("select student_id, level, comment from conduct_rating where class_id = ? and term = ?")
                .params(schoolClass.id().value(), term)
                .query((rs, n) -> new Rating(rs.getLong(1), rs.getString(2), rs.getString(3))).list().stream()
                .collect(Collectors.toMap(Rating::studentId, r -> r));
    }
}
