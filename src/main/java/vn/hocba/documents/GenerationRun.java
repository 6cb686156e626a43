package vn.hocba.documents;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One run generating a class's documents: how far it is ({@code done} of {@code total}) and its
 * status. The documents of a run are published together when it completes (all or nothing).
 *
 * @param kinds the kinds of document this run issues (of those the scope has)
 * @param total the number of documents of the run, 0 until the class's records are read
 */
public record GenerationRun(long id, long classId, AssessmentScope scope, Set<DocumentKind> kinds, Status status,
        int done, int total, String requestedBy, Instant startedAt, Optional<Instant> finishedAt,
        Optional<String> error) {

    public enum Status {
        RUNNING, FAILED, COMPLETED
    }

    public GenerationRun {
        kinds = Set.copyOf(kinds);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
