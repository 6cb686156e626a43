package vn.hocba.gradebook.comments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolId;

/**
 * The comment bank (ngân hàng nhận xét): built-in and school templates plus each teacher's own, per
 * subject (or any) and level. Used by the subject comments page and the homeroom comments page;
 * every template added or removed is audited.
 */
@Service
@Transactional
public class CommentBank {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public CommentBank(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The templates {@code username} may use for {@code kind} comments of {@code subjectId} (null: homeroom). */
    @Transactional(readOnly = true)
    public List<CommentTemplate> templates(SchoolId school, String username, CommentTemplate.Kind kind, Long subjectId) {
        return jdbc.sql("""
                select id, owner, kind, subject_id, level, body from comment_template
                where active and kind = ? and (school_id is null or school_id = ?) and (owner is null or owner = ?)
                and (subject_id is null or subject_id = ?)
                order by case level when 'TOT' then 1 when 'KHA' then 2 when 'DAT' then 3 else 4 end,
                         case when owner is null then 1 else 0 end, id""")
                .params(kind.name(), school.value(), username, subjectId == null ? -1L : subjectId)
                .query((rs, n) -> new CommentTemplate(rs.getLong(1), rs.getString(2),
                        CommentTemplate.Kind.valueOf(rs.getString(3)), rs.getObject(4, Long.class),
                        CommentTemplate.Level.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /**
     * Adds a template: the teacher's own, or the school's ({@code forSchool}; the caller checks that
     * the person may speak for the school). Refused when empty or longer than the comment it fills.
     */
    public long add(SchoolId school, CommentTemplate.Kind kind, Long subjectId, CommentTemplate.Level level, String text,
            boolean forSchool, Actor by) {
        String body = text == null ? "" : java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        int max = kind == CommentTemplate.Kind.SUBJECT ? CommentSlot.SUBJECT_MAX_LENGTH : CommentSlot.HOMEROOM_MAX_LENGTH;
        if (body.isEmpty()) {
            throw Rejected.invalid("Mẫu nhận xét trống: hãy ghi nội dung.");
        }
        if (level == null) {
            throw Rejected.invalid("Hãy chọn mức của mẫu nhận xét (Tốt, Khá, Đạt hoặc Chưa đạt).");
        }
        int length = body.codePointCount(0, body.length());
        if (length > max) {
            throw Rejected.invalid("Mẫu nhận xét dài " + length + " ký tự, vượt quá giới hạn " + max + " ký tự của nhận xét.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into comment_template (school_id, owner, kind, subject_id, level, body, created_at, created_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(school.value(), forSchool ? null : by.username(), kind.name(), subjectId, level.name(), body,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), by.username())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(new AuditRecord(by, "COMMENT_TEMPLATE_ADDED", "comment-template " + id
                + (forSchool ? " (trường)" : " (" + by.username() + ")"), null, body, level.name(), null));
        return id;
    }

    /** Removes one of the teacher's own templates (the school's only with {@code forSchool}). */
    public void remove(long id, boolean forSchool, Actor by) {
        int rows = jdbc.sql("update comment_template set active = false where id = ? and active and "
                + (forSchool ? "owner is null and school_id is not null" : "owner = ?"))
                .params(forSchool ? new Object[] {id} : new Object[] {id, by.username()}).update();
        if (rows == 0) {
            throw Rejected.forbidden("Mẫu nhận xét số " + id + " không phải của bạn nên không xoá được.");
        }
        audit.append(new AuditRecord(by, "COMMENT_TEMPLATE_REMOVED", "comment-template " + id, null, null, null, null));
    }
}
