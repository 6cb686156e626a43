package vn.hocba.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
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
        Issuer issuer = new Issuer(records, scope, dateLine, by);
        List<IssuedDocument> documents = new ArrayList<>();
        for (DocumentDraft draft : DocumentDrafts.of(records, scope, authority, names)) {
            documents.add(transactions.execute(status -> {
                issued.lockClass(classId.value());
                return issuer.issue(draft);
            }));
        }
        log.info("Documents of class {} ({}): {} issued, {} unchanged in {} ms", records.schoolClass().code(), scope,
                issuer.count, documents.size() - issuer.count, (System.nanoTime() - started) / 1_000_000);
        return new Generation(documents, issuer.count, documents.size() - issuer.count);
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

    /** Issues the drafts of one generation, one at a time. */
    private final class Issuer {

        private final ClassRecords records;
        private final AssessmentScope scope;
        private final String dateLine;
        private final Actor by;
        private final DocumentRenderer renderer = new DocumentRenderer(settings);
        private final FileSystemDocumentStore store = new FileSystemDocumentStore(root);
        private int count;

        Issuer(ClassRecords records, AssessmentScope scope, String dateLine, Actor by) {
            this.records = records;
            this.scope = scope;
            this.dateLine = dateLine;
            this.by = by;
        }

        IssuedDocument issue(DocumentDraft draft) {
            // The data without identity and date: equal fingerprints mean nothing printed has changed.
            String fingerprint = sha256(DocumentRenderer.dataXml(
                    draft.build(DocumentIdentity.first(draft.documentId(), Instant.EPOCH), "")));
            Optional<IssuedDocuments.Latest> latest = issued.latest(draft.documentId());
            if (latest.isPresent() && latest.get().contentSha256().equals(fingerprint)) {
                return latest.get().document();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            DocumentIdentity id = latest.map(l -> l.document().identity().next(now))
                    .orElseGet(() -> DocumentIdentity.first(draft.documentId(), now));
            IssuedDocument document = render(draft, draft.build(id, dateLine), now);
            issued.insert(document, fingerprint);
            audit.append(new AuditRecord(by, "DOCUMENT_ISSUED", "document " + document.id(),
                    id.supersedes().orElse(null), document.sha256(),
                    draft.kind().displayName() + ", lớp " + records.schoolClass().code() + ", " + scope.label(), null));
            count++;
            return document;
        }

        private IssuedDocument render(DocumentDraft draft, DocumentData data, Instant now) {
            DocumentIdentity id = data.identity();
            String label = id.versionLabel();
            RenderedDocument[] rendered = new RenderedDocument[1];
            try {
                // A file without a record was left by a rolled-back generation (the class is locked now).
                if (store.discardUnrecorded(draft.kind(), label)) {
                    log.warn("Discarded unrecorded document file {}", label);
                }
                StoredDocument stored = store.store(draft.kind(), label, out -> rendered[0] = renderer.render(data, out));
                return new IssuedDocument(label, id.documentId(), id.version(), id.supersedes(),
                        records.schoolClass().id().value(), records.schoolClass().code(),
                        Optional.ofNullable(draft.studentId()), Optional.ofNullable(draft.studentName()), draft.kind(),
                        scope, stored.pdfSha256(), rendered[0].dataSha256(), stored.size(),
                        FileSystemDocumentStore.relativePath(draft.kind(), label), now, by.username(), Optional.empty());
            } catch (DocumentAlreadyStoredException e) {
                throw Rejected.conflict(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store document " + label, e);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
