package vn.hocba.documents.internal;

/**
 * Nanoseconds spent in data+template, layout (Flying Saucer/OpenPDF, with the PDF/A parts since they are written in
 * OpenPDF's pass) and what is left after it (the file ID, copying the PDF out).
 */
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
