package org.needlepoint.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.needlepoint.Main;

/**
 * Starts the real app through {@link Main} in this JVM and works it as a person would, through the
 * controls' fx:ids: the sign-in window, the store opening behind it, signing in, a patient search.
 * The installer's AppCDS training run ({@link CdsTraining}) records the classes this loads; the
 * benchmark's memory probe (src/bench) measures the app after it. Nothing in the app knows about it.
 */
final class AppDriver {
    private static final long TIMEOUT_MS = 120_000;

    private AppDriver() {
    }

    /** Starts the real app through {@link Main} on {@code folder} in a new thread and waits for JavaFX to run. */
    static Thread startApp(String folder) throws InterruptedException {
        Thread app = new Thread(() -> Main.main(new String[] {"--data", folder}), "needlepoint-main");
        app.start();
        waitForToolkit();
        return app;
    }

    /**
     * Works the started app as a person would: waits for the sign-in window and for the store to
     * open, signs in, types {@code query} into the patient search one letter at a time and waits for
     * the results; returns the number of rows shown.
     */
    static int signInAndSearch(String username, String password, String query) throws Exception {
        Scene signIn = waitFor("the sign-in window", () -> sceneWith("#signInButton"));
        // the form shows before the store has opened; the button is enabled once it has
        waitFor("the store to open", () -> ((Button) signIn.lookup("#signInButton")).isDisabled() ? null : true);
        fx(() -> {
            ((TextInputControl) signIn.lookup("#username")).setText(username);
            ((TextInputControl) signIn.lookup("#password")).setText(password);
            ((Button) signIn.lookup("#signInButton")).fire();
            return null;
        });
        Scene main = waitFor("the patient search after signing in", () -> sceneWith("#searchField"));
        String initialHint = fx(() -> ((Label) main.lookup("#searchHint")).getText());
        fx(() -> {
            TextInputControl field = (TextInputControl) main.lookup("#searchField");
            for (int i = 1; i <= query.length(); i++) {
                field.setText(query.substring(0, i));
            }
            return null;
        });
        return waitFor("the search results", () -> {
            TableView<?> table = (TableView<?>) main.lookup("#resultsTable");
            String hint = ((Label) main.lookup("#searchHint")).getText();
            return !table.getItems().isEmpty() && !hint.equals(initialHint) ? table.getItems().size() : null;
        });
    }

    private static void waitForToolkit() throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                if (System.currentTimeMillis() > end) {
                    throw new IllegalStateException("JavaFX did not start");
                }
                Thread.sleep(20);
            }
        }
    }

    private static Scene sceneWith(String selector) {
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (w.isShowing() && s != null) {
                Node n = s.lookup(selector);
                if (n != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Polls {@code probe} on the FX thread until it gives a non-null value. */
    private static <T> T waitFor(String what, Supplier<T> probe) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            T v = fx(probe);
            if (v != null) {
                return v;
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
