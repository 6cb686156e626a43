package vn.hocba.documents;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Issues the documents of a stored class: reads the class, builds each document's data, renders
 * it to PDF/A-3b straight into {@code ${hocba.data-dir}/documents} (immutable files with their
 * hash), records each version and audits it in the same transaction. Idempotent: a document
 * whose data has not changed since its latest version is returned as it is; one whose data
 * changed (a correction) is issued as the next version, superseding the latest.
 *
 * <p>A generation is a run ({@code document_generation}) with its progress. Each document is issued
 * in a transaction of its own, so a class of 80 documents never holds the audit chain's lock for
 * the whole generation, but the run's documents are published together when it completes: a run
 * that stops half-way shows nothing, and the next request for the class resumes it, issuing only
 * what is missing. {@link #start} runs it in the background, {@link #generate} in the caller's thread.
 */
@Service
public class ClassDocuments {

    private static final Logger log = LoggerFactory.getLogger(ClassDocuments.class);
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ClassDocumentsSource source;
    private final IssuedDocuments issued;
    private final DocumentGenerations generations;
    private final GenerationClaims claims;
    private final GenerationJobs jobs;
    private final SchoolDirectory directory;
    private final ObjectProvider<SignedSheets> signedSheets;
    private final AuditLog audit;
    private final Clock clock;
    private final Path root;
    private final RenderSettings settings;
    private final String authority;
    private final TransactionTemplate transactions;

    public ClassDocuments(ClassDocumentsSource source, IssuedDocuments issued, DocumentGenerations generations,
            GenerationClaims claims, GenerationJobs jobs, SchoolDirectory directory,
            ObjectProvider<SignedSheets> signedSheets, AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager, @Value("${hocba.data-dir}") Path dataDir,
            @Value("${hocba.documents.verification-base-url:" + RenderSettings.DEFAULT_VERIFICATION_BASE_URL + "}")
            String verificationBaseUrl,
            @Value("${hocba.documents.authority:Phòng Giáo dục và Đào tạo}") String authority) {
        this.source = source;
        this.issued = issued;
        this.generations = generations;
        this.claims = claims;
        this.jobs = jobs;
        this.directory = directory;
        this.signedSheets = signedSheets;
        this.audit = audit;
        this.clock = clock;
        this.root = dataDir.resolve("documents");
        this.settings = new RenderSettings(verificationBaseUrl, Optional.empty());
        this.authority = authority;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What one generation run did: every document of the class it covers, and how many were new versions. */
    public record Generation(long runId, List<IssuedDocument> documents, int issued, int unchanged) {
    }

    /** Every kind of document a scope has (transcripts and correction records only for the year). */
    public static Set<DocumentKind> kindsOf(AssessmentScope scope) {
        return scope == AssessmentScope.YEAR ? EnumSet.allOf(DocumentKind.class)
                : EnumSet.of(DocumentKind.CLASS_GRADEBOOK, DocumentKind.SUBJECT_RESULT_SHEET, DocumentKind.REPORT_CARD);
    }

    /** Generates (or finds unchanged) every document of the class for {@code scope}, in this thread. */
    public Generation generate(ClassId classId, AssessmentScope scope, Actor by) {
        return generate(classId, scope, by, UnaryOperator.identity(), kindsOf(scope));
    }

    /**
     * Generates the documents of {@code kinds} of the class for {@code scope} in this thread, printing
     * people's full names where the records hold account names (who requested, confirmed and approved a
     * correction); finishes the class's unfinished run first. Throws when a document cannot be issued:
     * the run is then recorded as failed and is resumed by the next generation of the class.
     */
    public Generation generate(ClassId classId, AssessmentScope scope, Actor by, UnaryOperator<String> names,
            Set<DocumentKind> kinds) {
        GenerationClaims.Claim claim = claims.claim(classId.value(), directory.schoolClass(classId).code(), scope,
                kinds, by);
        try {
            return execute(claim, names);
        } finally {
            claims.release(claim);
        }
    }

    /** Starts a run of every document of the class for {@code scope} in the background; see {@link #run}. */
    public GenerationRun start(ClassId classId, AssessmentScope scope, Actor by, UnaryOperator<String> names) {
        GenerationClaims.Claim claim = claims.claim(classId.value(), directory.schoolClass(classId).code(), scope,
                kindsOf(scope), by);
        jobs.submit(claim, () -> execute(claim, names), () -> claims.release(claim));
        return claim.run();
    }

    /** A generation run with its progress. */
    @Transactional(readOnly = true)
    public Optional<GenerationRun> run(long runId) {
        return generations.find(runId);
    }

    /** How many new versions a run issued (the rest of its documents were unchanged). */
    @Transactional(readOnly = true)
    public int issuedBy(long runId) {
        return issued.issuedBy(runId);
    }

    private Generation execute(GenerationClaims.Claim claim, UnaryOperator<String> names) {
        claim.earlier().ifPresent(earlier -> issue(earlier, names));
        return issue(claim.run(), names);
    }

    private Generation issue(GenerationRun run, UnaryOperator<String> names) {
        long started = System.nanoTime();
        ClassId classId = new ClassId(run.classId());
        Actor by = new Actor(run.requestedBy(), null, null);
        createLock(classId);
        ClassRecords records = source.load(classId);
        String dateLine = DocumentDrafts.dateLine(records, LocalDate.now(clock.withZone(SCHOOL_ZONE)));
        List<DocumentDraft> drafts = DocumentDrafts.of(records, run.scope(), authority, names,
                signedSheets.getIfAvailable(() -> SignedSheets.NONE)).stream()
                .filter(d -> run.kinds().contains(d.kind())).toList();
        DocumentIssuer issuer = new DocumentIssuer(issued, audit, clock, new DocumentRenderer(settings),
                new FileSystemDocumentStore(root), records, run.scope(), dateLine, by, run.id());
        transactions.executeWithoutResult(status -> generations.total(run.id(), drafts.size()));
        List<IssuedDocument> documents = new ArrayList<>();
        for (DocumentDraft draft : drafts) {
            documents.add(issueOne(run, issuer, draft, documents.size(), drafts.size()));
        }
        transactions.executeWithoutResult(status -> generations.complete(run.id(), clock.instant()));
        int fresh = issued.issuedBy(run.id());
        log.info("Documents of class {} ({}), run {}: {} issued, {} unchanged in {} ms", records.schoolClass().code(),
                run.scope(), run.id(), fresh, documents.size() - fresh, (System.nanoTime() - started) / 1_000_000);
        return new Generation(run.id(), documents, fresh, documents.size() - fresh);
    }

    private IssuedDocument issueOne(GenerationRun run, DocumentIssuer issuer, DocumentDraft draft, int done, int total) {
        try {
            return transactions.execute(status -> {
                issued.lockClass(run.classId());
                IssuedDocument document = issuer.issue(draft);
                generations.done(run.id(), done + 1);
                return document;
            });
        } catch (RuntimeException e) {
            String message = "Không tạo được văn bản thứ " + (done + 1) + "/" + total + " (" + draft.documentId()
                    + "): " + e.getMessage() + ". Các văn bản của lần tạo này chưa được phát hành; hãy khắc phục "
                    + "lỗi rồi tạo lại: lần tạo sẽ tiếp tục từ văn bản này.";
            log.warn("Document generation run {} failed at {} ({} of {})", run.id(), draft.documentId(), done + 1, total, e);
            transactions.executeWithoutResult(status -> generations.fail(run.id(), message));
            throw e;
        }
    }

    private void createLock(ClassId classId) {
        try {
            transactions.executeWithoutResult(status -> issued.createLock(classId.value()));
        } catch (DataIntegrityViolationException e) {
            log.debug("Lock row of class {} created concurrently", classId.value());
        }
    }

    /** Every published version of every document of the class. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofClass(ClassId classId) {
        return issued.ofClass(classId.value());
    }

    /** The current (published, not superseded) documents of the class of {@code kinds} for {@code scope}. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> current(ClassId classId, AssessmentScope scope, Set<DocumentKind> kinds) {
        return issued.ofClass(classId.value()).stream()
                .filter(d -> d.scope() == scope && kinds.contains(d.kind()) && !d.superseded()).toList();
    }

    /** The latest published version of document {@code documentId} ({@code HB-DEMO01-2025-2026-HS00001}). */
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> currentVersion(String documentId) {
        return issued.latestPublished(documentId);
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
