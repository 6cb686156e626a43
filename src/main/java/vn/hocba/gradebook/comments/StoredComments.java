package vn.hocba.gradebook.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.SchoolClass;

/**
 * Reads stored comments, for the comment API, the documents and the class gradebook JSON. Apart
 * from {@link StudentComments} (which writes and checks locks) so that the export taken inside a
 * lock ({@link Snapshots}) can read comments without depending on the locks.
 */
@Component
public class StoredComments {

    private final JdbcClient jdbc;

    StoredComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every comment of the class. */
    public ClassComments ofClass(SchoolClass schoolClass) {
        Map<String, String> bySubject = new HashMap<>();
        jdbc.sql("select c.student_id, s.code, c.term, c.body from subject_comment c join subject s on s.id = c.subject_id "
                + "where c.class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> bySubject.put(ClassComments.subjectKey(rs.getLong(1), rs.getString(2),
                        CommentPeriod.ofCode(rs.getInt(3))), rs.getString(4))).list();
        Map<String, String> homeroom = new HashMap<>();
        jdbc.sql("select student_id, term, body from homeroom_comment where class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> homeroom.put(ClassComments.homeroomKey(rs.getLong(1), CommentPeriod.ofCode(rs.getInt(2))),
                        rs.getString(3))).list();
        return new ClassComments(bySubject, homeroom);
    }

    /** The comments of one slot, by student id. */
    List<StudentComment> in(CommentSlot slot) {
        List<Object> params = new ArrayList<>(slot.keyParams());
        return jdbc.sql("select student_id, body, version, updated_by from " + slot.table() + " where " + slot.key()
                + " order by student_id").params(params)
                .query((rs, n) -> new StudentComment(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
    }
}
