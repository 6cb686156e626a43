package vn.hocba.documents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.internal.DocumentPipeline;

/**
 * Renders documents on a fixed number of threads (by default one per core), each with its own
 * {@link DocumentRenderer}, while the caller consumes the results in order: the work for a list of
 * items runs at most {@link #window()} items ahead of the caller, so at most that many rendered
 * documents wait in memory per caller whatever the size of the class (issue 19 item 2).
 *
 * <p>The work on the pool's threads must not read the database: a render thread has no part in the
 * caller's transaction and would not see what the caller has written but not yet committed (the
 * ClassDocuments process issues the transcripts in the transaction of the job that has just made the
 * subject sheets final). What needs reading is done by {@code prepare}, on the caller's thread.
 */
public final class RenderPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RenderPool.class);

    private final ExecutorService threads;
    private final ThreadLocal<DocumentRenderer> renderers;
    private final int window;

    /** @param threadCount  0: one per available core */
    public RenderPool(RenderSettings settings, int threadCount) {
        int n = threadCount > 0 ? threadCount : Runtime.getRuntime().availableProcessors();
        this.threads = Executors.newFixedThreadPool(n, daemonThreads());
        this.renderers = ThreadLocal.withInitial(() -> new DocumentRenderer(settings));
        this.window = 2 * n * DocumentPipeline.BATCH; // two batches per thread
    }

    /** How many items' work may be done or under way ahead of the caller. */
    public int window() {
        return window;
    }

    /**
     * The results of {@code work} for each item, in the items' order, computed on the pool with the worker's
     * renderer, with {@code prepare} run first for each item <b>on the caller's thread</b> (in its transaction, if
     * any), a window ahead. A pool thread takes up to {@link DocumentPipeline#BATCH} prepared items of the same
     * {@code kind} at a time (from the next {@code 2 × BATCH} items) and {@code work} renders them as one batch,
     * stage by stage ({@link DocumentRenderer#renderAll}); its list holds a result per item, {@code null} for one
     * whose work failed. An item {@code prepare} returns {@code null} for (nothing to render) or fails for, and one
     * whose work failed, has the result {@code null} (the caller does it again itself, to report the failure in its
     * own context).
     */
    public <T, P, R> Ahead<R> ahead(List<T> items, Function<T, ?> kind, Function<T, P> prepare,
            BiFunction<List<P>, DocumentRenderer, List<R>> work) {
        return new Ahead<>(items.iterator(), kind, prepare, work);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Results in order; close it to cancel what is still queued. */
    public final class Ahead<R> implements AutoCloseable {

        private final Deque<CompletableFuture<R>> pending = new ArrayDeque<>();
        private final List<Future<?>> batches = new ArrayList<>();
        private final Iterator<?> items;
        private final Function<Object, ?> kind;
        private final Function<Object, Object> prepare;
        private final BiFunction<List<Object>, DocumentRenderer, List<R>> work;

        @SuppressWarnings("unchecked")
        private <T, P> Ahead(Iterator<T> items, Function<T, ?> kind, Function<T, P> prepare,
                BiFunction<List<P>, DocumentRenderer, List<R>> work) {
            this.items = items;
            this.kind = (Function<Object, ?>) kind;
            this.prepare = (Function<Object, Object>) prepare;
            this.work = (BiFunction<List<Object>, DocumentRenderer, List<R>>) (Object) work;
            fill();
        }

        /** The next item's result (waits for it), or {@code null} when its work failed. */
        public R next() {
            Future<R> next = pending.poll();
            if (next == null) {
                throw new IllegalStateException("no more items");
            }
            fill();
            try {
                return next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a rendered document", e);
            } catch (ExecutionException | CancellationException e) {
                log.debug("Rendering ahead failed; the caller renders the document itself", e);
                return null;
            }
        }

        /** Takes the next {@code 2 × BATCH} items whenever at least that many fit in the window. */
        private void fill() {
            int chunk = 2 * DocumentPipeline.BATCH;
            while (pending.size() + chunk <= window && items.hasNext()) {
                Map<Object, Batch<R>> byKind = new LinkedHashMap<>();
                for (int i = 0; i < chunk && items.hasNext(); i++) {
                    Object item = items.next();
                    CompletableFuture<R> result = new CompletableFuture<>();
                    pending.add(result);
                    Object prepared = prepared(item);
                    if (prepared == null) {
                        result.complete(null);
                        continue;
                    }
                    Batch<R> batch = byKind.computeIfAbsent(kind.apply(item), k -> new Batch<>());
                    batch.add(prepared, result);
                    if (batch.full()) {
                        submit(byKind.remove(kind.apply(item)));
                    }
                }
                byKind.values().forEach(this::submit);
            }
        }

        private void submit(Batch<R> batch) {
            batches.add(threads.submit(() -> batch.render(work, renderers.get())));
        }

        private Object prepared(Object item) {
            try {
                return prepare.apply(item);
            } catch (RuntimeException e) {
                log.debug("Preparing a document ahead failed; the caller renders it itself", e);
                return null;
            }
        }

        @Override
        public void close() {
            batches.forEach(f -> f.cancel(false));
            pending.forEach(f -> f.cancel(false));
            pending.clear();
        }
    }

    /** Up to {@link DocumentPipeline#BATCH} prepared items of one kind and where each one's result goes. */
    private static final class Batch<R> {

        private final List<Object> prepared = new ArrayList<>(DocumentPipeline.BATCH);
        private final List<CompletableFuture<R>> results = new ArrayList<>(DocumentPipeline.BATCH);

        void add(Object item, CompletableFuture<R> result) {
            prepared.add(item);
            results.add(result);
        }

        boolean full() {
            return prepared.size() == DocumentPipeline.BATCH;
        }

        void render(BiFunction<List<Object>, DocumentRenderer, List<R>> work, DocumentRenderer renderer) {
            try {
                List<R> rendered = work.apply(prepared, renderer);
                for (int i = 0; i < results.size(); i++) {
                    results.get(i).complete(rendered.get(i));
                }
            } catch (RuntimeException | Error e) {
                results.forEach(r -> r.completeExceptionally(e));
                throw e;
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hocba-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
