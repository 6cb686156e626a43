package vn.hocba.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.documents.records.ClassRecords;
import vn.hocba.documents.records.DocumentDraft;

/**
 * Issues the documents of one generation run, one at a time, each inside the transaction its caller
 * opened (record and audit entry together), recorded as the run's (published when it completes).
 * Not thread-safe (one renderer, made when a document is first rendered here rather than ahead).
 */
final class DocumentIssuer {

    private static final Logger log = LoggerFactory.getLogger(DocumentIssuer.class);

    private final IssuedDocuments issued;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<DocumentRenderer> newRenderer;
    private DocumentRenderer renderer;
    private final DocumentStore store;
    private final ClassRecords records;
    private final AssessmentScope scope;
    private final String dateLine;
    private final Actor by;
    private final long generationId;
    private int count;
    private final TranscriptSources sources;
    /**
     * Each draft's content as {@link #prepareAhead} computed it, until {@link #issue} takes it: the same run's
     * records give the same content, and writing the data XML and its fingerprints twice per document was half of
     * the issuing thread's work in the transcripts job (issue 19).
     */
    private final Map<DocumentDraft, DraftContent> contents = new IdentityHashMap<>();

    /** @param renderer makes the renderer for documents not rendered ahead (its fonts and templates cost a little) */
    DocumentIssuer(IssuedDocuments issued, AuditLog audit, Clock clock, Supplier<DocumentRenderer> renderer,
            DocumentStore store, ClassRecords records, AssessmentScope scope, String dateLine, Actor by,
            long generationId, TranscriptSources sources) {
        this.generationId = generationId;
        this.sources = sources;
        this.issued = issued;
        this.audit = audit;
        this.clock = clock;
        this.newRenderer = renderer;
        this.store = store;
        this.records = records;
        this.scope = scope;
        this.dateLine = dateLine;
        this.by = by;
    }

    /** Documents issued (new versions) so far. */
    int count() {
        return count;
    }

    /**
     * Returns the latest version when the draft's own content is unchanged ({@link DraftContent}), else renders,
     * stores, records and audits the next.
     */
    IssuedDocument issue(DocumentDraft draft) {
        return issue(draft, null);
    }

    /**
     * As {@link #issue(DocumentDraft)}, using {@code ahead} (rendered by {@link #renderAhead} on another thread)
     * when the latest version is still the one it was rendered against; else rendering here as before.
     */
    IssuedDocument issue(DocumentDraft draft, RenderedAhead ahead) {
        DraftContent prepared = contents.remove(draft);
        DraftContent content = prepared != null ? prepared : content(draft);
        Optional<IssuedDocuments.Latest> latest = issued.latest(draft.documentId());
        if (content.sameAs(latest)) {
            return latest.get().document();
        }
        boolean aheadValid = ahead != null && ahead.latestLabel().equals(latest.map(l -> l.document().id()));
        Instant now = aheadValid ? ahead.now() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        DocumentIdentity id = identity(draft, latest, now);
        IssuedDocument document = aheadValid ? store(draft, ahead.data(), out -> out.write(ahead.pdf()), now, ahead::rendered)
                : render(draft, draft.build(id, dateLine), now);
        issued.insert(document, content.fingerprint(), content.own(), generationId);
        audit.append(new AuditRecord(by, "DOCUMENT_ISSUED", "document " + document.id(),
                id.supersedes().orElse(null), document.sha256(),
                draft.kind().displayName() + ", lớp " + records.schoolClass().code() + ", " + scope.label(), null));
        count++;
        return document;
    }

    /** A transcript embeds its student's học bạ số record as it stands now (issue 17). */
    private Optional<SourceAttachment> source(DocumentDraft draft) {
        return draft.kind() == DocumentKind.TRANSCRIPT && draft.studentId() != null
                ? sources.of(records.schoolClass().id(), draft.studentId()) : Optional.empty();
    }

    /**
     * What {@link #prepareAhead} read for a document: the latest version it was prepared against, the issue time,
     * the data with its identity, and the transcript's embedded source record.
     */
    record PreparedAhead(Optional<String> latestLabel, Instant now, DocumentData data,
            Optional<SourceAttachment> source) {
    }

    /** A document rendered ahead of its transaction, and the latest version it was rendered against. */
    record RenderedAhead(Optional<String> latestLabel, Instant now, DocumentData data, byte[] pdf,
            RenderedDocument rendered) {
    }

    /**
     * On the issuing thread (in its transaction, if any), outside the document's own transaction: everything
     * the document {@link #issue} will most likely issue needs from the database (the cited signed sheets through
     * the draft, the latest version, the source record); {@code null} when the draft's content is unchanged
     * (nothing to render). Reads only; {@link #issue(DocumentDraft, RenderedAhead)} checks again under the class lock.
     */
    PreparedAhead prepareAhead(DocumentDraft draft) {
        Optional<IssuedDocuments.Latest> latest = issued.latest(draft.documentId());
        DraftContent content = content(draft);
        contents.put(draft, content);
        if (content.sameAs(latest)) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new PreparedAhead(latest.map(l -> l.document().id()), now,
                draft.build(identity(draft, latest, now), dateLine), source(draft));
    }

    /**
     * On a render thread: the prepared documents (a batch of one kind) rendered into memory with {@code renderer};
     * reads nothing. {@code null} for a document that failed (its issuer renders it again and reports why).
     */
    static List<RenderedAhead> renderAhead(List<PreparedAhead> prepared, DocumentRenderer renderer) {
        List<DocumentRenderer.Pdf> pdfs = renderer.renderAll(prepared.stream()
                .map(p -> new RenderItem(p.data(), p.source())).toList());
        List<RenderedAhead> done = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            PreparedAhead p = prepared.get(i);
            DocumentRenderer.Pdf pdf = pdfs.get(i);
            done.add(pdf == null ? null : new RenderedAhead(p.latestLabel(), p.now(), p.data(), pdf.bytes(), pdf.rendered()));
        }
        return done;
    }

    private static DraftContent content(DocumentDraft draft) {
        return DraftContent.of(DocumentRenderer.dataXml(
                draft.build(DocumentIdentity.first(draft.documentId(), Instant.EPOCH), "")));
    }

    private static DocumentIdentity identity(DocumentDraft draft, Optional<IssuedDocuments.Latest> latest, Instant now) {
        return latest.map(l -> l.document().identity().next(now))
                .orElseGet(() -> DocumentIdentity.first(draft.documentId(), now));
    }

    private IssuedDocument render(DocumentDraft draft, DocumentData data, Instant now) {
        RenderedDocument[] rendered = new RenderedDocument[1];
        if (renderer == null) {
            renderer = newRenderer.get();
        }
        return store(draft, data, out -> rendered[0] = renderer.render(data, source(draft), out), now, () -> rendered[0]);
    }

    private IssuedDocument store(DocumentDraft draft, DocumentData data, DocumentStore.Content content, Instant now,
            Supplier<RenderedDocument> rendered) {
        DocumentIdentity id = data.identity();
        String label = id.versionLabel();
        try {
            // A file without a record was left by a rolled-back generation (the class is locked now).
            if (store.discardUnrecorded(draft.kind(), label)) {
                log.warn("Discarded unrecorded document file {}", label);
            }
            StoredDocument stored = store.store(draft.kind(), label, content);
            return new IssuedDocument(label, id.documentId(), id.version(), id.supersedes(),
                    records.schoolClass().id().value(), records.schoolClass().code(),
                    Optional.ofNullable(draft.studentId()), Optional.ofNullable(draft.studentName()), draft.kind(),
                    scope, stored.pdfSha256(), rendered.get().dataSha256(), stored.size(),
                    FileSystemDocumentStore.relativePath(draft.kind(), label), now, by.username(), Optional.empty());
        } catch (DocumentAlreadyStoredException e) {
            throw Rejected.conflict(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store document " + label, e);
        }
    }

}
