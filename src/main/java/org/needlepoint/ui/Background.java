package org.needlepoint.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs store work off the FX thread and hands the result back on it. Tests wait on
 * {@link #isIdle()} rather than sleeping.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Background() {
        this(Executors.newFixedThreadPool(2, daemonThreads()));
    }

    /** Runs the work on {@code pool} (tests: an order of their choosing); closing this shuts it down. */
    public Background(ExecutorService pool) {
        this.pool = pool;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "needlepoint-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code work} in the background; exactly one of the callbacks then runs on the FX thread (none once closed). */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        inFlight.incrementAndGet();
        try {
            execute(work, onSuccess, onError);
        } catch (RejectedExecutionException closed) {
            // the window closed (close() below): nothing is left to show a result in, e.g. for a live refresh that
            // heard another PC's change as the window went
            inFlight.decrementAndGet();
        }
    }

    private <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pool.execute(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            T r = result;
            Throwable f = failure;
            Platform.runLater(() -> {
                // counted as done once back on the FX thread: a callback may open a modal dialog
                inFlight.decrementAndGet();
                if (f == null) {
                    onSuccess.accept(r);
                } else {
                    onError.accept(f);
                }
            });
        });
    }

    /** True when no work is running or waiting to report back. */
    public boolean isIdle() {
        return inFlight.get() == 0;
    }

    /** Lets running work (a save in progress) finish, for up to ten seconds, then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
