package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.testing.QuickRobots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SiteMapUiTest {
    /** The test's brush: what the chart would carry (product, colour, amount). */
    record Dose(String product, String colour, String amount) {
    }

    static final Dose DYSPORT = new Dose("Dysport", "#7c3aed", "10 U");
    static final Dose DYSPORT_5 = new Dose("Dysport", "#7c3aed", "5 U");
    static final Dose SCULPTRA = new Dose("Sculptra", "#0e9f6e", "0.5");
    static final Dose FILLER = new Dose("Restylane", "#f59e0b", "0.2");

    private final DiagramGeometry g = DiagramGeometry.standard();
    private SiteMap map;
    private MapEditor<Dose> editor;
    private MapEditorBinding<Dose> binding;
    private Stage stage;

    @BeforeEach
    void quickRobots(FxRobot robot) {
        QuickRobots.install(robot);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        editor = new MapEditor<>(g, d -> d.product().equals("Dysport") ? Region.Kind.MUSCLE : Region.Kind.AREA);
        map = new SiteMap(g);
        map.setId("siteMap");
        binding = MapEditorBinding.bind(map, editor,
                p -> new MapPoint(p.key(), p.view(), p.x(), p.y(), p.payload().colour(), p.payload().amount()));
        binding.setBrush(DYSPORT);
        stage.setScene(new Scene(new StackPane(map), 900, 900));
        stage.show();
    }

    // ------------------------------------------------------------------ helpers

    private <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private Point2D screen(double x, double y) {
        return fx(() -> map.toScreen(x, y));
    }

    private RegionShape shape(DiagramView view, Region region, Side side) {
        return g.diagram(view).shapes().stream().filter(s -> s.region() == region && s.side() == side)
                .max((a, b) -> Double.compare(a.area(), b.area())).orElseThrow();
    }

    private Point2D centroid(Region region, Side side) {
        RegionShape s = shape(DiagramView.FACE_FRONT, region, side);
        return new Point2D(s.centroidX(), s.centroidY());
    }

    private Point2D screenOf(Point2D diagram) {
        return screen(diagram.getX(), diagram.getY());
    }

    private Node marker(FxRobot robot, String key) {
        return robot.lookup("#marker-" + key).query();
    }

    private Point2D centreOnScreen(Node n) {
        return fx(() -> {
            Point2D local = new Point2D(n.getLayoutX(), n.getLayoutY());
            return n.getParent().localToScreen(local);
        });
    }

    private int markerCount(FxRobot robot) {
        return robot.lookup(".site-marker").queryAll().size();
    }

    private void screenshot(String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var image = fx(() -> stage.getScene().snapshot(null));
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("screenshot " + name + " failed", e);
        }
    }

    // ------------------------------------------------------------------ placing

    @Test
    void aClickReportsItsDiagramCoordinatesAndTheRegionComesFromThem(FxRobot robot) {
        List<Point2D> placed = new ArrayList<>();
        fxRun(() -> map.setOnPlace((x, y) -> placed.add(new Point2D(x, y))));

        Point2D glabella = new Point2D(0.5, 0.45);
        Point2D left = centroid(Region.CORRUGATOR, Side.LEFT);
        Point2D right = centroid(Region.CORRUGATOR, Side.RIGHT);
        for (Point2D p : List.of(glabella, left, right)) {
            robot.clickOn(screenOf(p));
        }
        assertThat(placed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Point2D want = List.of(glabella, left, right).get(i);
            assertThat(placed.get(i).getX()).isCloseTo(want.getX(), within(0.004));
            assertThat(placed.get(i).getY()).isCloseTo(want.getY(), within(0.004));
        }
        assertThat(g.locate(DiagramView.FACE_FRONT, placed.get(0).getX(), placed.get(0).getY()))
                .isEqualTo(new Site(Region.PROCERUS, Side.MIDLINE));
        assertThat(g.locate(DiagramView.FACE_FRONT, placed.get(1).getX(), placed.get(1).getY()))
                .isEqualTo(new Site(Region.CORRUGATOR, Side.LEFT));
        assertThat(g.locate(DiagramView.FACE_FRONT, placed.get(2).getX(), placed.get(2).getY()))
                .isEqualTo(new Site(Region.CORRUGATOR, Side.RIGHT));
        // the patient's left corrugator is on the viewer's right
        assertThat(screenOf(left).getX()).isGreaterThan(screenOf(right).getX());
    }

    @Test
    void eachClickPlacesOnePointWithTheBrushAsABigEnoughMarker(FxRobot robot) {
        robot.clickOn(screen(0.5, 0.45));
        robot.clickOn(screenOf(centroid(Region.CORRUGATOR, Side.RIGHT)));
        assertThat(editor.points()).hasSize(2);
        EditablePoint<Dose> procerus = editor.points().get(0);
        assertThat(procerus.site()).isEqualTo(new Site(Region.PROCERUS, Side.MIDLINE));
        assertThat(procerus.payload()).isEqualTo(DYSPORT);
        assertThat(editor.points().get(1).site()).isEqualTo(new Site(Region.CORRUGATOR, Side.RIGHT));

        Node m = marker(robot, procerus.key());
        Bounds b = fx(() -> m.getBoundsInParent());
        assertThat(b.getWidth()).isGreaterThanOrEqualTo(SiteMap.MARKER_HIT);
        assertThat(b.getHeight()).isGreaterThanOrEqualTo(SiteMap.MARKER_HIT);
        Point2D at = centreOnScreen(m);
        assertThat(at.distance(screen(procerus.x(), procerus.y()))).isLessThan(1.0);
        // the newest point is the selection
        assertThat(map.selectedKeys()).containsExactly(editor.points().get(1).key());
        assertThat(markerCount(robot)).isEqualTo(2);
    }

    @Test
    void withoutABrushAClickPlacesNothingAndAReadOnlyMapNeitherPlacesNorMoves(FxRobot robot) {
        fxRun(() -> binding.setBrush(null));
        robot.clickOn(screen(0.5, 0.45));
        assertThat(editor.points()).isEmpty();

        fxRun(() -> binding.setBrush(DYSPORT));
        robot.clickOn(screen(0.5, 0.45));
        assertThat(editor.points()).hasSize(1);
        EditablePoint<Dose> p = editor.points().get(0);

        fxRun(() -> map.setReadOnly(true));
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(screen(0.4, 0.3));
        robot.clickOn(marker(robot, p.key()));
        assertThat(map.selectedKeys()).as("a read-only map still selects").containsExactly(p.key());
        robot.drag(screen(p.x(), p.y()), MouseButton.PRIMARY).dropTo(screen(0.3, 0.3));
        assertThat(editor.points()).containsExactly(p);
        robot.type(KeyCode.DELETE);
        assertThat(editor.points()).containsExactly(p);
    }

    // ------------------------------------------------------------------ selecting, moving, deleting

    @Test
    void draggingAMarkerMovesThePointAndDerivesItsSiteAgain(FxRobot robot) {
        List<String> moves = new ArrayList<>();
        robot.clickOn(screenOf(centroid(Region.CORRUGATOR, Side.RIGHT)));
        EditablePoint<Dose> p = editor.points().get(0);
        fxRun(() -> map.setOnMove((k, x, y) -> {
            moves.add(k);
            editor.move(k, x, y);
        }));

        Point2D target = centroid(Region.CORRUGATOR, Side.LEFT);
        robot.drag(centreOnScreen(marker(robot, p.key())), MouseButton.PRIMARY).dropTo(screenOf(target));
        assertThat(moves).containsExactly(p.key());
        EditablePoint<Dose> after = editor.point(p.key()).orElseThrow();
        assertThat(after.x()).isCloseTo(target.getX(), within(0.004));
        assertThat(after.y()).isCloseTo(target.getY(), within(0.004));
        assertThat(after.site()).isEqualTo(new Site(Region.CORRUGATOR, Side.LEFT));
        assertThat(centreOnScreen(marker(robot, p.key())).distance(screenOf(target))).isLessThan(2.5);
        assertThat(editor.points()).hasSize(1);
    }

    @Test
    void aRejectedMoveSnapsTheMarkerBack(FxRobot robot) {
        robot.clickOn(screen(0.5, 0.45));
        EditablePoint<Dose> p = editor.points().get(0);
        fxRun(() -> map.setOnMove((k, x, y) -> { }));
        Point2D before = centreOnScreen(marker(robot, p.key()));
        robot.drag(before, MouseButton.PRIMARY).dropTo(screen(0.3, 0.7));
        assertThat(centreOnScreen(marker(robot, p.key())).distance(before)).isLessThan(1.0);
    }

    @Test
    void clicksSelectShiftClicksAddEscapeClearsAndDeleteDeletes(FxRobot robot) {
        robot.clickOn(screen(0.40, 0.30));
        robot.clickOn(screen(0.60, 0.30));
        robot.clickOn(screen(0.50, 0.30));
        assertThat(editor.points()).hasSize(3);
        String a = editor.points().get(0).key();
        String b = editor.points().get(1).key();
        String c = editor.points().get(2).key();

        robot.clickOn(marker(robot, a));
        assertThat(map.selectedKeys()).containsExactly(a);
        robot.press(KeyCode.SHIFT).clickOn(marker(robot, b)).release(KeyCode.SHIFT);
        assertThat(map.selectedKeys()).containsExactlyInAnyOrder(a, b);
        robot.type(KeyCode.ESCAPE);
        assertThat(map.selectedKeys()).isEmpty();

        robot.clickOn(marker(robot, a));
        robot.press(KeyCode.CONTROL).clickOn(marker(robot, c)).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        assertThat(editor.points()).extracting(EditablePoint::key).containsExactly(b);
        assertThat(robot.lookup("#marker-" + a).tryQuery()).isEmpty();
        assertThat(map.selectedKeys()).isEmpty();

        // a modifier-click on an empty spot clears the selection and places nothing
        robot.clickOn(marker(robot, b));
        robot.press(KeyCode.SHIFT).clickOn(screen(0.2, 0.1)).release(KeyCode.SHIFT);
        assertThat(map.selectedKeys()).isEmpty();
        assertThat(editor.points()).hasSize(1);
    }

    @Test
    void aDoubleClickAsksToEditThePoint(FxRobot robot) {
        List<String> edits = new ArrayList<>();
        fxRun(() -> map.setOnEdit(edits::add));
        robot.clickOn(screen(0.5, 0.45));
        String k = editor.points().get(0).key();
        robot.doubleClickOn(marker(robot, k));
        assertThat(edits).containsExactly(k);
        assertThat(editor.points()).hasSize(1);
    }

    // ------------------------------------------------------------------ mirror, undo, redo

    @Test
    void mirrorThenUndoAndRedoFromTheKeyboard(FxRobot robot) {
        Point2D c = centroid(Region.CORRUGATOR, Side.LEFT);
        // two points on the corrugator, far enough apart that the second click misses the first marker
        robot.clickOn(screen(c.getX() - 0.035, c.getY()));
        robot.clickOn(screen(c.getX() + 0.035, c.getY() - 0.006));
        robot.clickOn(screen(0.5, 0.45));
        assertThat(editor.points()).extracting(p -> p.site().region())
                .containsExactly(Region.CORRUGATOR, Region.CORRUGATOR, Region.PROCERUS);
        List<String> keys = editor.points().stream().map(EditablePoint::key).toList();

        robot.clickOn(marker(robot, keys.get(0)));
        robot.press(KeyCode.SHIFT).clickOn(marker(robot, keys.get(1))).clickOn(marker(robot, keys.get(2)))
                .release(KeyCode.SHIFT);
        assertThat(map.selectedKeys()).hasSize(3);
        robot.type(KeyCode.M);

        assertThat(editor.points()).hasSize(5);
        List<EditablePoint<Dose>> copies = editor.points().subList(3, 5);
        assertThat(copies).extracting(EditablePoint::site).containsOnly(new Site(Region.CORRUGATOR, Side.RIGHT));
        assertThat(map.selectedKeys()).containsExactlyInAnyOrderElementsOf(
                copies.stream().map(EditablePoint::key).toList());
        assertThat(markerCount(robot)).isEqualTo(5);
        // the copy sits at the mirrored spot on screen
        Point2D mirrored = screen(1 - editor.points().get(0).x(), editor.points().get(0).y());
        assertThat(centreOnScreen(marker(robot, copies.get(0).key())).distance(mirrored)).isLessThan(2.0);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.points()).hasSize(3);
        assertThat(markerCount(robot)).isEqualTo(3);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.points()).hasSize(2);

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertThat(editor.points()).hasSize(3);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(editor.points()).hasSize(5);
        assertThat(markerCount(robot)).isEqualTo(5);
    }

    // ------------------------------------------------------------------ zoom, pan, views

    @Test
    void zoomingKeepsAPointOverTheSameRegion(FxRobot robot) {
        Point2D c = centroid(Region.CORRUGATOR, Side.RIGHT);
        robot.clickOn(screenOf(c));
        String k = editor.points().get(0).key();

        robot.clickOn("#siteMapZoomIn").clickOn("#siteMapZoomIn").clickOn("#siteMapZoomIn");
        assertThat(map.getZoom()).isCloseTo(1.25 * 1.25 * 1.25, within(1e-9));
        Bounds b = fx(() -> marker(robot, k).getBoundsInParent());
        assertThat(b.getWidth()).as("markers keep their size when zoomed").isGreaterThanOrEqualTo(SiteMap.MARKER_HIT);

        Node m = marker(robot, k);
        Point2D local = fx(() -> new Point2D(m.getLayoutX(), m.getLayoutY()));
        Point2D back = fx(() -> map.toDiagram(local.getX(), local.getY()));
        assertThat(back.getX()).isCloseTo(editor.points().get(0).x(), within(1e-6));
        assertThat(back.getY()).isCloseTo(editor.points().get(0).y(), within(1e-6));
        assertThat(g.locate(DiagramView.FACE_FRONT, back.getX(), back.getY()))
                .isEqualTo(new Site(Region.CORRUGATOR, Side.RIGHT));

        // a click on the zoomed drawing still lands where it is drawn
        Point2D procerus = screen(0.5, 0.45);
        robot.clickOn(procerus);
        assertThat(editor.points()).hasSize(2);
        assertThat(editor.points().get(1).site()).isEqualTo(new Site(Region.PROCERUS, Side.MIDLINE));

        robot.clickOn("#siteMapZoomReset");
        assertThat(map.getZoom()).isEqualTo(1.0);
    }

    @Test
    void zoomAroundThePointerAndPanByDraggingAnEmptySpot(FxRobot robot) {
        Point2D pivot = screen(0.3, 0.45);
        Point2D local = fx(() -> map.screenToLocal(pivot));
        fxRun(() -> map.zoomBy(2, local.getX(), local.getY()));
        assertThat(screen(0.3, 0.45).distance(pivot)).as("the spot under the pointer stays put").isLessThan(0.01);

        Point2D before = screen(0.5, 0.5);
        Point2D empty = screen(0.25, 0.40);
        robot.drag(empty, MouseButton.PRIMARY).dropTo(empty.add(-80, -60));
        Point2D after = screen(0.5, 0.5);
        assertThat(after.getX() - before.getX()).isCloseTo(-80, within(2.0));
        assertThat(after.getY() - before.getY()).isCloseTo(-60, within(2.0));
        assertThat(editor.points()).as("a drag on an empty spot places nothing").isEmpty();

        robot.clickOn(map).type(KeyCode.DIGIT0);
        assertThat(map.getZoom()).isEqualTo(1.0);
        robot.type(KeyCode.EQUALS);
        assertThat(map.getZoom()).isGreaterThan(1.0);
    }

    @Test
    void aRightButtonDragPansEvenFromAMarkerAndCtrlWheelAndPinchZoomAroundThePointer(FxRobot robot) {
        robot.clickOn(screen(0.5, 0.45));
        EditablePoint<Dose> p = editor.points().get(0);
        fxRun(() -> map.zoomBy(2, map.toLocal(0.5, 0.45).getX(), map.toLocal(0.5, 0.45).getY()));

        Point2D from = centreOnScreen(marker(robot, p.key()));
        robot.drag(from, MouseButton.SECONDARY).dropTo(from.add(60, 40));
        assertThat(editor.point(p.key()).orElseThrow()).as("the point did not move").isEqualTo(p);
        Point2D now = centreOnScreen(marker(robot, p.key()));
        assertThat(now.getX() - from.getX()).isCloseTo(60, within(2.0));
        assertThat(now.getY() - from.getY()).isCloseTo(40, within(2.0));

        Point2D under = screen(0.4, 0.5);
        robot.moveTo(under);
        double before = map.getZoom();
        robot.press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        assertThat(map.getZoom()).isNotEqualTo(before);
        assertThat(screen(0.4, 0.5).distance(under)).isLessThan(1.0);

        Point2D local = fx(() -> map.screenToLocal(under));
        double z = map.getZoom();
        fxRun(() -> javafx.event.Event.fireEvent(map, new javafx.scene.input.ZoomEvent(
                javafx.scene.input.ZoomEvent.ZOOM, local.getX(), local.getY(), under.getX(), under.getY(),
                false, false, false, false, false, false, 1.5, 1.5, null)));
        assertThat(map.getZoom()).isCloseTo(Math.min(SiteMap.MAX_ZOOM, z * 1.5), within(1e-9));
        assertThat(screen(0.4, 0.5).distance(under)).isLessThan(1.0);
        assertThat(editor.points()).hasSize(1);
    }

    @Test
    void eachViewShowsItsOwnPoints(FxRobot robot) {
        robot.clickOn(screen(0.5, 0.45));
        String front = editor.points().get(0).key();
        fxRun(() -> map.setView(DiagramView.FACE_LEFT));
        RegionShape masseter = shape(DiagramView.FACE_LEFT, Region.MASSETER, Side.LEFT);
        robot.clickOn(screen(masseter.centroidX(), masseter.centroidY()));
        assertThat(editor.points()).hasSize(2);
        EditablePoint<Dose> side = editor.points().get(1);
        assertThat(side.view()).isEqualTo(DiagramView.FACE_LEFT);
        assertThat(side.site()).isEqualTo(new Site(Region.MASSETER, Side.LEFT));
        assertThat(robot.lookup("#marker-" + front).tryQuery()).isEmpty();
        assertThat(robot.lookup("#marker-" + side.key()).tryQuery()).isPresent();

        robot.clickOn(marker(robot, side.key())).type(KeyCode.M);
        EditablePoint<Dose> copy = editor.points().get(2);
        assertThat(copy.view()).isEqualTo(DiagramView.FACE_RIGHT);
        assertThat(copy.site()).isEqualTo(new Site(Region.MASSETER, Side.RIGHT));
        fxRun(() -> map.setView(DiagramView.FACE_RIGHT));
        assertThat(robot.lookup("#marker-" + copy.key()).tryQuery()).isPresent();
        assertThat(markerCount(robot)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ picking points (the side-effect form)

    @Test
    void inToggleModeEachTapAddsOrRemovesAPointWithoutAModifierAndAnEmptyTapKeepsThem(FxRobot robot) {
        robot.clickOn(screen(0.40, 0.30));
        robot.clickOn(screen(0.60, 0.30));
        robot.clickOn(screen(0.50, 0.45));
        String a = editor.points().get(0).key();
        String b = editor.points().get(1).key();
        String c = editor.points().get(2).key();
        List<EditablePoint<Dose>> placed = List.copyOf(editor.points());
        fxRun(() -> {
            map.selectedKeys().clear();
            map.setReadOnly(true);
            map.setSelectionMode(SiteMap.SelectionMode.TOGGLE);
        });

        robot.clickOn(marker(robot, a));
        robot.clickOn(marker(robot, b));
        assertThat(map.selectedKeys()).as("no modifier key: both stay").containsExactlyInAnyOrder(a, b);
        robot.clickOn(marker(robot, a));
        assertThat(map.selectedKeys()).as("a second tap takes it out").containsExactly(b);
        robot.clickOn(screen(0.2, 0.1));
        assertThat(map.selectedKeys()).as("a tap beside the points keeps them").containsExactly(b);
        // a gloved finger wobbles: a press that moves 9 px is still a tap
        Point2D at = centreOnScreen(marker(robot, c));
        robot.drag(at, MouseButton.PRIMARY).dropTo(at.add(9, 0));
        assertThat(map.selectedKeys()).containsExactlyInAnyOrder(b, c);
        assertThat(editor.points()).as("nothing placed or moved").isEqualTo(placed);

        fxRun(() -> map.setSelectionMode(SiteMap.SelectionMode.REPLACE));
        robot.clickOn(marker(robot, a));
        assertThat(map.selectedKeys()).as("back to charting: a click selects one").containsExactly(a);
    }

    @Test
    void zoomToPointsFillsTheMapWithTheViewsPointsOnlyWhenThatHelps(FxRobot robot) {
        // a glabellar pattern: points a few millimetres apart
        robot.clickOn(screen(0.45, 0.42));
        robot.clickOn(screen(0.55, 0.42));
        robot.clickOn(screen(0.50, 0.47));
        fxRun(() -> map.zoomToPoints(3));
        assertThat(map.getZoom()).as("as far as allowed").isEqualTo(3.0);
        Point2D centre = fx(() -> map.localToScreen(map.getWidth() / 2, map.getHeight() / 2));
        double midX = (editor.points().stream().mapToDouble(EditablePoint::x).min().orElseThrow()
                + editor.points().stream().mapToDouble(EditablePoint::x).max().orElseThrow()) / 2;
        double midY = (editor.points().stream().mapToDouble(EditablePoint::y).min().orElseThrow()
                + editor.points().stream().mapToDouble(EditablePoint::y).max().orElseThrow()) / 2;
        assertThat(screen(midX, midY).distance(centre)).as("the points' middle in the map's middle").isLessThan(1.0);
        for (EditablePoint<Dose> p : editor.points()) {
            Point2D local = fx(() -> map.toLocal(p.x(), p.y()));
            assertThat(local.getX()).isBetween(40.0, fx(() -> map.getWidth()) - 40);
            assertThat(local.getY()).isBetween(40.0, fx(() -> map.getHeight()) - 40);
        }
        robot.clickOn("#siteMapZoomReset");
        assertThat(map.getZoom()).isEqualTo(1.0);

        fxRun(() -> map.zoomToPoints(2));
        assertThat(map.getZoom()).isEqualTo(2.0);

        // points that already fill the drawing, or a single point: the whole drawing stays
        fxRun(() -> {
            map.points().setAll(new MapPoint("top", DiagramView.FACE_FRONT, 0.02, 0.02, "#7c3aed", "5 U"),
                    new MapPoint("bottom", DiagramView.FACE_FRONT, 0.98, 0.98, "#7c3aed", "5 U"));
            map.zoomToPoints(3);
        });
        assertThat(map.getZoom()).isEqualTo(1.0);
        fxRun(() -> {
            map.zoomBy(2, 100, 100);
            map.points().setAll(new MapPoint("one", DiagramView.FACE_FRONT, 0.5, 0.45, "#7c3aed", "5 U"));
            map.zoomToPoints(3);
        });
        assertThat(map.getZoom()).isEqualTo(1.0);
    }

    @Test
    void zoomToPointsBeforeTheMapHasASizeWaitsForItsLayout(FxRobot robot) {
        SiteMap late = fx(() -> {
            SiteMap m = new SiteMap(g);
            m.points().setAll(new MapPoint("a", DiagramView.FACE_FRONT, 0.45, 0.42, "#7c3aed", "10 U"),
                    new MapPoint("b", DiagramView.FACE_FRONT, 0.55, 0.42, "#7c3aed", "10 U"),
                    new MapPoint("c", DiagramView.FACE_LEFT, 0.1, 0.9, "#7c3aed", "10 U"));
            m.zoomToPoints(3);
            return m;
        });
        assertThat(late.getZoom()).isEqualTo(1.0);
        fxRun(() -> {
            StackPane root = (StackPane) stage.getScene().getRoot();
            root.getChildren().setAll(late);
            root.layout();
        });
        assertThat(late.getZoom()).as("zoomed once laid out, to the points of its view").isEqualTo(3.0);
    }

    @Test
    void theHoverReadOutNamesTheSiteUnderThePointer(FxRobot robot) {
        robot.moveTo(screenOf(centroid(Region.CORRUGATOR, Side.LEFT)));
        assertThat(map.hoverSiteProperty().get()).isEqualTo(new Site(Region.CORRUGATOR, Side.LEFT));
        assertThat(robot.lookup("#siteMapReadout").queryLabeled().getText()).isEqualTo("Corrugator supercilii, left");
        fxRun(() -> binding.setBrush(FILLER));
        assertThat(map.preferredKindProperty().get()).isEqualTo(Region.Kind.AREA);
        robot.moveTo(screenOf(centroid(Region.MALAR, Side.RIGHT)));
        assertThat(map.hoverSiteProperty().get()).isEqualTo(new Site(Region.MALAR, Side.RIGHT));
    }

    // ------------------------------------------------------------------ pictures

    @Test
    void screenshotsOfEveryView(FxRobot robot) {
        // a dozen points on the front view: glabellar lines, crow's feet, forehead, a filler in the cheek
        fxRun(() -> editor.applyAll("demo", b -> {
            b.add(DiagramView.FACE_FRONT, 0.5, 0.45, DYSPORT);
            for (Side s : List.of(Side.RIGHT, Side.LEFT)) {
                double dir = s == Side.RIGHT ? -1 : 1;
                b.add(DiagramView.FACE_FRONT, 0.5 + dir * 0.055, 0.415, DYSPORT);
                b.add(DiagramView.FACE_FRONT, 0.5 + dir * 0.12, 0.39, DYSPORT);
                RegionShape cf = shape(DiagramView.FACE_FRONT, Region.ORBICULARIS_OCULI_LATERAL, s);
                for (double dy : new double[] {-0.035, 0, 0.035}) {
                    b.add(DiagramView.FACE_FRONT, cf.centroidX(), cf.centroidY() + dy, DYSPORT_5);
                }
                RegionShape malar = shape(DiagramView.FACE_FRONT, Region.MALAR, s);
                b.add(DiagramView.FACE_FRONT, malar.centroidX(), malar.centroidY(), SCULPTRA);
            }
            b.add(DiagramView.FACE_FRONT, 0.44, 0.30, DYSPORT_5);
            b.add(DiagramView.FACE_FRONT, 0.56, 0.30, DYSPORT_5);
            return null;
        }));
        assertThat(editor.points()).hasSize(15);
        assertThat(markerCount(robot)).isEqualTo(15);
        assertThat(editor.points()).extracting(p -> p.site().region()).containsOnly(Region.PROCERUS,
                Region.CORRUGATOR, Region.ORBICULARIS_OCULI_LATERAL, Region.MALAR, Region.FRONTALIS);
        fxRun(() -> map.selectedKeys().add(editor.points().get(0).key()));
        robot.moveTo(screenOf(centroid(Region.CORRUGATOR, Side.LEFT)));
        screenshot("site-map-face-front-points");

        robot.moveTo(screen(0.02, 0.02));
        fxRun(() -> map.points().clear());
        for (DiagramView v : DiagramView.values()) {
            fxRun(() -> map.setView(v));
            assertThat(fx(() -> map.getView())).isEqualTo(v);
            screenshot("site-map-" + v.name().toLowerCase().replace('_', '-'));
        }
        fxRun(() -> {
            map.setView(DiagramView.FACE_FRONT);
            map.setShowRegions(true);
            map.setPreferredKind(Region.Kind.MUSCLE);
        });
        screenshot("site-map-regions-muscles");
        fxRun(() -> map.setPreferredKind(Region.Kind.AREA));
        screenshot("site-map-regions-areas");
        fxRun(() -> {
            map.setView(DiagramView.FACE_LEFT);
            map.setPreferredKind(Region.Kind.MUSCLE);
        });
        screenshot("site-map-regions-left-muscles");
        fxRun(() -> {
            map.setView(DiagramView.FACE_FRONT);
            map.setShowRegions(false);
            map.zoomBy(2.5, map.toLocal(0.5, 0.42).getX(), map.toLocal(0.5, 0.42).getY());
        });
        screenshot("site-map-face-front-zoomed");
        assertThat(map.getZoom()).isEqualTo(2.5);
    }
}
