package vn.hocba.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

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
