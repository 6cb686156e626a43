package vn.hocba.hocbaso;

import java.util.List;
import java.util.Optional;
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
 * What the clerk does with a class's signed records: submit the class package to the national store,
 * recall an accepted record, re-issue a record corrected after it was accepted (recall + a package with
 * the new version only); every message is tracked by {@link StoreSubmissions}.
 */
@Service
public class RecordSubmissions {

    private final ClassPackages packages;
    private final StoreSubmissions submissions;
    private final IssuingCredential issuer;
    private final SignedRecords records;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    RecordSubmissions(ClassPackages packages, StoreSubmissions submissions, IssuingCredential issuer,
            SignedRecords records, JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.packages = packages;
        this.submissions = submissions;
        this.issuer = issuer;
        this.records = records;
        this.jdbc = jdbc;
    }

    /** Submits the package of the class's released records ("01"); the same package again is not resent. */
    public StoreSubmissions.Submission submit(ClassId classId, Actor by) {
        ClassPackages.Built built = packages.current(classId, issuer.of(classId)).orElseThrow(() -> Rejected.conflict(
                "Lớp chưa có học bạ số nào được ký đủ (giáo viên bộ môn, chủ nhiệm, hiệu trưởng, chứng thư phát hành); "
                        + "chưa có gì để gửi kho học bạ số."));
        return submissions.submission(submissions.submitPackage(classId, built.zip(), by));
    }

    /** The package of the class's released records (what {@link #submit} sends), for the clerk to download. */
    public Optional<ClassPackages.Built> currentPackage(ClassId classId) {
        return packages.current(classId, issuer.of(classId));
    }

    /** Recalls ("03") the accepted record with this national id. */
    public StoreSubmissions.Submission recall(ClassId classId, String nationalId, String reason, Actor by) {
        requireReason(reason);
        return submissions.submission(submissions.recall(classId, nationalId, reason, by));
    }

    /**
     * Re-issues a student's record corrected after the store accepted it: recalls the accepted record and
     * submits a package with the current version. Refused while the record did not change or is not signed.
     */
    public List<StoreSubmissions.Submission> reissue(ClassId classId, long studentId, String reason, Actor by) {
        requireReason(reason);
        SignedRecords.StoredRecord latest = records.latest(classId, studentId).filter(SignedRecords.StoredRecord::complete)
                .orElseThrow(() -> Rejected.conflict("Học bạ số của học sinh mã số " + studentId
                        + " chưa được ký đủ; chưa thể phát hành lại."));
        String studentCode = XmlDocuments.parse(records.read(latest))
                .getElementsByTagName(HocBaSoProfile.SCHOOL_STUDENT_CODE).item(0).getTextContent();
        Accepted accepted = accepted(classId, studentCode).orElseThrow(() -> Rejected.conflict("Học bạ số của "
                + studentCode + " chưa được kho chấp nhận (chưa có mã định danh học bạ); hãy gửi gói của lớp."));
        if (accepted.recordSha256().equals(Sha256.hex(records.read(latest)))) {
            throw Rejected.conflict("Học bạ số của " + studentCode + " không thay đổi từ khi kho chấp nhận (mã "
                    + accepted.nationalId() + "); không cần phát hành lại.");
        }
        StoreSubmissions.Submission recall = recall(classId, accepted.nationalId(), reason, by);
        ClassPackages.Built built = packages.ofStudent(classId, studentId, issuer.of(classId)).orElseThrow();
        StoreSubmissions.Submission created = submissions.submission(submissions.submitPackage(classId, built.zip(), by));
        transactions.executeWithoutResult(tx -> audit.append(new AuditRecord(by, "HOCBASO_REISSUED", "hocbaso record " + studentCode + " class " + classId.value(),
                accepted.nationalId() + " " + accepted.recordSha256(), "v" + latest.version() + " " + latest.sha256(), reason,
                "submissions " + recall.id() + ", " + created.id())));
        return List.of(recall, created);
    }

    private record Accepted(String nationalId, String recordSha256) {
    }

    private Optional<Accepted> accepted(ClassId classId, String studentCode) {
        return jdbc.sql("select r.national_id, r.record_sha256 from hocbaso_record_result r join hocbaso_submission s"
                + " on s.id = r.submission_id where s.class_id = ? and s.purpose = '01' and r.student_code = ?"
                + " and r.result = '01' order by s.id desc limit 1").params(classId.value(), studentCode)
                .query((rs, n) -> new Accepted(rs.getString(1), rs.getString(2))).optional();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid("Hãy ghi lý do thu hồi hoặc phát hành lại học bạ số.");
        }
    }
}
