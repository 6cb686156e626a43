package vn.hocba.signing;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.AuditCheckpoints;
import vn.hocba.audit.AuditLog;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.hocbaso.ClassPackages;
import vn.hocba.hocbaso.ClassRecordSigning;
import vn.hocba.hocbaso.SealedRecords;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.Staff;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningServices;
import vn.hocba.storage.ObjectStore;

/**
 * What every signing step of a class needs: its year documents in the signed store
 * (the object store's {@code signed/<class>}), the people's and the seal's credentials, one signer
 * step (batch, records, audit) and the long-term extension.
 */
@Component
class SigningDesk {

    private final ClassDocuments classDocuments;
    private final DocumentSignatures signatures;
    private final AuditLog audit;
    private final ObjectProvider<SigningServices> services;
    private final ObjectProvider<SignerCredentials> credentials;
    private final Accounts accounts;
    private final Clock clock;
    private final ObjectStore objects;
    private final TransactionTemplate transactions;
    private final AuditCheckpoints checkpoints;
    private final ClassRecordSigning records;
    private final ClassPackages classPackages;
    private final SealedRecords sealedRecords;

    SigningDesk(ClassDocuments classDocuments, DocumentSignatures signatures, AuditLog audit,
            ObjectProvider<SigningServices> services, ObjectProvider<SignerCredentials> credentials, Accounts accounts, Clock clock,
            PlatformTransactionManager transactionManager, ObjectStore objects,
            AuditCheckpoints checkpoints, ClassRecordSigning records, ClassPackages classPackages,
            SealedRecords sealedRecords) {
        this.records = records;
        this.sealedRecords = sealedRecords;
        this.classPackages = classPackages;
        this.classDocuments = classDocuments;
        this.signatures = signatures;
        this.audit = audit;
        this.services = services;
        this.credentials = credentials;
        this.accounts = accounts;
        this.clock = clock;
        this.objects = objects;
        this.transactions = new TransactionTemplate(transactionManager);
        this.checkpoints = checkpoints;
    }

    ClassYearDocuments documents(SchoolClass schoolClass) {
        return ClassYearDocuments.of(schoolClass, classDocuments.ofClass(schoolClass.id()), objects,
                classDocuments::read, signatures::recordedSha256);
    }

    /**
     * The superseded versions of the class's year subject sheets that were signed to the end (LT/LTA):
     * documents whose own content did not change keep citing them (issue 13 item 10), so the export
     * package carries them too. By issued document id.
     */
    Map<String, SignedFiles.SignedFile> earlierSignedSheets(SchoolClass schoolClass) {
        String prefix = ClassYearDocuments.signedPrefix(schoolClass.code());
        Map<String, SignedFiles.SignedFile> sheets = new TreeMap<>();
        for (IssuedDocument d : classDocuments.ofClass(schoolClass.id())) {
            if (d.superseded() && d.scope() == AssessmentScope.YEAR && d.kind() == DocumentKind.SUBJECT_RESULT_SHEET) {
                SignedFiles.latest(objects, prefix, d.id()).filter(SignedFiles.SignedFile::longTerm)
                        .ifPresent(f -> sheets.put(d.id(), f));
            }
        }
        return sheets;
    }

    /** The issued original's key in the store. */
    String originalKey(IssuedDocument document) {
        return classDocuments.objectKey(document);
    }

    ObjectStore objects() {
        return objects;
    }

    Clock clock() {
        return clock;
    }

    SigningCredential person(Staff staff, SignerRole role) {
        String username = accounts.byStaff(staff.id()).map(Account::username).orElse(null);
        return credentials.getObject().person(username, staff.fullName(), role.title());
    }

    SigningCredential seal(String schoolName) {
        return credentials.getObject().seal(schoolName);
    }

    SignatureStep step() {
        return new SignatureStep(services.getObject().batchSigner(), signatures, audit, clock, transactions, checkpoints);
    }

    LongTermExtension longTerm() {
        return new LongTermExtension(services.getObject().chain(clock), signatures, clock);
    }

    /** The học bạ số records signed in the same steps ({@link RecordsAlongside}). */
    ClassRecordSigning records() {
        return records;
    }

    /** The fully signed học bạ số records the sealed transcripts carry. */
    SealedRecords sealedRecords() {
        return sealedRecords;
    }

    /** The học bạ số class packages (in the export zip). */
    ClassPackages classPackages() {
        return classPackages;
    }

    CredentialCheck credentialCheck() {
        return services.getObject().credentialCheck();
    }

    DocumentSignatures signatures() {
        return signatures;
    }
}
