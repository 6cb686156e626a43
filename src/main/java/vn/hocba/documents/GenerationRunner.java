package vn.hocba.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.documents.ClassDocuments.Generation;
import vn.hocba.documents.records.ClassDocumentsSource;
import vn.hocba.documents.records.ClassRecords;
import vn.hocba.documents.records.DocumentDraft;
import vn.hocba.documents.records.DocumentDrafts;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.storage.ObjectStore;

/**
 * Executes claimed generation runs: reads the class, then issues each document of the run in a
 * transaction of its own (with the run's progress), and publishes the run when the last is done.
 * A document that cannot be issued marks the run failed with a message saying which and stops it.
 */
@Component
class GenerationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ClassDocumentsSource source;
    private final IssuedDocuments issued;
    private final DocumentGenerations generations;
    private final ObjectProvider<SignedSheets> signedSheets;
    private final ObjectProvider<TranscriptSources> transcriptSources;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectStore objects;
    private final RenderSettings settings;
    private final String authority;
    private final TransactionTemplate transactions;
    private final RenderPool renderPool;
    private final GenerationLeases leases;

    GenerationRunner(ClassDocumentsSource source, IssuedDocuments issued, DocumentGenerations generations,
            GenerationLeases leases,
            ObjectProvider<SignedSheets> signedSheets, ObjectProvider<TranscriptSources> transcriptSources,
            AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager, ObjectStore objects,
            @Value("${hocba.documents.verification-base-url:" + RenderSettings.DEFAULT_VERIFICATION_BASE_URL + "}")
            String verificationBaseUrl,
            @Value("${hocba.documents.authority:Phòng Giáo dục và Đào tạo}") String authority,
            @Value("${hocba.documents.render-threads:0}") int renderThreads,
            @Value("${hocba.documents.render-ahead:true}") boolean renderAhead) {
        this.source = source;
        this.issued = issued;
        this.generations = generations;
        this.leases = leases;
        this.signedSheets = signedSheets;
        this.transcriptSources = transcriptSources;
        this.audit = audit;
        this.clock = clock;
        this.objects = objects;
        this.settings = new RenderSettings(verificationBaseUrl, Optional.empty());
        this.authority = authority;
        this.transactions = new TransactionTemplate(transactionManager);
        this.renderPool = renderAhead ? new RenderPool(settings, renderThreads) : null;
    }

    @PreDestroy
    void close() {
        if (renderPool != null) {
            renderPool.close();
        }
    }

    /** Runs the class's unfinished earlier run, if any, then the claimed one. */
    Generation execute(GenerationClaims.Claim claim, UnaryOperator<String> names) {
        claim.earlier().ifPresent(earlier -> {
            try {
                issue(earlier, names);
            } catch (GenerationLeases.Lost e) {
                throw e;
            } catch (RuntimeException e) {
                transactions.executeWithoutResult(status -> generations.fail(claim.run().id(), "Chưa tạo được: lần tạo "
                        + "văn bản trước của lớp (số " + earlier.id() + ") chưa xong và lại không thành công; hãy xem lỗi "
                        + "của lần đó, khắc phục rồi tạo lại."));
                throw e;
            }
        });
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
        DocumentIssuer issuer = new DocumentIssuer(issued, audit, clock, () -> new DocumentRenderer(settings),
                new ObjectDocumentStore(objects), records, run.scope(), dateLine, by, run.id(),
                transcriptSources.getIfAvailable(() -> TranscriptSources.NONE));
        transactions.executeWithoutResult(status -> generations.total(run.id(), drafts.size()));
        List<IssuedDocument> documents = new ArrayList<>();
        if (renderPool == null) {
            for (DocumentDraft draft : drafts) {
                documents.add(issueOne(run, issuer, draft, null, documents.size(), drafts.size()));
            }
        } else {
            // Rendered on all cores a few documents ahead; each is still issued in its own transaction, in order.
            // What a document needs from the database is read here, on this thread (prepareAhead): the process
            // runs this inside its job's transaction, which has just made the subject sheets final (LT/LTA) and
            // not committed yet; a render thread reading them itself saw no signed sheet to cite (issue 19).
            try (RenderPool.Ahead<DocumentIssuer.RenderedAhead> ahead = renderPool.ahead(drafts, DocumentDraft::kind,
                    issuer::prepareAhead,
                    DocumentIssuer::renderAhead)) {
                for (DocumentDraft draft : drafts) {
                    documents.add(issueOne(run, issuer, draft, ahead.next(), documents.size(), drafts.size()));
                }
            }
        }
        transactions.executeWithoutResult(status -> generations.complete(run.id(), clock.instant()));
        int fresh = issued.issuedBy(run.id());
        log.info("Documents of class {} ({}), run {}: {} issued, {} unchanged in {} ms", records.schoolClass().code(),
                run.scope(), run.id(), fresh, documents.size() - fresh, (System.nanoTime() - started) / 1_000_000);
        return new Generation(run.id(), documents, fresh, documents.size() - fresh);
    }

    private IssuedDocument issueOne(GenerationRun run, DocumentIssuer issuer, DocumentDraft draft,
            DocumentIssuer.RenderedAhead ahead, int done, int total) {
        try {
            return transactions.execute(status -> {
                issued.lockClass(run.classId());
                leases.requireHeld(run.classId(), run.id());
                IssuedDocument document = issuer.issue(draft, ahead);
                generations.done(run.id(), done + 1);
                return document;
            });
        } catch (GenerationLeases.Lost e) {
            log.warn("Document generation run {} stopped before {}: {}", run.id(), draft.documentId(), e.getMessage());
            throw e;
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

}
