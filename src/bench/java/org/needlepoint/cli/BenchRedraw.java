package org.needlepoint.cli;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.needlepoint.chart.SiteMapBenchmark;

/**
 * {@code bench}'s site-map redraw probe, run in a child JVM with a display: starts the JavaFX
 * toolkit, then runs {@link SiteMapBenchmark#run} on the FX thread for R rounds in a row, printing
 * {@code BENCH_REDRAW round=<r> median=<ms> p95=<ms> worst=<ms> shown=<markers>} after each, and
 * {@code BENCH_REDRAW_DONE pipeline=<prism pipeline>} at the end.
 */
public final class BenchRedraw {
    static final String MARKER = "BENCH_REDRAW ";
    static final String DONE = "BENCH_REDRAW_DONE";

    private BenchRedraw() {
    }

    /** Arguments: points, frames per round, rounds. */
    public static void main(String[] args) throws Exception {
        int points = Integer.parseInt(args[0]);
        int frames = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(120, TimeUnit.SECONDS);
        for (int r = 0; r < rounds; r++) {
            CompletableFuture<SiteMapBenchmark.Result> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(SiteMapBenchmark.run(points, frames));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            SiteMapBenchmark.Result res = f.get(300, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "%sround=%d median=%.3f p95=%.3f worst=%.3f shown=%d%n", MARKER, r,
                    res.medianMillis(), res.p95Millis(), res.worstMillis(), res.markersShown());
            System.out.flush();
        }
        System.out.println(DONE + " pipeline=" + pipeline());
        System.out.flush();
        Platform.exit();
    }

    /** The Prism pipeline in use ("ES2Pipeline", "SWPipeline"), as far as the internal API tells. */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "unknown" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
