package org.needlepoint.cli;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.needlepoint.app.AppWindow;
import org.needlepoint.app.Services;
import org.needlepoint.common.Changes;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentStatus;
import org.needlepoint.schedule.BookController;
import org.needlepoint.schedule.BookGrid;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.View;
import org.needlepoint.ui.ViewLoader;

/**
 * {@code bench}'s week-view probe, run in a child JVM with a display on the book part's clinic (6
 * injectors, 600 appointments a week): the appointment book's real view (BookView with its controller,
 * the app's theme and style sheet, in a window of the app's size) in week mode, every injector. Each
 * change of week is the person's click on "back a week" ({@code #bookPrev} fired on the FX thread) and is
 * timed to the week view laid out and rendered:
 * <ol>
 * <li><b>laid out</b>: from the click to the first pulse, after its CSS and layout, in which every
 * appointment of the new week has its block in the grid (the week read through AppointmentService on the
 * controller's background thread, the model, the 600 blocks built, the scroll, CSS and layout all
 * included);</li>
 * <li><b>rendered</b>: then the scene rendered as a frame ({@link Scene#snapshot}, which renders the whole
 * scene graph with the same pipeline), timed and added.</li>
 * </ol>
 * Prints {@code BENCH_WEEK round=<r> p50=<ms> p95=<ms> layout50=<ms> render50=<ms> blocks=<n>} per round
 * (round 0 is a warm-up) and {@code BENCH_WEEK_DONE pipeline=<prism pipeline>}.
 */
public final class BenchWeek {
    static final String MARKER = "BENCH_WEEK ";
    static final String DONE = "BENCH_WEEK_DONE";

    private BenchWeek() {
    }

    /** Arguments: data folder, the desk's password, changes of week per round, rounds (the first a warm-up). */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String password = args[1];
        int changes = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(120, TimeUnit.SECONDS);
        try (Database db = Database.open(folder); Background background = new Background()) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.auth().signIn("desk", password.toCharArray());
            // the weeks shown, each full, back from the week before next: their appointments known beforehand
            LocalDate first = LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY)).minusWeeks(1);
            List<Set<Long>> weeks = new ArrayList<>();
            for (int w = 0; w <= changes * rounds; w++) {
                // a cancelled appointment is not drawn (its time is free); a no-show is
                weeks.add(s.appointments().week(first.minusWeeks(w)).stream()
                        .filter(a -> a.status() != AppointmentStatus.CANCELLED).map(Appointment::id)
                        .collect(Collectors.toCollection(HashSet::new)));
            }
            ViewLoader loader = new ViewLoader();
            loader.register(BookController.class, () -> new BookController(s.appointments(), s.patients(), s.inventory(),
                    background, Changes.NONE, () -> {
                        throw new IllegalStateException("the benchmark opens no check-in");
                    }, id -> { }));
            CompletableFuture<Scene> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                View<BookController> view = loader.load(BookController.class);
                Scene scene = new Scene(view.root(), AppWindow.WIDTH, AppWindow.HEIGHT);
                scene.getStylesheets().add(ViewLoader.stylesheet("/org/needlepoint/app/app.css"));
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                ((ToggleButton) scene.lookup("#bookWeekMode")).setSelected(true);
                ((DatePicker) scene.lookup("#bookDate")).setValue(first);
                shown.complete(scene);
            });
            Scene scene = shown.get(60, TimeUnit.SECONDS);
            waitShown(scene, weeks.get(0));
            int w = 0;
            for (int r = 0; r < rounds; r++) {
                double[] total = new double[changes];
                double[] layout = new double[changes];
                double[] render = new double[changes];
                int blocks = 0;
                for (int k = 0; k < changes; k++) {
                    Set<Long> want = weeks.get(++w);
                    double[] t = change(scene, want);
                    layout[k] = t[0];
                    render[k] = t[1];
                    total[k] = t[0] + t[1];
                    blocks = want.size();
                }
                Arrays.sort(total);
                Arrays.sort(layout);
                Arrays.sort(render);
                System.out.printf(Locale.ROOT, "%sround=%d p50=%.3f p95=%.3f layout50=%.3f render50=%.3f max=%.3f blocks=%d%n",
                        MARKER, r, pct(total, 50), pct(total, 95), pct(layout, 50), pct(render, 50), total[changes - 1],
                        blocks);
                System.out.flush();
            }
            s.auth().signOut();
        }
        System.out.println(DONE + " pipeline=" + pipeline());
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double pct(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static boolean complete(BookGrid grid, Set<Long> want) {
        for (long id : want) {
            if (grid.blockOf(id) == null) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the week's blocks are all in the grid (the first week, untimed). */
    private static void waitShown(Scene scene, Set<Long> want) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(complete((BookGrid) scene.lookup("#bookGrid"), want)));
            if (f.get(60, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(50); // polling the first, untimed week only
        }
        CompletableFuture<String> what = new CompletableFuture<>();
        Platform.runLater(() -> {
            BookGrid grid = (BookGrid) scene.lookup("#bookGrid");
            long found = want.stream().filter(id -> grid.blockOf(id) != null).count();
            what.complete(found + " of " + want.size() + " blocks; the book says \""
                    + ((javafx.scene.control.Label) scene.lookup("#bookTitle")).getText() + "\" / \""
                    + ((javafx.scene.control.Label) scene.lookup("#bookMessage")).getText() + "\"");
        });
        throw new IllegalStateException("the first week was not shown within 60 s: " + what.get(10, TimeUnit.SECONDS));
    }

    /** One change of week: {laid out ms, rendered ms}. */
    private static double[] change(Scene scene, Set<Long> want) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            BookGrid grid = (BookGrid) scene.lookup("#bookGrid");
            Runnable[] check = new Runnable[1];
            long t0 = System.nanoTime();
            check[0] = () -> {
                if (!complete(grid, want)) {
                    return;
                }
                long t1 = System.nanoTime();
                scene.removePostLayoutPulseListener(check[0]);
                Platform.runLater(() -> {
                    long r0 = System.nanoTime();
                    scene.snapshot(null);
                    long r1 = System.nanoTime();
                    done.complete(new double[] {(t1 - t0) / 1e6, (r1 - r0) / 1e6});
                });
            };
            scene.addPostLayoutPulseListener(check[0]);
            ((Button) scene.lookup("#bookPrev")).fire();
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    /** The Prism pipeline in use, as far as the internal API tells. */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "unknown" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
