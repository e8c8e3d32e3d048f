package org.needlepoint.cli;

import atlantafx.base.theme.PrimerLight;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.needlepoint.app.Services;
import org.needlepoint.photo.PhotoViews;
import org.needlepoint.photo.PhotosController;
import org.needlepoint.photo.Pose;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.View;
import org.needlepoint.ui.ViewLoader;

/**
 * bench's photos probe, run in a child JVM with a display: the real Photos tab (its FXML, controller and
 * background work, registered as the app registers it) on a clinic's patient, in a window. It first watches the
 * FX thread's frames for 3 s with nothing to do ({@code BENCH_PHOTOS_IDLE longest=<ms> over=<n> frames=<n>}: what
 * the machine's load alone costs). Then, for each folder given,
 * it imports the folder as a drop would and waits until every photo's thumbnail shows, timing it and the FX
 * thread's frames meanwhile (an animation timer's gaps: a frame is as long as the FX thread was held), printing
 * {@code BENCH_PHOTOS_IMPORT total=<ms> photos=<n> longest=<ms> over=<frames over 100 ms> frames=<n>}; then opens
 * Compare on the front view's first and latest photo R + 1 times, from the click to both photos drawn, printing
 * {@code BENCH_PHOTOS_COMPARE round=<r> ms=<ms>}, and {@code BENCH_PHOTOS_DONE} at the end.
 */
public final class BenchPhotosFx {
    static final String IDLE = "BENCH_PHOTOS_IDLE ";
    static final String IMPORT = "BENCH_PHOTOS_IMPORT ";
    static final String COMPARE = "BENCH_PHOTOS_COMPARE ";
    static final String DONE = "BENCH_PHOTOS_DONE";
    private static final long TIMEOUT_MS = 600_000;

    private BenchPhotosFx() {
    }

    /** Arguments: data folder, username, patient id, compare rounds, then the folders to import; password on stdin. */
    public static void main(String[] args) throws Exception {
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Path data = Path.of(args[0]);
        long patientId = Long.parseLong(args[2]);
        int compares = Integer.parseInt(args[3]);
        List<Path> folders = java.util.Arrays.stream(args).skip(4).map(Path::of).toList();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(120, TimeUnit.SECONDS);
        try (Database db = Database.open(data); Background background = new Background()) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(args[1], password.toCharArray());
            Screens screens = new Screens(new ViewLoader()).follow(s.changes());
            PhotoViews.register(screens, background, s.photos(), s.clock());
            View<PhotosController> tab = fx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                View<PhotosController> v = screens.load(PhotosController.class);
                Scene scene = new Scene(v.root(), 1366, 768);
                scene.getStylesheets().add(ViewLoader.stylesheet("/org/needlepoint/app/app.css"));
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                v.controller().showPatient(patientId);
                return v;
            });
            Parent root = tab.root();
            waitFor(() -> ((ComboBox<?>) root.lookup("#photoTargetBox")).getValue() != null);
            // the frames with nothing to do, for comparison: what the machine's load alone costs the FX thread
            Frames idle = fx(Frames::new);
            Thread.sleep(3000);
            fx(() -> {
                idle.stop();
                return null;
            });
            System.out.printf(Locale.ROOT, "%slongest=%.1f over=%d frames=%d%n", IDLE, idle.longest, idle.over, idle.count);
            System.out.flush();
            int expected = 0;
            for (Path folder : folders) {
                int files;
                try (var list = java.nio.file.Files.list(folder)) {
                    files = (int) list.count();
                }
                expected += files;
                int total = expected;
                Frames frames = fx(Frames::new);
                long t0 = System.nanoTime();
                fx(() -> {
                    tab.controller().importPaths(List.of(folder));
                    return null;
                });
                waitFor(() -> allShown(root, total));
                double ms = (System.nanoTime() - t0) / 1e6;
                fx(() -> {
                    frames.stop();
                    return null;
                });
                System.out.printf(Locale.ROOT, "%stotal=%.1f photos=%d longest=%.1f over=%d frames=%d%n", IMPORT, ms, files,
                        frames.longest, frames.over, frames.count);
                System.out.flush();
            }
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<Pose> poses = (ComboBox<Pose>) root.lookup("#comparePoseBox");
                poses.setValue(Pose.FRONT);
                return null;
            });
            for (int r = -1; r < compares; r++) {
                long[] t0 = new long[1];
                fx(() -> {
                    // the last round's drawing goes, so that only this round's counts
                    ((Pane) root.lookup("#leftPane")).getChildren().clear();
                    ((Pane) root.lookup("#rightPane")).getChildren().clear();
                    t0[0] = System.nanoTime();
                    ((Button) root.lookup("#compareButton")).fire();
                    return null;
                });
                waitFor(() -> drawn(root));
                double ms = (System.nanoTime() - t0[0]) / 1e6;
                System.out.printf(Locale.ROOT, "%sround=%d ms=%.1f%n", COMPARE, r, ms);
                System.out.flush();
                fx(() -> {
                    ((Button) root.lookup("#closeCompareButton")).fire();
                    return null;
                });
                waitFor(() -> !shown(root.lookup("#leftPane")));
            }
            System.out.println(DONE);
            System.out.flush();
        } finally {
            Platform.exit();
        }
    }

    /** The FX thread's frames while an import runs: the gaps between an animation timer's pulses. */
    private static final class Frames extends AnimationTimer {
        long last;
        double longest;
        int over;
        int count;

        Frames() {
            start();
        }

        @Override
        public void handle(long now) {
            if (last != 0) {
                double ms = (now - last) / 1e6;
                longest = Math.max(longest, ms);
                if (ms > BenchPhotos.FRAME_TARGET_MS) {
                    over++;
                }
                count++;
            }
            last = now;
        }
    }

    /** Every photo of the patient shown as a tile with its thumbnail, and the import's summary in the status. */
    private static boolean allShown(Parent root, int photos) {
        String status = ((Label) root.lookup("#photosStatus")).getText();
        if (status == null || !status.contains("imported")) {
            return false;
        }
        var tiles = root.lookupAll(".photo-tile");
        if (tiles.size() != photos) {
            return false;
        }
        for (Node t : tiles) {
            ImageView v = (ImageView) t.lookup(".image-view");
            if (v == null || v.getImage() == null) {
                return false;
            }
        }
        return true;
    }

    /** Compare is on screen and shows both photos: each side holds its drawing. */
    private static boolean drawn(Parent root) {
        Pane left = (Pane) root.lookup("#leftPane");
        Pane right = (Pane) root.lookup("#rightPane");
        return shown(left) && !left.getChildren().isEmpty() && !right.getChildren().isEmpty();
    }

    /** The node and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Polls {@code done} on the FX thread, once a pulse or so. */
    private static void waitFor(BooleanSupplier done) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            if (fx(done::getAsBoolean)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
