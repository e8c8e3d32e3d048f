package org.needlepoint.chart;

import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.needlepoint.testing.QuickRobots;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.View;
import org.needlepoint.ui.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The harness of the visit-history UI tests: the timeline (and its comparison window) loaded through
 * chart's own registration (ChartViews), as AppWindow does, in a 1366 x 768 window shaped like the
 * main one (app root, main page, the history inside), on a real database with two signed visits
 * 13 weeks apart ({@link HistoryFixture}), the injector signed in.
 */
@ExtendWith(ApplicationExtension.class)
abstract class HistoryUiBase {
    private Path folder;
    protected HistoryFixture fixture;
    protected TestClinic clinic;
    protected Background background;
    protected View<VisitHistoryController> history;
    protected StackPane appRoot;
    protected BorderPane mainPage;
    protected Stage stage;
    protected final List<Long> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void launch(FxRobot robot) throws Exception {
        QuickRobots.install(robot);
        folder = Files.createTempDirectory("needlepoint-history");
        fixture = new HistoryFixture(folder);
        clinic = fixture.clinic;
        clinic.signIn("injector");
        background = new Background();
        FxToolkit.setupFixture(() -> {
            Screens screens = new Screens(new ViewLoader());
            // the registration AppWindow runs; no shell: these tests never open the charting screen
            ChartViews.register(screens, background, null, clinic.services.charts(), clinic.services.inventory(),
                    clinic.services.reports(), clinic.services.adverseEvents(), clinic.services.clock(),
                    () -> org.needlepoint.ui.SaveDialog.PDF_CHOOSER);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            history = screens.load(VisitHistoryController.class);
            history.controller().setOnOpenVisit(opened::add);
            mainPage = new BorderPane(history.root());
            mainPage.setId("mainPage");
            appRoot = new StackPane(mainPage);
            Scene scene = new Scene(appRoot, 1366, 768);
            scene.getStylesheets().add(ViewLoader.stylesheet("/org/needlepoint/app/app.css"));
            stage = new Stage();
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeStore() throws Exception {
        fxRun(() -> {
            history.controller().closeComparison();
            stage.close();
        });
        background.close();
        fixture.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    // ------------------------------------------------------------------ helpers

    protected <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    protected void settle() {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> background.isIdle());
        } catch (TimeoutException e) {
            throw new AssertionError("background work did not finish", e);
        }
        QuickRobots.drain();
    }

    protected void showPatient(long id) {
        fxRun(() -> history.controller().showPatient(id));
        settle();
    }

    protected <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    protected String text(FxRobot robot, String id) {
        return ((Labeled) node(robot, id)).getText();
    }

    protected ListCell<?> row(FxRobot robot, long visitId) {
        return robot.lookup("#visit-" + visitId).queryAs(ListCell.class);
    }

    /** Every label's text in a node, in order, one per line. */
    protected static String texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return String.join("\n", out);
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    protected Window compareWindow() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage)
                .findFirst().orElse(null);
    }

    protected void selectBoth(FxRobot robot) {
        robot.clickOn(row(robot, fixture.earlier.visit().id()));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, fixture.later.visit().id())).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void openComparison(FxRobot robot) {
        selectBoth(robot);
        robot.clickOn("#compareButton");
        settle();
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static void assertInside(Node n, Scene scene) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertThat(b.getMinX()).as(n.getId() + " left edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMinY()).as(n.getId() + " top edge").isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).as(n.getId() + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(b.getMaxY()).as(n.getId() + " bottom edge").isLessThanOrEqualTo(scene.getHeight() + 0.5);
    }

    /** Lies inside what {@code container} shows (not scrolled or pushed out of sight). */
    protected static void assertWithin(Node n, Node container) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds c = container.localToScene(container.getBoundsInLocal());
        assertThat(b.getMinX()).as(n + " left edge").isGreaterThanOrEqualTo(c.getMinX() - 0.5);
        assertThat(b.getMaxX()).as(n + " right edge").isLessThanOrEqualTo(c.getMaxX() + 0.5);
    }

    /** Shown in full: not cut short with an ellipsis, not squeezed below its height. */
    protected static void assertNotClipped(Labeled l) {
        if (l.isWrapText()) {
            assertThat(l.getHeight()).as(l.getId() + " height").isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 1);
        } else {
            assertThat(l.getWidth()).as(l.getId() + " width").isGreaterThanOrEqualTo(l.prefWidth(-1) - 1);
        }
    }

    protected void screenshot(Scene scene, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var image = fx(() -> scene.snapshot(null));
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }
}
