package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Two visits' maps side by side, opened from the timeline. See {@link HistoryUiBase}. */
class CompareVisitsUiTest extends HistoryUiBase {

    // ------------------------------------------------------------------ the comparison

    @Test
    void twoSelectedVisitsCompareSideBySideWithWhatChanged(FxRobot robot) {
        showPatient(fixture.patientId());
        openComparison(robot);

        Window w = compareWindow();
        assertThat(w).as("the comparison window").isNotNull();
        assertThat(((Stage) w).getOwner()).isSameAs(stage);
        assertThat(((Stage) w).getModality()).isEqualTo(Modality.WINDOW_MODAL);
        Scene scene = w.getScene();
        assertThat(scene.getWidth()).isLessThanOrEqualTo(1366);
        assertThat(scene.getHeight()).isLessThanOrEqualTo(768);

        SiteMap left = node(robot, "leftMap");
        SiteMap right = node(robot, "rightMap");
        assertThat(left.getScene()).isSameAs(scene);
        assertThat(left.isReadOnly()).isTrue();
        assertThat(right.isReadOnly()).isTrue();
        assertThat(left.getView()).isEqualTo(DiagramView.FACE_FRONT);
        assertThat(right.getView()).isEqualTo(DiagramView.FACE_FRONT);
        ComboBox<DiagramView> views = node(robot, "compareView");
        assertThat(views.getValue()).isEqualTo(DiagramView.FACE_FRONT);
        assertThat(views.getItems()).containsExactly(DiagramView.FACE_FRONT);

        // every point of each visit is a marker on its own map, inside the map
        for (var side : List.of(new Object[] {left, fixture.earlier}, new Object[] {right, fixture.later})) {
            SiteMap map = (SiteMap) side[0];
            VisitChart chart = (VisitChart) side[1];
            assertThat(map.points()).hasSize(chart.allPoints().size());
            for (InjectionPoint p : chart.allPoints()) {
                Node marker = robot.from(map).lookup("#marker-" + p.key()).query();
                assertThat(marker.isVisible()).isTrue();
                assertThat(marker.getLayoutX()).isBetween(0.0, map.getWidth());
                assertThat(marker.getLayoutY()).isBetween(0.0, map.getHeight());
            }
        }
        assertThat(robot.from(right).lookup("#marker-" + fixture.earlier.points().get(0).key()).tryQuery()).isEmpty();

        assertThat(text(robot, "leftTitle")).contains("21 Nov 2026", "NP Ivy Injector");
        assertThat(text(robot, "rightTitle")).contains("20 Feb 2027", "NP Ivy Injector");
        assertThat(text(robot, "leftTotals")).contains("Dysport 300 U \u00b7 50 U", "Sculptra \u00b7 4 mL", "13 points");
        assertThat(text(robot, "rightTotals")).contains("Dysport 300 U \u00b7 60 U", "7 points").doesNotContain("Sculptra");
        assertThat(text(robot, "compareSubtitle")).contains("13 weeks apart");
        assertThat(text(robot, "leftCaption")).isEqualTo("EARLIER VISIT  \u00b7  1 ADDENDUM");
        assertThat(text(robot, "rightCaption")).isEqualTo("LATER VISIT");

        String diff = texts(node(robot, "compareDiff"));
        assertThat(diff).contains("Dysport 300 U: 50 U \u2192 60 U (+10 U)", "Sculptra: 4 mL \u2192 none (\u22124 mL)");
        assertThat(text(robot, "diff-only-earlier")).contains("Malar (cheek)", "Submalar").doesNotContain("Frontalis");
        assertThat(text(robot, "diff-only-later")).contains("Frontalis").doesNotContain("Malar");
        assertThat(text(robot, "diff-in-both")).contains("Procerus", "Corrugator supercilii");

        // fits 1366 x 768: nothing outside the window, no title cut short
        for (String id : List.of("closeCompareButton", "compareView", "leftMap", "rightMap", "compareDiffScroll",
                "leftTitle", "rightTitle", "leftTotals", "rightTotals", "leftViewNote", "rightViewNote")) {
            assertInside(node(robot, id), scene);
        }
        for (String id : List.of("closeCompareButton", "leftTitle", "rightTitle", "leftTotals", "rightTotals",
                "leftViewNote", "rightViewNote", "compareSubtitle")) {
            assertNotClipped(node(robot, id));
        }
        assertThat(left.getWidth()).as("map width").isGreaterThan(300);
        assertThat(left.getHeight()).as("map height").isGreaterThan(400);
        screenshot(scene, "compare-visits");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.isShowing()).as("Esc closes the comparison").isFalse();
        assertThat(robot.lookup("#leftMap").tryQuery()).isEmpty();
    }

    @Test
    void theCloseButtonClosesTheComparisonAndTheListTakesTheFocusBack(FxRobot robot) {
        showPatient(fixture.patientId());
        openComparison(robot);
        Window w = compareWindow();
        assertThat(w).isNotNull();
        assertThat(fx(() -> history.controller().openComparison())).isPresent();

        robot.clickOn("#closeCompareButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(w.isShowing()).isFalse();
        assertThat(fx(() -> history.controller().openComparison())).isEmpty();
        assertThat(((ListView<?>) node(robot, "visitList")).isFocused()).isTrue();
    }

    @Test
    void theComparisonClosesWhenTheMainWindowLocksOrSignsOut(FxRobot robot) {
        showPatient(fixture.patientId());
        openComparison(robot);
        Window first = compareWindow();
        assertThat(first).isNotNull();

        fxRun(() -> mainPage.setVisible(false)); // what AppWindow.lockNow does to the main page
        assertThat(first.isShowing()).as("closed by the lock").isFalse();

        fxRun(() -> mainPage.setVisible(true));
        openComparison(robot);
        Window second = compareWindow();
        assertThat(second).isNotNull().isNotSameAs(first);
        fxRun(() -> appRoot.getChildren().setAll(new Label("Sign in"))); // what signing out does
        assertThat(second.isShowing()).as("closed by signing out").isFalse();
    }

    @Test
    void inputInTheComparisonCountsAsActivityForTheIdleLock(FxRobot robot) {
        showPatient(fixture.patientId());
        AtomicInteger activity = new AtomicInteger();
        fxRun(() -> stage.getScene().addEventFilter(MouseEvent.MOUSE_MOVED, e -> activity.incrementAndGet()));
        openComparison(robot);
        activity.set(0);

        robot.moveTo("#rightMap").moveBy(30, 20);
        robot.type(KeyCode.TAB);

        assertThat(activity.get()).isGreaterThan(0);
        assertThat(compareWindow()).as("still open").isNotNull();
    }
}
