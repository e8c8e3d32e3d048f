package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Times a redraw of a busy site map: {@code points} markers on the front face of a 900 x 900 map,
 * every marker moved each frame, then CSS, layout and rendering (a scene snapshot, which renders
 * the whole scene as a frame would). For the benchmark ({@code Bench --only redraw}); the target
 * is one 16 ms frame for 300 points.
 */
public final class SiteMapBenchmark {
    private SiteMapBenchmark() {
    }

    /** Per-frame times in milliseconds, and how many markers the map showed. */
    public record Result(int points, int markersShown, int frames, double medianMillis, double p95Millis,
                         double meanMillis, double worstMillis) {
        @Override
        public String toString() {
            return String.format("site map, %d points, %d frames: median %.1f ms, p95 %.1f ms, mean %.1f ms, worst %.1f ms",
                    points, frames, medianMillis, p95Millis, meanMillis, worstMillis);
        }
    }

    /** Runs on the JavaFX application thread (the toolkit must be started). */
    public static Result run(int points, int frames) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("run the site-map benchmark on the JavaFX thread");
        }
        if (points < 1 || frames < 1) {
            throw new IllegalArgumentException("points and frames must be positive");
        }
        SiteMap map = new SiteMap();
        Scene scene = new Scene(new StackPane(map), 900, 900);
        Random random = new Random(42);
        String[] colours = {"#7c3aed", "#0e9f6e", "#f59e0b", "#e02424"};
        String[] labels = {"10 U", "5 U", "0.2", "0.5 mL"};
        double[][] at = new double[points][2];
        for (double[] p : at) {
            p[0] = 0.25 + 0.5 * random.nextDouble();
            p[1] = 0.22 + 0.6 * random.nextDouble();
        }
        int warmUp = Math.min(10, frames);
        double[] ms = new double[frames];
        for (int f = -warmUp; f < frames; f++) {
            List<MapPoint> list = new ArrayList<>(points);
            double dx = 0.002 * Math.sin(f);
            for (int i = 0; i < points; i++) {
                list.add(new MapPoint("b" + i, DiagramView.FACE_FRONT, at[i][0] + dx, at[i][1], colours[i % colours.length],
                        labels[(i + Math.max(f, 0)) % labels.length]));
            }
            long t0 = System.nanoTime();
            map.points().setAll(list);
            scene.snapshot(null);
            long t1 = System.nanoTime();
            if (f >= 0) {
                ms[f] = (t1 - t0) / 1e6;
            }
        }
        int shown = (int) map.points().stream().filter(p -> map.markerNode(p.key()).isPresent()).count();
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(0);
        double p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * frames) - 1)]; // nearest rank
        return new Result(points, shown, frames, sorted[frames / 2], p95, mean, sorted[frames - 1]);
    }
}
