package vn.hocba.hocbaso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.schoolyear.ClassId;

/**
 * Submissions to the national store and what became of them, in {@code hocbaso_submission} and
 * {@code hocbaso_record_result}: a class package ("01") or a recall ("03"); each message has an
 * idempotency key derived from its content, so the same package or recall is never submitted twice;
 * a message the store cannot take now is retried with exponential backoff (1 min, 2, 4 … at most 6 h,
 * 8 attempts); {@link #poll} records the store's status and each record's result. A corrected record
 * is re-issued by recalling the accepted one and submitting a new package: both are tracked.
 */
@Service
public class StoreSubmissions {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    /** One message and its records' results. */
    public record Submission(long id, long classId, String purpose, String state, String nationalStatus, int attempts,
            String lastError, List<Result> records) {
    }

    /**
     * One record's result in a submission; {@code recordSha256} is the SHA-256 of the record file sent (of
     * the national id for a recall).
     */
    public record Result(String studentCode, String result, String nationalId, String errors, String recordSha256) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<NationalStore> store;
    private final AuditLog audit;
    private final Clock clock;
    private final Path bodies;
    private final TransactionTemplate transactions;

    StoreSubmissions(JdbcClient jdbc, ObjectProvider<NationalStore> store, AuditLog audit, Clock clock,
            @Value("${hocba.data-dir}") Path dataDir, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.bodies = dataDir.resolve("hocbaso").resolve("submissions");
    }

    /**
     * Why nothing can be sent when no store is configured (the default, the demo school): said before anything is
     * recorded, so no submission waits for a store that does not exist.
     */
    static final String NO_STORE = "Chưa gửi được: máy chủ HocBa chưa được cấu hình địa chỉ kho học bạ số của Sở"
            + " (hocba.hocbaso.store.url). Gói học bạ số của lớp vẫn tải về được bằng «Tải gói học bạ số của lớp (.zip)»;"
            + " hãy báo quản trị hệ thống cấu hình kho rồi gửi lại.";

    /** Submits a class package once; the same package again returns the first submission. */
    public long submitPackage(ClassId classId, byte[] packageZip, Actor by) {
        store();
        String key = NationalStore.CREATE + "-" + Sha256.hex(packageZip);
        Long existing = byKey(key);
        if (existing != null) {
            return existing;
        }
        long id = transactions.execute(status -> {
            long created = insert(classId, NationalStore.CREATE, key, packageZip, by);
            ClassPackage.records(packageZip).forEach((file, record) -> jdbc.sql("insert into hocbaso_record_result"
                    + " (submission_id, student_code, record_sha256, result) values (?, ?, ?, '00')")
                    .params(created, studentCode(file), Sha256.hex(record)).update());
            return created;
        });
        attempt(id); // outside the transaction: a slow store holds no lock
        return id;
    }

    /** Recalls ("thu hồi") the accepted record with national id {@code nationalId}, once. */
    public long recall(ClassId classId, String nationalId, String reason, Actor by) {
        Result accepted = jdbc.sql("select r.student_code, r.result, r.national_id, r.errors, r.record_sha256"
                + " from hocbaso_record_result r join hocbaso_submission s on s.id = r.submission_id"
                + " where s.purpose = '01' and r.national_id = ?").param(nationalId).query(StoreSubmissions::result)
                .optional().orElseThrow(() -> Rejected.notFound("Không có học bạ số nào được kho chấp nhận với mã định danh "
                        + nationalId + "."));
        store();
        String key = NationalStore.RECALL + "-" + Sha256.hex(nationalId);
        Long existing = byKey(key);
        if (existing != null) {
            return existing;
        }
        long id = transactions.execute(status -> {
            long created = insert(classId, NationalStore.RECALL, key, nationalId.getBytes(StandardCharsets.UTF_8), by);
            jdbc.sql("insert into hocbaso_record_result (submission_id, student_code, record_sha256, result, national_id)"
                    + " values (?, ?, ?, '00', ?)").params(created, accepted.studentCode(), Sha256.hex(nationalId), nationalId)
                    .update();
            audit.append(new AuditRecord(by, "HOCBASO_RECALL_REQUESTED", "hocbaso record " + nationalId, null, reason, reason,
                    "submission " + created));
            return created;
        });
        attempt(id);
        return id;
    }

    /** Sends a queued message; when the store cannot take it now, schedules the next attempt. */
    public void attempt(long id) {
        Submission s = submission(id);
        if (!"QUEUED".equals(s.state())) {
            return;
        }
        NationalStore configured = store.getIfAvailable();
        if (configured == null) {
            return; // queued before the store's address was removed: sent once one is configured again
        }
        String key = jdbc.sql("select idempotency_key from hocbaso_submission where id = ?").param(id).query(String.class).single();
        try {
            String reference = configured.submit(s.purpose(), key, read(key));
            jdbc.sql("update hocbaso_submission set state = 'SENT', store_reference = ?, attempts = attempts + 1,"
                    + " next_attempt_at = null, last_error = null where id = ?").params(reference, id).update();
        } catch (StoreUnavailableException e) {
            int attempts = s.attempts() + 1;
            boolean last = attempts >= MAX_ATTEMPTS;
            jdbc.sql("update hocbaso_submission set state = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(last ? "FAILED" : "QUEUED", attempts, last ? null : Timestamp.from(clock.instant().plus(backoff(attempts))),
                            truncate(e.getMessage()), id).update();
        }
    }

    /** The wait after the n-th failed attempt: 1 min doubled each time, at most 6 hours. */
    static Duration backoff(int failedAttempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Sends every queued message whose next attempt is due. */
    public void retryDue() {
        jdbc.sql("select id from hocbaso_submission where state = 'QUEUED' and next_attempt_at <= ?")
                .param(Timestamp.from(clock.instant())).query(Long.class).list().forEach(this::attempt);
    }

    /** The configured store; refused with {@link #NO_STORE} when there is none. */
    private NationalStore store() {
        NationalStore configured = store.getIfAvailable();
        if (configured == null) {
            throw Rejected.conflict(NO_STORE);
        }
        return configured;
    }

    /** Asks the store how far it got with a sent message and records the answer. */
    public Submission poll(long id) {
        String reference = jdbc.sql("select store_reference from hocbaso_submission where id = ? and state = 'SENT'")
                .param(id).query(String.class).optional().orElse(null);
        if (reference != null) {
            NationalStore.Status status = store().status(reference);
            transactions.executeWithoutResult(tx -> record(id, status)); // the store's answer and its audit, together
        }
        return submission(id);
    }

    private void record(long id, NationalStore.Status status) {
        for (NationalStore.RecordResult r : status.records()) {
            String errors = String.join("; ", r.errors().stream().map(e -> e.code() + ": " + e.name()).toList());
            jdbc.sql("update hocbaso_record_result set result = ?, national_id = coalesce(?, national_id), errors = ?"
                    + " where submission_id = ? and (student_code = ? or national_id = ?)")
                    .params(r.result(), r.nationalId(), errors.isEmpty() ? null : truncate(errors), id,
                            studentCode(r.file()), r.file()).update();
        }
        int moved = jdbc.sql("update hocbaso_submission set national_status = ?, state = ? where id = ? and state = 'SENT'")
                .params(status.code(), status.processed() ? "PROCESSED" : "SENT", id).update();
        if (status.processed() && moved == 1) { // two polls at once: the one that moved it audits
            auditAnswer(submission(id));
        }
    }

    /** The store's final answer changes what the school's records are (accepted, in error, recalled): audited. */
    private void auditAnswer(Submission s) {
        String results = String.join("; ", s.records().stream().map(r -> r.studentCode() + " " + r.result()
                + (r.nationalId() == null ? "" : " " + r.nationalId()) + (r.errors() == null ? "" : " (" + r.errors() + ")"))
                .toList());
        audit.append(new AuditRecord(Actor.system("kho-hoc-ba-so"), "HOCBASO_STORE_ANSWERED", "hocbaso submission " + s.id()
                + " class " + s.classId(), null, truncate(s.purpose() + " " + s.nationalStatus() + ": " + results), null, null));
    }

    private static Result result(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    public Submission submission(long id) {
        List<Result> records = jdbc.sql("select student_code, result, national_id, errors, record_sha256"
                + " from hocbaso_record_result where submission_id = ? order by student_code").param(id)
                .query(StoreSubmissions::result).list();
        return jdbc.sql("select id, class_id, purpose, state, national_status, attempts, last_error from hocbaso_submission"
                + " where id = ?").param(id).query((rs, n) -> new Submission(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), records)).optional()
                .orElseThrow(() -> Rejected.notFound("Không có lần gửi học bạ số số " + id + "."));
    }

    /** The messages sent and not yet processed by the store (what a poll asks about). */
    public List<Long> open() {
        return jdbc.sql("select id from hocbaso_submission where state = 'SENT' order by id").query(Long.class).list();
    }

    /** Every submission of a class, newest first: what the clerk's page shows. */
    public List<Submission> ofClass(ClassId classId) {
        return jdbc.sql("select id from hocbaso_submission where class_id = ? order by id desc").param(classId.value())
                .query(Long.class).list().stream().map(this::submission).toList();
    }

    private long insert(ClassId classId, String purpose, String key, byte[] body, Actor by) {
        write(key, body);
        jdbc.sql("insert into hocbaso_submission (class_id, purpose, idempotency_key, package_sha256, state, attempts,"
                + " created_at) values (?, ?, ?, ?, 'QUEUED', 0, ?)")
                .params(classId.value(), purpose, key, Sha256.hex(body), Timestamp.from(clock.instant())).update();
        long id = byKey(key);
        audit.append(new AuditRecord(by, "HOCBASO_SUBMISSION_CREATED", "hocbaso submission " + id + " class " + classId.value(),
                null, purpose + " " + Sha256.hex(body), null, null));
        return id;
    }

    private Long byKey(String key) {
        return jdbc.sql("select id from hocbaso_submission where idempotency_key = ?").param(key).query(Long.class)
                .optional().orElse(null);
    }

    private void write(String key, byte[] body) {
        try {
            Files.createDirectories(bodies);
            Files.write(bodies.resolve(key + ".bin"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String key) {
        try {
            return Files.readAllBytes(bodies.resolve(key + ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "hocba/HS00001.hocbaso.xml" → "HS00001". */
    static String studentCode(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".hocbaso.xml") ? name.substring(0, name.length() - ".hocbaso.xml".length()) : name;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
