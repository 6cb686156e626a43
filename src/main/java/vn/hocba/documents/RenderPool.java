package vn.hocba.documents;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
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
        this.window = 2 * n;
    }

    /** How many items' work may be done or under way ahead of the caller. */
    public int window() {
        return window;
    }

    /**
     * The results of {@code work} for each item, in the items' order, computed on the pool with the
     * worker's renderer. A result whose work failed is {@code null} (the caller does it again itself, to
     * report the failure in its own context).
     */
    public <T, R> Ahead<R> ahead(List<T> items, BiFunction<T, DocumentRenderer, R> work) {
        return ahead(items, Function.identity(), work);
    }

    /**
     * As {@link #ahead(List, BiFunction)}, with {@code prepare} run first for each item <b>on the caller's
     * thread</b> (in its transaction, if any), a window ahead, and {@code work} rendering what it prepared on the
     * pool. An item {@code prepare} returns {@code null} for (nothing to render) or fails for has the result
     * {@code null}.
     */
    public <T, P, R> Ahead<R> ahead(List<T> items, Function<T, P> prepare, BiFunction<P, DocumentRenderer, R> work) {
        return new Ahead<>(items.iterator(), prepare, work);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Results in order; close it to cancel what is still queued. */
    public final class Ahead<R> implements AutoCloseable {

        private final Deque<Future<R>> pending = new ArrayDeque<>();
        private final Iterator<?> items;
        private final Function<Object, Object> prepare;
        private final BiFunction<Object, DocumentRenderer, R> work;

        @SuppressWarnings("unchecked")
        private <T, P> Ahead(Iterator<T> items, Function<T, P> prepare, BiFunction<P, DocumentRenderer, R> work) {
            this.items = items;
            this.prepare = (Function<Object, Object>) prepare;
            this.work = (BiFunction<Object, DocumentRenderer, R>) work;
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

        private void fill() {
            while (pending.size() < window && items.hasNext()) {
                Object prepared = prepared(items.next());
                pending.add(prepared == null ? CompletableFuture.completedFuture(null)
                        : threads.submit(() -> work.apply(prepared, renderers.get())));
            }
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
            pending.forEach(f -> f.cancel(false));
            pending.clear();
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
