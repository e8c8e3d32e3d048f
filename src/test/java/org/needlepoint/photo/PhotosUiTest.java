package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Photos tab: two photos dropped into two visits, then Compare, overlay and its slider. */
class PhotosUiTest extends UiTest {
    private Patient patient;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("injector");
        patient = c.services.patients().create(TestClinic.patient("Orla", "Quillfeather", "1982-06-07", "(555) 301-7788"), false);
        c.services.consents().sign(patient.id(), EnumSet.of(ConsentKind.PHOTOGRAPHY), Consents.signature(), null);
        long injector = c.services.session().require().id();
        c.db.tx(cn -> new ChartStore().insertVisit(cn, patient.id(), injector, c.clock.instant().minus(Duration.ofDays(90))));
        c.db.tx(cn -> new ChartStore().insertVisit(cn, patient.id(), injector, c.clock.instant()));
        c.services.auth().signOut();
    }

    @SuppressWarnings("unchecked")
    private void drop(FxRobot robot, Path file) {
        Node root = node(robot, "photosRoot");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> ((Consumer<List<Path>>) root.getProperties()
                .get(PhotosController.DROP)).accept(List.of(file)));
        settle();
    }

    @Test
    void twoPhotosInTwoVisitsAreComparedInOverlayWithTheSlider(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("photos-ui");
        Path before = Files.write(dir.resolve("before.jpg"), TestPhotos.jpeg(1200, 1600, 1));
        Path after = Files.write(dir.resolve("after.jpg"), TestPhotos.jpeg(1200, 1600, 2));
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("quillfeather");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#photosTab");
        settle();
        ComboBox<PhotoTarget> targets = node(robot, "photoTargetBox");
        assertThat(targets.getItems()).hasSize(2);
        // the older visit first (the list is newest first)
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> targets.setValue(targets.getItems().get(1)));
        drop(robot, before);
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            targets.setValue(targets.getItems().get(0));
            ((ComboBox<Moment>) node(robot, "photoMomentBox")).setValue(Moment.FOLLOW_UP);
        });
        drop(robot, after);
        assertThat(text(robot, "photosStatus")).isEqualTo("1 photo imported.");
        assertThat(robot.lookup(".photo-tile").queryAll()).hasSize(2);
        // each thumbnail is made at the size it is shown (1200 x 1600 fitted to 200 x 150), none is still to come
        for (Node tile : robot.lookup(".photo-tile").queryAll()) {
            javafx.scene.image.Image thumb = ((javafx.scene.image.ImageView) tile.lookup(".image-view")).getImage();
            assertThat(thumb).isNotNull();
            assertThat(thumb.getHeight()).isEqualTo(150);
            assertThat(thumb.getWidth()).isEqualTo(113);
        }
        assertThat(seen(robot, "thumbnailsStatus")).isFalse();
        screenshot("photos-tab");

        robot.clickOn("#compareButton");
        settle();
        assertThat(seen(robot, "leftPane")).isTrue();
        assertThat(seen(robot, "rightPane")).isTrue();
        ComboBox<Photo> first = node(robot, "compareFirstBox");
        assertThat(first.getValue().moment()).isEqualTo(Moment.BEFORE); // the default pair: the first photo, then the latest
        assertThat(((ComboBox<Photo>) node(robot, "compareSecondBox")).getValue().moment()).isEqualTo(Moment.FOLLOW_UP);
        assertThat(((Pane) node(robot, "leftPane")).getChildren()).isNotEmpty();
        screenshot("photos-compare");

        robot.clickOn("#overlayButton");
        settle();
        assertThat(seen(robot, "rightPane")).isFalse();
        Slider opacity = node(robot, "overlayOpacity");
        assertThat(opacity.isDisabled()).isFalse();
        robot.clickOn("#overlayOpacity");
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        settle();
        assertThat(opacity.getValue()).isGreaterThan(0.5);
        Node overlay = ((javafx.scene.Group) ((Pane) node(robot, "leftPane")).getChildren().get(0)).getChildren().get(1);
        assertThat(overlay.getOpacity()).isEqualTo(opacity.getValue());
        screenshot("photos-overlay");
    }
}
