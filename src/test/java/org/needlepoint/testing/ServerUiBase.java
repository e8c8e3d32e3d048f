package org.needlepoint.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.AppWindow;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.ui.Background;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the UI tests of the clinic server's screens: a real clinic server ({@code serve} in a
 * child JVM on loopback, over "Test Clinic" with its admin, injector and desk) for the whole class,
 * and the real window, opened on a data folder as the app opens it or over services a test opened.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ServerUiBase {
    @TempDir
    protected static Path dir;
    protected static ServerProcess server;

    protected final Background background = new Background();
    protected Stage stage;
    protected AppWindow window;
    private final List<Database> opened = new ArrayList<>();
    /** What the window reported when the records could not be opened at all (the app would then say so and end). */
    protected volatile Throwable openFailure;

    @BeforeAll
    static void serve() throws Exception {
        Path records = dir.resolve("server");
        server = ServerProcess.serveTestClinic(records);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void quickRobots(FxRobot robot) {
        QuickRobots.install(robot);
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                if (window.idleMonitor() != null) {
                    window.idleMonitor().disarm();
                }
                stage.close();
            }).get(10, TimeUnit.SECONDS);
        }
        background.close();
        synchronized (opened) {
            opened.forEach(Database::close);
        }
    }

    /** Services over the records of {@code folder}, as the app opens them (embedded, joined, or through the server it serves); closed after the test. */
    protected Services services(Path folder) {
        Database db = Database.openFolder(folder);
        synchronized (opened) {
            opened.add(db);
        }
        return new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    /** The window as the app starts it on {@code folder}: sign-in form first, then the records open (or first run). */
    protected void startApp(Path folder) throws Exception {
        startApp(folder, w -> { });
    }

    protected void startApp(Path folder, java.util.function.Consumer<AppWindow> before) throws Exception {
        Callable<Services> open = () -> services(folder);
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            window = new AppWindow(background);
            before.accept(window);
            window.startOpening(stage, folder, open, error -> openFailure = error);
        });
        settle();
    }

    /** The window over services already open. */
    protected void startWindow(Services services) throws Exception {
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            window = new AppWindow(services, background);
            window.start(stage);
        });
        settle();
    }

    /** A new join code, made by the admin through the server's own link (as on the server PC). */
    protected static String codeFromAdmin() {
        try (Database db = Database.openFolder(server.folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
            return s.clinicPcs().makeJoinCode();
        }
    }

    /** A new, empty data folder, as on a PC where Needlepoint was just installed. */
    protected static Path emptyFolder(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name + "-" + System.nanoTime()));
    }

    protected static List<String> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until background work has reported back and the FX thread has caught up. */
    protected void settle() {
        QuickRobots.drain(); // a key or click just sent may not have started its work yet
        waitUntil(15, () -> background.isIdle());
    }

    protected void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s", e);
        }
        QuickRobots.drain();
    }

    protected <T extends Node> T node(FxRobot robot, String fxId) {
        return robot.lookup("#" + fxId).query();
    }

    protected String text(FxRobot robot, String fxId) {
        Node n = node(robot, fxId);
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof TextInputControl t) {
            return t.getText();
        }
        throw new IllegalArgumentException(fxId + " has no text");
    }

    /** True when the node and every parent are visible: what a person at the screen would see. */
    protected boolean seen(FxRobot robot, String fxId) {
        for (Node n = node(robot, fxId); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Replaces what a text field holds, as a person would: select all, then type. */
    protected void retype(FxRobot robot, String fxId, String text) {
        robot.clickOn("#" + fxId).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    protected void signIn(FxRobot robot, String username) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(TestClinic.PASSWORD);
        robot.clickOn("#signInButton");
        settle();
    }

    /** Saves a PNG of the window to target/screenshots when -Dscreenshots=true. */
    protected void screenshot(String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var image = WaitForAsyncUtils.asyncFx(() -> window.scene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", shots.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }

    /** Saves a PNG of the newest other window (a dialog) when -Dscreenshots=true. */
    protected void screenshotDialog(FxRobot robot, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            javafx.stage.Window dialog = robot.listTargetWindows().stream().filter(w -> w != stage).reduce((a, b) -> b)
                    .orElseThrow();
            var image = WaitForAsyncUtils.asyncFx(() -> dialog.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", shots.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }
}
