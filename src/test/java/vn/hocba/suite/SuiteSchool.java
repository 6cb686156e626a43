package vn.hocba.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo school as the suite uses it: one class (8A2) and one integrated subject taught by two co-teachers
 * (Lịch sử và Địa lí: history columns 1–2, geography 3–4), the eleven personas around that class, and real ids
 * for every path variable. Personas the demo has no clean example of (a department head who neither teaches
 * the class nor is a homeroom teacher; a teacher with no assignment at all) are created here, with the demo
 * password.
 */
final class SuiteSchool {

    static final String CLASS = "8A2";
    static final String SUBJECT = "LS_DL";
    /** An account the admin board's account operations (disable, reset password, link) act on. */
    static final String VICTIM = "matrix_victim";
    /** An account only used to ask for a bearer token. */
    static final String TOKEN_USER = "matrix_token";

    static final List<String> PERSONAS = List.of("anonymous", "unassigned", "subject-teacher", "co-teacher",
            "other-homeroom", "homeroom", "department-head", "clerk", "admin-board", "vice-principal", "principal");

    private final JdbcClient jdbc;
    final long classId;
    final long subjectId;
    final long yearId;
    final long studentId;
    final int grade;
    final Map<String, String> usernames = new LinkedHashMap<>();

    SuiteSchool(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.yearId = jdbc.sql("select id from school_year where status = 'ACTIVE'").query(Long.class).single();
        this.classId = jdbc.sql("select id from school_class where code = ? and school_year_id = ?").params(CLASS, yearId)
                .query(Long.class).single();
        this.grade = jdbc.sql("select grade from school_class where id = ?").param(classId).query(Integer.class).single();
        this.subjectId = jdbc.sql("select id from subject where code = ?").param(SUBJECT).query(Long.class).single();
        this.studentId = jdbc.sql("select min(student_id) from enrolment where class_id = ?").param(classId).query(Long.class).single();
        usernames.put("unassigned", createAccount("matrix_unassigned", null, true));
        usernames.put("subject-teacher", teacher("first_column = 1"));
        usernames.put("co-teacher", teacher("first_column = 3"));
        usernames.put("other-homeroom", jdbc.sql("""
                select a.username from account a join homeroom_assignment h on h.staff_id = a.staff_id
                where h.class_id <> ? and a.staff_id not in (select staff_id from teaching_assignment where class_id = ?)
                and a.id not in (select account_id from account_role) order by a.username limit 1""")
                .params(classId, classId).query(String.class).single());
        usernames.put("homeroom", jdbc.sql("""
                select a.username from account a join homeroom_assignment h on h.staff_id = a.staff_id where h.class_id = ?""")
                .param(classId).query(String.class).single());
        String head = createAccount("matrix_totruong", null, true);
        jdbc.sql("insert into account_role (account_id, role) select id, 'DEPARTMENT_HEAD' from account where username = ?")
                .param(head).update();
        usernames.put("department-head", head);
        usernames.put("clerk", "vanthu");
        usernames.put("admin-board", "quantri");
        usernames.put("vice-principal", "phohieutruong");
        usernames.put("principal", "hieutruong");
        createAccount(VICTIM, null, false);
        createAccount(TOKEN_USER, null, false);
    }

    /** The teacher of the subject in the class whose columns match, who holds no homeroom and no role. */
    private String teacher(String columns) {
        return jdbc.sql("""
                select a.username from account a join teaching_assignment t on t.staff_id = a.staff_id
                where t.class_id = ? and t.subject_id = ? and t.""" + columns + """
                 and a.staff_id not in (select staff_id from homeroom_assignment)
                and a.id not in (select account_id from account_role) order by a.username limit 1""")
                .params(classId, subjectId).query(String.class).single();
    }

    /** A new account with the demo password (copied hash), optionally on a new staff record with no assignment. */
    private String createAccount(String username, String role, boolean withStaff) {
        Long staff = null;
        if (withStaff) {
            long school = jdbc.sql("select school_id from school_year where id = ?").param(yearId).query(Long.class).single();
            jdbc.sql("insert into staff (school_id, code, full_name, position) values (?, ?, ?, 'TEACHER')")
                    .params(school, username.toUpperCase(), "Giáo viên " + username).update();
            staff = jdbc.sql("select id from staff where code = ?").param(username.toUpperCase()).query(Long.class).single();
        }
        jdbc.sql("""
                insert into account (username, password_hash, staff_id, display_name, enabled)
                select ?, password_hash, ?, ?, true from account where username = 'gv01'""")
                .params(username, staff, "Tài khoản " + username).update();
        return username;
    }

    /** True when the accounts were made in the database {@code other} reads. */
    boolean sameDatabase(JdbcClient other) {
        return other.sql("select count(*) from account where username = ?").param(VICTIM).query(Long.class).single() == 1;
    }

    String username(String persona) {
        return usernames.get(persona);
    }

    /** The value of a path variable or required query parameter named {@code name} in {@code path}, or empty. */
    Optional<String> value(String path, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String v = switch (name) {
            case "classId", "lop" -> String.valueOf(classId);
            case "subjectId", "mon" -> String.valueOf(subjectId);
            case "term", "hk", "hocKi" -> "2";
            case "yearId" -> String.valueOf(yearId);
            case "studentId", "hs" -> String.valueOf(studentId);
            case "grade", "khoi" -> String.valueOf(grade);
            case "month" -> "2025-10";
            case "period" -> "HK2";
            case "kind", "loai" -> "MIDTERM";
            case "username" -> VICTIM;
            case "snapshotId" -> first("select max(id) from gradebook_snapshot where class_id = " + classId);
            case "lockId" -> first("select max(id) from gradebook_lock where class_id = " + classId);
            case "runId" -> first("select max(id) from document_generation where class_id = " + classId);
            case "document" -> "GRADEBOOK";
            case "versionId" -> firstText("select max(id) from issued_document where class_id = " + classId);
            case "version", "page" -> "1";
            case "submissionId" -> first("select max(id) from hocbaso_submission");
            case "id" -> idFor(path);
            default -> null;
        };
        return Optional.ofNullable(v);
    }

    private String idFor(String path) {
        if (path.startsWith("/api/corrections")) {
            return first("select max(id) from correction_request where class_id = " + classId);
        }
        if (path.startsWith("/api/documents") || path.startsWith("/xac-minh")) {
            return firstText("select max(id) from issued_document where class_id = " + classId);
        }
        // a person's own things (notifications, certificates, signing sessions): no such id of theirs
        return "999999";
    }

    private String first(String sql) {
        Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
        return id == null ? "999999" : id.toString();
    }

    private String firstText(String sql) {
        String id = jdbc.sql(sql).query(String.class).optional().orElse(null);
        return id == null ? "none" : id;
    }

    /** What was audited after {@code head} (a value of {@link #auditHead}): actor, action and target per entry. */
    List<String> auditedSince(String head) {
        long id = Long.parseLong(head.substring(0, head.indexOf(':')));
        return jdbc.sql("select actor || ' ' || action || ' ' || target from audit_entry where id > ? order by id")
                .param(id).query(String.class).list();
    }

    /** Waits (at most five minutes) until no document generation run is running. */
    void awaitBackgroundWork() {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (jdbc.sql("select count(*) from document_generation where status = 'RUNNING'").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a document generation run is still running after five minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The audit chain's head: changes with every audited change. */
    String auditHead() {
        return jdbc.sql("select last_id || ':' || last_hash from audit_head where id = 1").query(String.class).single();
    }
}
