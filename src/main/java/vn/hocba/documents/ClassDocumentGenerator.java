package vn.hocba.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Generates every document of a class in one call, streaming each PDF into a
 * {@link DocumentStore} as soon as it is rendered: only one document is in memory at a time.
 */
public final class ClassDocumentGenerator {

    private final DocumentRenderer renderer;

    public ClassDocumentGenerator(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The class gradebook, one subject result sheet per subject (derived from the gradebook), and
     * for each of the {@code students} students its transcript and, when given, its report card.
     * Per-student data is requested one at a time, so callers can build it lazily.
     *
     * @param transcripts  transcript of student i (0-based, class-list order)
     * @param reportCards  report card of student i, or {@code null} for none
     */
    public List<StoredDocument> generateClass(ClassGradebookData gradebook, int students,
            IntFunction<TranscriptData> transcripts, IntFunction<ReportCardData> reportCards,
            DocumentStore store) throws IOException {
        List<StoredDocument> stored = new ArrayList<>();
        stored.add(store(gradebook, store));
        for (SubjectMarksTable subject : gradebook.subjects()) {
            stored.add(store(resultSheet(gradebook, subject), store));
        }
        for (int i = 0; i < students; i++) {
            stored.add(store(transcripts.apply(i), store));
            if (reportCards != null) {
                stored.add(store(reportCards.apply(i), store));
            }
        }
        return stored;
    }

    /**
     * The same documents as {@link #generateClass}, rendered on {@code pool}'s threads (a window of documents
     * ahead) and stored in the same order by the calling thread. Data functions must be thread-safe.
     */
    public static List<StoredDocument> generateClass(ClassGradebookData gradebook, int students,
            IntFunction<TranscriptData> transcripts, IntFunction<ReportCardData> reportCards,
            DocumentStore store, RenderPool pool) throws IOException {
        List<Planned> documents = new ArrayList<>();
        documents.add(new Planned(DocumentKind.CLASS_GRADEBOOK, () -> gradebook));
        for (SubjectMarksTable subject : gradebook.subjects()) {
            documents.add(new Planned(DocumentKind.SUBJECT_RESULT_SHEET, () -> resultSheet(gradebook, subject)));
        }
        for (int i = 0; i < students; i++) {
            int student = i;
            documents.add(new Planned(DocumentKind.TRANSCRIPT, () -> transcripts.apply(student)));
            if (reportCards != null) {
                documents.add(new Planned(DocumentKind.REPORT_CARD, () -> reportCards.apply(student)));
            }
        }
        List<StoredDocument> stored = new ArrayList<>();
        try (RenderPool.Ahead<Rendered> ahead = pool.ahead(documents, Planned::kind, p -> p, Rendered::all)) {
            for (Planned planned : documents) {
                Rendered rendered = ahead.next();
                if (rendered == null) {
                    DocumentData data = planned.data().get();
                    rendered = new Rendered(data, new DocumentRenderer().renderToBytes(data));
                }
                Rendered done = rendered;
                stored.add(store.store(done.data().kind(), done.data().identity().versionLabel(), out -> out.write(done.pdf())));
            }
        }
        return stored;
    }

    /** A document of the class, its data built when it is rendered. */
    record Planned(DocumentKind kind, Supplier<DocumentData> data) {
    }

    /** A document rendered into memory. */
    record Rendered(DocumentData data, byte[] pdf) {

        /** The batch rendered with {@code renderer}; {@code null} for a document that failed. */
        static List<Rendered> all(List<Planned> batch, DocumentRenderer renderer) {
            List<DocumentData> data = new ArrayList<>();
            List<RenderItem> items = new ArrayList<>();
            Rendered[] done = new Rendered[batch.size()];
            for (Planned planned : batch) {
                DocumentData one = planned.data().get();
                data.add(one);
                items.add(RenderItem.of(one));
            }
            List<DocumentRenderer.Pdf> pdfs = renderer.renderAll(items);
            for (int i = 0; i < done.length; i++) {
                done[i] = pdfs.get(i) == null ? null : new Rendered(data.get(i), pdfs.get(i).bytes());
            }
            return Arrays.asList(done);
        }
    }

    /** Renders and stores each document the iterator yields, one at a time. */
    public List<StoredDocument> generate(Iterator<? extends DocumentData> documents, DocumentStore store)
            throws IOException {
        List<StoredDocument> stored = new ArrayList<>();
        while (documents.hasNext()) {
            stored.add(store(documents.next(), store));
        }
        return stored;
    }

    /**
     * The subject result sheet of one subject of the gradebook; its id is the gradebook's id
     * with the subject code appended, same version and issue time.
     */
    public static SubjectResultSheetData resultSheet(ClassGradebookData gradebook, SubjectMarksTable subject) {
        DocumentIdentity g = gradebook.identity();
        DocumentIdentity id = new DocumentIdentity(g.documentId() + "-" + subject.code(), g.version(),
                g.supersedes().map(s -> s.replaceFirst("-v(\\d+)$", "-" + subject.code() + "-v$1")), g.issuedAt());
        return new SubjectResultSheetData(id, gradebook.school(), gradebook.className(), gradebook.grade(),
                gradebook.schoolYear(), gradebook.scope(), subject, gradebook.dateLine());
    }

    private StoredDocument store(DocumentData data, DocumentStore store) throws IOException {
        return store.store(data.kind(), data.identity().versionLabel(), out -> renderer.render(data, out));
    }
}
