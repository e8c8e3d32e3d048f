package org.needlepoint.app;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Opt-in start-up report, used by the benchmark (src/bench) to time cold start from outside the
 * process. With {@code -Dneedlepoint.reportShown=true}, prints
 * {@code NEEDLEPOINT_SHOWN <window title>} on standard output once the stage is first shown (on
 * the FX event after its WINDOW_SHOWN event);
 * with {@code -Dneedlepoint.exitWhenShown=true} as well, the application then exits normally
 * ({@link Platform#exit()}, so {@code Application.stop()} still runs). Without the properties it
 * does nothing.
 */
public final class ShownReport {
    public static final String MARKER = "NEEDLEPOINT_SHOWN";

    private ShownReport() {
    }

    /** Call before {@code stage.show()}. */
    public static void watch(Stage stage) {
        if (!Boolean.getBoolean("needlepoint.reportShown")) {
            return;
        }
        AtomicBoolean reported = new AtomicBoolean();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (reported.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    System.out.println(MARKER + " " + stage.getTitle());
                    System.out.flush();
                    if (Boolean.getBoolean("needlepoint.exitWhenShown")) {
                        Platform.exit();
                    }
                });
            }
        });
    }
}
