package vn.hocba.documents;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Sha256;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.storage.ObjectStore;

/**
 * Issues the documents of a stored class: reads the class, builds each document's data, renders
 * it to PDF/A-3b straight into the document store ({@link ObjectStore}, key {@code documents/…}; immutable
 * objects with their hash), records each version and audits it in the same transaction. Idempotent: a document
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

    private final IssuedDocuments issued;
    private final DocumentGenerations generations;
    private final GenerationClaims claims;
    private final GenerationJobs jobs;
    private final GenerationRunner runner;
    private final SchoolDirectory directory;
    private final Path root;
    private final ObjectStore objects;

    public ClassDocuments(IssuedDocuments issued, DocumentGenerations generations, GenerationClaims claims,
            GenerationJobs jobs, GenerationRunner runner, SchoolDirectory directory,
            @Value("${hocba.data-dir}") Path dataDir, ObjectStore objects) {
        this.issued = issued;
        this.generations = generations;
        this.claims = claims;
        this.jobs = jobs;
        this.runner = runner;
        this.directory = directory;
        this.root = dataDir.resolve("documents");
        this.objects = objects;
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
            return runner.execute(claim, names);
        } finally {
            claims.release(claim);
        }
    }

    /** Starts a run of every document of the class for {@code scope} in the background; see {@link #run}. */
    public GenerationRun start(ClassId classId, AssessmentScope scope, Actor by, UnaryOperator<String> names) {
        GenerationClaims.Claim claim = claims.claim(classId.value(), directory.schoolClass(classId).code(), scope,
                kindsOf(scope), by);
        jobs.submit(claim, () -> runner.execute(claim, names), () -> claims.release(claim));
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

    /** Every published version of every document of the class. */
    @Transactional(readOnly = true)
    public List<IssuedDocument> ofClass(ClassId classId) {
        return issued.ofClass(classId.value());
    }

    /** {@link #ofClass} of every class of the year that has documents (class id → documents), in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<IssuedDocument>> ofYear(vn.hocba.schoolyear.SchoolYearId year) {
        return issued.ofYear(year.value()).stream().collect(java.util.stream.Collectors.groupingBy(IssuedDocument::classId,
                java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
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

    /**
     * The issued version a PDF is a copy of (signed or not), found by its embedded data XML
     * ({@link EmbeddedData}); empty for a PDF HocBa did not issue.
     */
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> issuedAs(PDDocument pdf) {
        return EmbeddedData.xmlOf(pdf).map(Sha256::hex).flatMap(issued::withData);
    }

    /**
     * Where the PDF of an issued document lies on the filesystem store only.
     *
     * @deprecated a node of a multi-node installation has no such file: use {@link #open} or {@link #read}
     */
    @Deprecated
    public Path file(IssuedDocument document) {
        return root.resolve(document.path());
    }

    /** The issued PDF's key in the document store. */
    public String objectKey(IssuedDocument document) {
        return ObjectDocumentStore.key(document.path());
    }

    /** The issued PDF, streamed from the store and checked against its recorded SHA-256 at the end. */
    public InputStream open(IssuedDocument document) {
        return objects.open(objectKey(document), document.sha256(), document.id());
    }

    /** The issued PDF's bytes, checked against its recorded SHA-256. */
    public byte[] read(IssuedDocument document) {
        return objects.read(objectKey(document), document.sha256(), document.id());
    }
}
