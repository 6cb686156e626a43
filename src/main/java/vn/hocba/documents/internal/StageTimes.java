package vn.hocba.documents.internal;

/** Nanoseconds spent in data+template, layout (Flying Saucer/OpenPDF) and PDF/A post-processing. */
public final class StageTimes {

    private long template;
    private long layout;
    private long archive;

    void add(long templateNanos, long layoutNanos, long archiveNanos) {
        template += templateNanos;
        layout += layoutNanos;
        archive += archiveNanos;
    }

    public long templateNanos() {
        return template;
    }

    public long layoutNanos() {
        return layout;
    }

    public long archiveNanos() {
        return archive;
    }

    public void reset() {
        template = 0;
        layout = 0;
        archive = 0;
    }
}
