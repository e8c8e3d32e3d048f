package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compare's state without a window: the pair's order, one zoom and pan for both, placement, marking, live controls. */
class CompareModelTest {
    private static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-10T10:00:00Z");

    private static Photo photo(long id, Instant when, int w, int h, Pupils pupils) {
        return new Photo(id, 1, 10 + id, when, null, "sha" + id, ImageFile.JPEG, 1000, Pose.FRONT, null, Moment.BEFORE,
                "p" + id + ".jpg", w, h, 1, null, when, "Injector", pupils, null, null);
    }

    @Test
    void aPairIsShownOlderFirstAndStartsFitted() {
        CompareModel m = new CompareModel();
        m.zoomAt(2, 100, 100);
        m.pan(30, 40);
        Photo later = photo(2, JUN, 1000, 1250, null);
        Photo earlier = photo(1, JAN, 800, 1000, null);
        m.show(List.of(later, earlier));
        assertThat(m.firstProperty().get()).isEqualTo(earlier);
        assertThat(m.secondProperty().get()).isEqualTo(later);
        assertThat(m.zoomProperty().get()).isEqualTo(1);
        assertThat(m.panXProperty().get()).isZero();
        assertThat(m.panYProperty().get()).isZero();
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndStaysWithinItsLimits() {
        CompareModel m = new CompareModel();
        m.show(List.of(photo(1, JAN, 800, 1000, null), photo(2, JUN, 800, 1000, null)));
        // screen ~ (world + pan) * zoom: the world point (200, 300) stays where it was on screen
        double beforeX = (200 + m.panXProperty().get()) * m.zoomProperty().get();
        double beforeY = (300 + m.panYProperty().get()) * m.zoomProperty().get();
        m.zoomAt(2.5, 200, 300);
        assertThat(m.zoomProperty().get()).isEqualTo(2.5);
        assertThat((200 + m.panXProperty().get()) * m.zoomProperty().get()).isCloseTo(beforeX, within(1e-9));
        assertThat((300 + m.panYProperty().get()) * m.zoomProperty().get()).isCloseTo(beforeY, within(1e-9));
        m.zoomAt(100, 0, 0);
        assertThat(m.zoomProperty().get()).isEqualTo(CompareModel.MAX_ZOOM);
        m.zoomAt(0.0001, 0, 0);
        assertThat(m.zoomProperty().get()).isEqualTo(CompareModel.MIN_ZOOM);
        m.fit();
        assertThat(m.zoomProperty().get()).isEqualTo(1);
        m.pan(12, -7);
        m.pan(3, 2);
        assertThat(m.panXProperty().get()).isEqualTo(15);
        assertThat(m.panYProperty().get()).isEqualTo(-5);
    }

    @Test
    void theSecondIsScaledToTheFirstsWidthUntilBothPupilsAreMarkedThenAlignedByThem() {
        CompareModel m = new CompareModel();
        Photo a = photo(1, JAN, 800, 1000, null);
        Photo b = photo(2, JUN, 1600, 2000, null);
        m.show(List.of(a, b));
        assertThat(m.canAlign()).isFalse();
        assertThat(m.placement()).isEqualTo(new Similarity(0.5, 0, 0, 0));

        Photo am = photo(1, JAN, 800, 1000, new Pupils(5, 460, 440, 340, 440));
        Photo bm = photo(2, JUN, 1600, 2000, new Pupils(6, 950, 900, 700, 860));
        m.updated(am);
        assertThat(m.canAlign()).isFalse();
        m.updated(bm);
        assertThat(m.canAlign()).isTrue();
        Similarity t = m.placement();
        double[] left = t.apply(950, 900);
        double[] right = t.apply(700, 860);
        assertThat(left[0]).isCloseTo(460, within(1e-6));
        assertThat(left[1]).isCloseTo(440, within(1e-6));
        assertThat(right[0]).isCloseTo(340, within(1e-6));
        assertThat(right[1]).isCloseTo(440, within(1e-6));

        m.alignedProperty().set(false);
        assertThat(m.placement()).isEqualTo(new Similarity(0.5, 0, 0, 0));
    }

    @Test
    void twoClicksOnThePhotoBeingMarkedAreItsLeftThenRightPupil() {
        CompareModel m = new CompareModel();
        Photo a = photo(1, JAN, 800, 1000, null);
        Photo b = photo(2, JUN, 800, 1000, null);
        m.show(List.of(a, b));
        assertThat(m.click(a, 10, 10)).as("not marking: a click does nothing").isNull();

        m.startMarking(b);
        assertThat(m.marking()).isEqualTo(b);
        assertThat(m.click(a, 10, 10)).as("a click on the other photo is not a mark").isNull();
        assertThat(m.markedOne()).isFalse();
        assertThat(m.click(b, 470, 430)).isNull();
        assertThat(m.markedOne()).isTrue();
        Pupils p = m.click(b, 330, 436);
        assertThat(p).isEqualTo(Pupils.of(470, 430, 330, 436));
        assertThat(m.marking()).as("marking ends with the second click").isNull();

        m.startMarking(a);
        m.click(a, 1, 1);
        m.stopMarking();
        assertThat(m.marking()).isNull();
        assertThat(m.markedOne()).isFalse();
    }

    @Test
    void onlyTheActiveModesSliderIsLive() {
        CompareModel m = new CompareModel();
        assertThat(m.modeProperty().get()).isEqualTo(CompareModel.Mode.SIDE_BY_SIDE);
        assertThat(m.opacityLive().get()).isFalse();
        assertThat(m.wipeLive().get()).isFalse();
        m.modeProperty().set(CompareModel.Mode.OVERLAY);
        assertThat(m.opacityLive().get()).isTrue();
        assertThat(m.wipeLive().get()).isFalse();
        m.modeProperty().set(CompareModel.Mode.WIPE);
        assertThat(m.opacityLive().get()).isFalse();
        assertThat(m.wipeLive().get()).isTrue();
    }
}
