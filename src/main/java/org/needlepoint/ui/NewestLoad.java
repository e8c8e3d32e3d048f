package org.needlepoint.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Loads of one screen's content that replace each other: a list reloads when it is shown, after its own
 * saves and when another PC changes its records, and the answers can come back out of order. Only the
 * newest load's answer (or its error) reaches the screen; an older one that comes back later is dropped,
 * so the screen never shows an older state after a newer one. FX thread only.
 */
public final class NewestLoad {
    private long newest;

    /** Runs {@code work} on {@code background}; {@code show} or {@code fail} then runs, if no newer load began meanwhile. */
    public <T> void run(Background background, Callable<T> work, Consumer<T> show, Consumer<Throwable> fail) {
        run(background, work, show, fail, () -> { });
    }

    /** As {@link #run(Background, Callable, Consumer, Consumer)}; {@code after} runs once the answer is back, newest or not. */
    public <T> void run(Background background, Callable<T> work, Consumer<T> show, Consumer<Throwable> fail,
                        Runnable after) {
        long mine = ++newest;
        background.run(work, result -> {
            if (mine == newest) {
                show.accept(result);
            }
            after.run();
        }, error -> {
            if (mine == newest) {
                fail.accept(error);
            }
            after.run();
        });
    }
}
