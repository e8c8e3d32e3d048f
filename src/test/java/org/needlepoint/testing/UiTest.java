package org.needlepoint.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.needlepoint.app.AppWindow;
import org.needlepoint.ui.Background;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the headless UI tests: the real window on a real H2 database in a temp folder.
 * Subclasses override {@link #prepare(TestClinic)} to seed data before the window opens.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class UiTest {
    protected TestClinic clinic;
    protected Background background;
    protected AppWindow window;
    /** The services the window runs on ({@link #windowServices}, asked once). */
    private org.needlepoint.app.Services shown;
    protected Stage stage;
    private Path folder;

    @BeforeEach
    void launch(FxRobot robot) throws Exception {
        QuickRobots.install(robot);
        folder = Files.createTempDirectory("needlepoint-ui");
        clinic = new TestClinic(folder);
        prepare(clinic);
        if (!automaticBackups()) {
            clinic.automaticBackups(false);
        }
        background = newBackground();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            shown = windowServices();
            window = new AppWindow(shown, background);
            window.start(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The services the window runs on: the test clinic's, or a joined PC's (a window as a client of a clinic server). */
    protected org.needlepoint.app.Services windowServices() {
        return clinic.services;
    }

    /**
     * Whether the clinic backs up at the window's start and on closing, as a real one does; off by default, so a
     * test that does not try backups does not pay for one at every start.
     */
    protected boolean automaticBackups() {
        return false;
    }

    /** The background runner the window gets; a test may run its work in an order of its own. */
    protected Background newBackground() {
        return new Background();
    }

    /** Seed data before the window opens; by default a clinic with admin, injector and desk accounts. */
    protected void prepare(TestClinic c) {
        c.withStaff();
    }

    @AfterEach
    void closeStore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.idleMonitor().disarm(); // its ticker would otherwise read this closed store in a later test
            stage.close();
        }).get(10, TimeUnit.SECONDS);
        background.close();
        clinic.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /**
     * Waits until background work has reported back and the FX thread has caught up. The FX events are
     * drained first: a key or click just sent may not have started its background work yet.
     */
    protected void settle() {
        QuickRobots.drain();
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> background.isIdle());
        } catch (TimeoutException e) {
            throw new AssertionError("background work did not finish", e);
        }
        QuickRobots.drain();
    }

    /**
     * As {@link #settle}, and then until the window's change feed has looked for changes after this moment and
     * the lists that follow it have reloaded: a change just saved reaches them at the feed's next look (every
     * 0.5 s), which may come after {@link #settle} returned and replace a row a test is about to click.
     */
    protected void settleChanges() {
        settle();
        org.needlepoint.store.ChangeFeed feed = shown.changes();
        long now = feed.looks();
        try {
            // the look under way may have begun before the save; the next one tells the lists and starts their
            // reloads before the one after it begins
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> feed.looks() >= now + 3);
        } catch (TimeoutException e) {
            throw new AssertionError("the change feed did not look for changes", e);
        }
        settle();
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

    /** Signs in through the real sign-in form. */
    protected void signIn(FxRobot robot, String username, String password) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(password);
        robot.clickOn("#signInButton");
        settle();
    }

    /** Saves a PNG of the window to target/screenshots when -Dscreenshots=true. */
    protected void screenshot(String name) {
        screenshot(name, (Node) null);
    }

    /** Saves a PNG of the scene (a dialog's, say) that {@code inScene} is in; the window's when null. */
    protected void screenshot(String name, Node inScene) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var image = WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = inScene == null ? window.scene() : inScene.getScene();
                return scene.snapshot(null);
            }).get(10, TimeUnit.SECONDS);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }
}
