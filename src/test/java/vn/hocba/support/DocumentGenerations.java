package vn.hocba.support;

import vn.hocba.support.ApiClient.Reply;

/** Runs a class's document generation through the API (a background run) and waits for its end. */
public final class DocumentGenerations {

    private DocumentGenerations() {
    }

    /**
     * Requests the class's documents for {@code scope} as {@code user}; on 202 polls the run until it
     * completes or fails and returns its last state (with the documents once completed), else the refusal.
     */
    public static Reply generate(ApiClient api, String user, long classId, String scope) {
        Reply started = api.post(user, "/api/classes/" + classId + "/documents?scope=" + scope, "");
        return started.status() == 202 ? await(api, user, started) : started;
    }

    /** Polls the run a 202 reply started until it is COMPLETED or FAILED (four minutes at most). */
    public static Reply await(ApiClient api, String user, Reply started) {
        String progress = started.body().path("progress").asText();
        long deadline = System.nanoTime() + 240_000_000_000L; // a 4-page transcript per student on a shared 2-core machine
        while (System.nanoTime() < deadline) {
            Reply now = api.get(user, progress);
            if (now.status() != 200 || !now.body().path("status").asText().equals("RUNNING")) {
                return now;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("document generation did not end in two minutes: " + progress);
    }
}
