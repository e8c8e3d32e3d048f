package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.security.Audit;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * Compare and removal in the Photos tab, as a person works them: marking the pupils by clicking two points on
 * each photo (stored, and the pair then lined up on screen), zoom and pan kept in step on both sides, only the
 * active mode's slider shown; and removing a photo (a reason is required; the photo leaves the tab, its audit row
 * and its original stay).
 */
class CompareAndRemoveUiTest extends UiTest {
    private Patient patient;
    private Photo first;
    private Photo second;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("injector");
        patient = c.services.patients().create(TestClinic.patient("Orla", "Quillfeather", "1982-06-07", "(555) 301-7788"), false);
        c.services.consents().sign(patient.id(), EnumSet.of(ConsentKind.PHOTOGRAPHY), Consents.signature(), null);
        long injector = c.services.session().require().id();
        long old = c.db.tx(cn -> new ChartStore().insertVisit(cn, patient.id(), injector,
                c.clock.instant().minus(Duration.ofDays(90))));
        long now = c.db.tx(cn -> new ChartStore().insertVisit(cn, patient.id(), injector, c.clock.instant()));
        PhotoService photos = c.services.photos();
        List<PhotoTarget> targets = photos.targets(patient.id());
        PhotoTarget oldVisit = targets.stream().filter(t -> Long.valueOf(old).equals(t.visitId())).findFirst().orElseThrow();
        PhotoTarget newVisit = targets.stream().filter(t -> Long.valueOf(now).equals(t.visitId())).findFirst().orElseThrow();
        first = photos.importBytes(new ImportRequest(patient.id(), oldVisit, Pose.FRONT, null, Moment.BEFORE), "before.jpg",
                TestPhotos.jpeg(800, 1000, 1)).imported().get(0);
        second = photos.importBytes(new ImportRequest(patient.id(), newVisit, Pose.FRONT, null, Moment.FOLLOW_UP),
                "after.jpg", TestPhotos.jpeg(800, 1000, 2)).imported().get(0);
        c.services.auth().signOut();
    }

    private void openPhotos(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("quillfeather");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#photosTab");
        settle();
    }

    /** Where a photo pixel (x, y) shows in {@code pane} at zoom 1 and no pan (the photos are 800 x 1000, unaligned). */
    private static Point2D onScreen(Pane pane, double x, double y) {
        double fit = Math.min(pane.getWidth() / 800, pane.getHeight() / 1000);
        double ox = (pane.getWidth() - 800 * fit) / 2;
        double oy = (pane.getHeight() - 1000 * fit) / 2;
        return pane.localToScreen(ox + x * fit, oy + y * fit);
    }

    private static double fit(Pane pane) {
        return Math.min(pane.getWidth() / 800, pane.getHeight() / 1000);
    }

    /** The centres of the pupil marks drawn in {@code pane}, relative to the pane's corner on screen. */
    private static List<Point2D> marks(Pane pane) {
        Point2D corner = pane.localToScene(0, 0);
        return pane.lookupAll("Circle").stream().map(n -> (Circle) n)
                .map(c -> c.localToScene(c.getCenterX(), c.getCenterY()).subtract(corner)).toList();
    }

    @Test
    void pupilsMarkedByClickingAreStoredAndLineTheFacesUpAndZoomAndPanStayInStep(FxRobot robot) {
        openPhotos(robot);
        robot.clickOn("#compareButton");
        settle();
        Pane left = node(robot, "leftPane");
        Pane right = node(robot, "rightPane");
        assertThat(seen(robot, "opacityControls")).as("side by side: no opacity slider").isFalse();
        assertThat(seen(robot, "wipeControls")).as("side by side: no wipe slider").isFalse();
        screenshot("photos-compare-side-by-side");

        robot.clickOn("#markFirstButton");
        assertThat(text(robot, "compareHint")).startsWith("Click the pupil on the left of the photo");
        robot.clickOn(onScreen(right, 460, 440)); // the other side: not this photo's mark
        assertThat(text(robot, "compareHint")).startsWith("Click the pupil on the left of the photo");
        robot.clickOn(onScreen(left, 460, 440));
        assertThat(text(robot, "compareHint")).isEqualTo("Now click the pupil on the right of the photo.");
        robot.clickOn(onScreen(left, 340, 440));
        settle();
        robot.clickOn("#markSecondButton");
        robot.clickOn(onScreen(right, 490, 470));
        robot.clickOn(onScreen(right, 350, 452));
        settle();

        // stored with the photos, where they were clicked (within a screen pixel)
        double tolerance = 1 / fit(left) + 0.5;
        Pupils a = clinic.services.photos().photo(first.id()).pupils();
        Pupils b = clinic.services.photos().photo(second.id()).pupils();
        assertThat(a.leftX()).isCloseTo(460, within(tolerance));
        assertThat(a.leftY()).isCloseTo(440, within(tolerance));
        assertThat(a.rightX()).isCloseTo(340, within(tolerance));
        assertThat(b.leftX()).isCloseTo(490, within(tolerance));
        assertThat(b.leftY()).isCloseTo(470, within(tolerance));
        assertThat(b.rightX()).isCloseTo(350, within(tolerance));
        assertThat(b.rightY()).isCloseTo(452, within(tolerance));
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).filteredOn(e -> e.summary().startsWith("marked the pupils"))
                .hasSize(2);

        // aligned: the second photo's marks fall where the first's are, each in its own pane
        assertThat(text(robot, "compareHint")).isEqualTo("Aligned by the pupils. Scroll to zoom, drag to move.");
        assertLinedUp(left, right);
        screenshot("photos-compare-aligned");

        // zoom (button and wheel) and pan (a drag on the right side) move both sides together
        List<Point2D> before = marks(left);
        robot.clickOn("#zoomInButton").clickOn("#zoomInButton");
        robot.moveTo(left).scroll(1, javafx.geometry.VerticalDirection.DOWN); // a wheel notch: 15 % in or out
        settle();
        Point2D zoomed = fromCentre(left, 400, 500);
        assertThat(fromCentre(right, 400, 500).distance(zoomed)).as("the same point of the face, on both sides")
                .isLessThan(1.0);
        Point2D from = right.localToScreen(right.getWidth() / 2, right.getHeight() / 2);
        robot.drag(from).moveTo(from.add(-60, 35)).release(javafx.scene.input.MouseButton.PRIMARY);
        settle();
        Point2D moved = fromCentre(left, 400, 500);
        assertThat(moved.getX() - zoomed.getX()).as("a drag on the right moves the left too").isCloseTo(-60, within(2.0));
        assertThat(moved.getY() - zoomed.getY()).isCloseTo(35, within(2.0));
        assertThat(fromCentre(right, 400, 500).distance(moved)).isLessThan(1.0);
        List<Point2D> after = marks(left);
        assertThat(after.get(0).distance(after.get(1))).as("zoomed in").isGreaterThan(
                1.3 * before.get(0).distance(before.get(1)));
        assertLinedUp(left, right);
        screenshot("photos-compare-zoomed");

        robot.clickOn("#overlayButton");
        settle();
        assertThat(seen(robot, "opacityControls")).isTrue();
        assertThat(seen(robot, "wipeControls")).isFalse();
        screenshot("photos-compare-overlay-aligned");
        robot.clickOn("#wipeButton");
        settle();
        assertThat(seen(robot, "opacityControls")).isFalse();
        assertThat(seen(robot, "wipeControls")).isTrue();
        screenshot("photos-compare-wipe");
    }

    /**
     * Both sides show the marks at the same place of the face: each mark's centre, taken back from the screen
     * into its side's world (the first photo's pixels, the same zoom and pan on both sides), within a pixel.
     */
    private void assertLinedUp(Pane left, Pane right) {
        List<Point2D> l = inWorld(left);
        List<Point2D> r = inWorld(right);
        assertThat(l).hasSize(2);
        assertThat(r).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(r.get(i).getX()).as("mark " + i + " x").isCloseTo(l.get(i).getX(), within(1.0));
            assertThat(r.get(i).getY()).as("mark " + i + " y").isCloseTo(l.get(i).getY(), within(1.0));
        }
        // and the two sides' worlds are drawn at the same scale: zoom and pan in step
        Node lw = left.getChildren().get(0);
        Node rw = right.getChildren().get(0);
        double ls = lw.localToScene(100, 0).distance(lw.localToScene(0, 0));
        double rs = rw.localToScene(100, 0).distance(rw.localToScene(0, 0));
        assertThat(rs).isCloseTo(ls, within(ls * 0.05));
    }

    /** Where the world point (x, y) shows, from the centre of {@code pane}. */
    private static Point2D fromCentre(Pane pane, double x, double y) {
        Node world = pane.getChildren().get(0);
        return world.localToScene(x, y).subtract(pane.localToScene(pane.getWidth() / 2, pane.getHeight() / 2));
    }

    private static List<Point2D> inWorld(Pane pane) {
        Node world = pane.getChildren().get(0);
        return pane.lookupAll("Circle").stream().map(n -> (Circle) n)
                .map(c -> world.sceneToLocal(c.localToScene(c.getCenterX(), c.getCenterY()))).toList();
    }

    @Test
    void removingAPhotoNeedsAReasonTakesItOffTheTabAndKeepsItsAuditRowAndOriginal(FxRobot robot) {
        openPhotos(robot);
        assertThat(robot.lookup(".photo-tile").queryAll()).hasSize(2);
        assertThat(node(robot, "removePhotoButton").isDisabled()).as("nothing chosen yet").isTrue();
        robot.clickOn("#photoTile-" + first.id());
        robot.clickOn("#removePhotoButton");
        settle();
        DialogPane dialog = node(robot, "removePhotoDialog");
        Node ok = dialog.lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).as("no reason yet").isTrue();
        robot.clickOn("#removeReasonField").write("ok");
        assertThat(ok.isDisabled()).as("a reason of a few words").isTrue();
        robot.write(" - wrong patient's photo");
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        settle();

        assertThat(robot.lookup("#photoTile-" + first.id()).tryQuery()).isEmpty();
        assertThat(robot.lookup(".photo-tile").queryAll()).hasSize(1);
        assertThat(text(robot, "photosStatus")).isEqualTo("before.jpg was removed from the record.");
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).filteredOn(e -> e.summary().startsWith("removed photo"))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("ok - wrong patient's photo",
                        first.sha256()));
        Photo removed = clinic.services.photos().photo(first.id());
        assertThat(removed.removed()).isTrue();
        assertThat(removed.removalReason()).isEqualTo("ok - wrong patient's photo");
        byte[] kept = clinic.db.read(c -> new PhotoStore().bytes(c, first.sha256())).orElseThrow();
        assertThat(ImageFile.sha256(kept)).as("the original stays byte for byte").isEqualTo(first.sha256());
        long rows = clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM photo WHERE id = " + first.id()));
        assertThat(rows).as("the photo's row stays").isEqualTo(1);
        screenshot("photos-removed");
    }
}
