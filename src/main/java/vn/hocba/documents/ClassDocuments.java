package vn.hocba.documents;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.documents.records.ClassDocumentsSource;
import vn.hocba.documents.records.ClassRecords;
import vn.hocba.documents.records.DocumentDraft;
import vn.hocba.documents.records.DocumentDrafts;
import vn.hocba.schoolyear.ClassId;

/**
 * Issues the documents of a stored class: reads the class, builds each document's data, renders
 * it to PDF/A-3b straight into {@code ${hocba.data-dir}/documents} (immutable files with their
 * hash), records each version and audits it in the same transaction. Idempotent: a document
 * whose data has not changed since its latest version is returned as it is; one whose data
 * changed (a correction) is issued as the next version, superseding the latest.
 *
 * <p>Each document is issued in a transaction of its own (the caller's, when there is one), so a
 * class of 80 documents never holds the audit chain's lock for the whole generation; a generation
 * that stops half-way is completed by running it again.
 */
@Service
public class ClassDocuments {

    private static final Logger log = LoggerFactory.getLogger(ClassDocuments.class);
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ClassDocumentsSource source;
    private final IssuedDocuments issued;
    private final AuditLog audit;
    private final Clock clock;
    private final Path root;
    private final RenderSettings settings;
    private final String authority;
    private final TransactionTemplate transactions;

    public ClassDocuments(ClassDocumentsSource source, IssuedDocuments issued, AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${hocba.data-dir}") Path dataDir,
            @Value("${hocba.documents.verification-base-url:" + RenderSettings.DEFAULT_VERIFICATION_BASE_URL + "}")
            String verificationBaseUrl,
            @Value("${hocba.documents.authority:Phòng Giáo dục và Đào tạo}") String authority) {
        this.source = source;
        this.issued = issued;
        this.audit = audit;
        this.clock = clock;
        this.root = dataDir.resolve("documents");
        this.settings = new RenderSettings(verificationBaseUrl, Optional.empty());
        this.authority = authority;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What one generation did: every document of the class for the scope, and how many were new versions. */
    public record Generation(List<IssuedDocument> documents, int issued, int unchanged) {
    }

    /** Generates (or finds unchanged) every document of the class for {@code scope}; see the class comment. */
    public Generation generate(ClassId classId, AssessmentScope scope, Actor by) {
        return generate(classId, scope, by, UnaryOperator.identity());
    }

    /**
     * As {@link #generate(ClassId, AssessmentScope, Actor)}, printing people's full names where the
     * records hold account names (who requested, confirmed and approved a correction).
     */
    public Generation generate(ClassId classId, AssessmentScope scope, Actor by, UnaryOperator<String> names) {
        long started = System.nanoTime();
        createLock(classId);
        ClassRecords records = source.load(classId);
        String dateLine = DocumentDrafts.dateLine(records, LocalDate.now(clock.withZone(SCHOOL_ZONE)));
        DocumentIssuer issuer = new DocumentIssuer(issued, audit, clock, new DocumentRenderer(settings),
                new FileSystemDocumentStore(root), records, scope, dateLine, by);
        List<IssuedDocument> documents = new ArrayList<>();
        for (DocumentDraft draft : DocumentDrafts.of(records, scope, authority, names)) {
            documents.add(transactions.execute(status -> {
                issued.lockClass(classId.value());
                return issuer.issue(draft);
            }));
        }
        log.info("Documents of class {} ({}): {} issued, {} unchanged in {} ms", records.schoolClass().code(), scope,
                issuer.count(), documents.size() - issuer.count(), (System.nanoTime() - started) / 1_000_000);
        return new Generation(documents, issuer.count(), documents.size() - issuer.count());
    }

    private void createLock(ClassId classId) {
        try {
            transactions.executeWithoutResult(status -> issued.createLock(classId.value()));
        } catch (DataIntegrityViolationException e) {
            log.debug("Lock row of class {} created concurrently", classId.value());
        }
    }

    @Transactional(readOnly = true)
    public List<IssuedDocument> ofClass(ClassId classId) {
        return issued.ofClass(classId.value());
    }

    @Transactional(readOnly = true)
    public Optional<IssuedDocument> find(String id) {
        return issued.find(id);
    }

    /** The stored PDF of an issued document. */
    public Path file(IssuedDocument document) {
        return root.resolve(document.path());
    }
}
