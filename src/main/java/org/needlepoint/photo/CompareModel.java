package org.needlepoint.photo;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Compare's state without a window. Both photos are drawn in the first photo's pixels (the "world"): the second is
 * placed there by {@link #placement()}, the similarity that maps its marked pupils onto the first's (or, before
 * both are marked, the scale that makes the two the same width). One zoom and one pan apply to both sides, so they
 * stay in step. Modes: side by side, overlay (the second over the first at {@link #opacity}), and wipe (the second
 * shown left of {@link #wipe}). Marking pupils: the next two clicks on a photo are its left and right pupils.
 */
public final class CompareModel {
    public enum Mode { SIDE_BY_SIDE, OVERLAY, WIPE }

    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 8;

    private final ObjectProperty<Photo> first = new SimpleObjectProperty<>();
    private final ObjectProperty<Photo> second = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SIDE_BY_SIDE);
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.5);
    private final DoubleProperty wipe = new SimpleDoubleProperty(0.5);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty panX = new SimpleDoubleProperty();
    private final DoubleProperty panY = new SimpleDoubleProperty();
    private final BooleanProperty aligned = new SimpleBooleanProperty(true);
    private final BooleanProperty guides = new SimpleBooleanProperty(false);
    private final BooleanBinding opacityLive = Bindings.equal(mode, Mode.OVERLAY);
    private final BooleanBinding wipeLive = Bindings.equal(mode, Mode.WIPE);
    private Photo marking;
    private double[] firstClick;

    public ObjectProperty<Photo> firstProperty() {
        return first;
    }

    public ObjectProperty<Photo> secondProperty() {
        return second;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public DoubleProperty wipeProperty() {
        return wipe;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty panXProperty() {
        return panX;
    }

    public DoubleProperty panYProperty() {
        return panY;
    }

    public BooleanProperty alignedProperty() {
        return aligned;
    }

    public BooleanProperty guidesProperty() {
        return guides;
    }

    /** True in overlay mode, the only one whose opacity slider does anything: it is shown then only. */
    public BooleanBinding opacityLive() {
        return opacityLive;
    }

    /** True in wipe mode, the only one whose wipe slider does anything: it is shown then only. */
    public BooleanBinding wipeLive() {
        return wipeLive;
    }

    /** Shows a pair: the older photo first. Zoom and pan start again. */
    public void show(List<Photo> pair) {
        Photo a = pair.get(0);
        Photo b = pair.get(1);
        boolean swap = b.when().isBefore(a.when());
        first.set(swap ? b : a);
        second.set(swap ? a : b);
        fit();
    }

    /** Replaces a photo of the pair by its newer state (its pupils marked). */
    public void updated(Photo p) {
        if (first.get() != null && first.get().id() == p.id()) {
            first.set(p);
        }
        if (second.get() != null && second.get().id() == p.id()) {
            second.set(p);
        }
    }

    /** True when both photos have their pupils marked, so they can be aligned. */
    public boolean canAlign() {
        return first.get() != null && second.get() != null && first.get().pupils() != null && second.get().pupils() != null;
    }

    /** Where the second photo's pixels go in the first's: aligned by the pupils when asked and possible. */
    public Similarity placement() {
        Photo a = first.get();
        Photo b = second.get();
        if (a == null || b == null) {
            return Similarity.IDENTITY;
        }
        if (aligned.get() && canAlign()) {
            return Similarity.aligning(b.pupils(), a.pupils());
        }
        return new Similarity(a.width() / (double) b.width(), 0, 0, 0);
    }

    public void fit() {
        zoom.set(1);
        panX.set(0);
        panY.set(0);
    }

    /** Zooms by {@code factor} keeping the world point (x, y) under the pointer where it is. */
    public void zoomAt(double factor, double x, double y) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        double k = z / zoom.get();
        // screen = (world + pan) * zoom * fit: keep (x + pan) * zoom fixed
        panX.set((x + panX.get()) / k - x);
        panY.set((y + panY.get()) / k - y);
        zoom.set(z);
    }

    /** Moves both views by (dx, dy) world pixels. */
    public void pan(double dx, double dy) {
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Starts marking the pupils of {@code p}: the next two clicks on it. */
    public void startMarking(Photo p) {
        marking = p;
        firstClick = null;
    }

    public Photo marking() {
        return marking;
    }

    /** True after the first of the two clicks. */
    public boolean markedOne() {
        return firstClick != null;
    }

    /**
     * A click at (x, y) in {@code p}'s own pixels while marking it: the first is the patient's left pupil, the
     * second their right one, which returns the pupils to save (else null).
     */
    public Pupils click(Photo p, double x, double y) {
        if (marking == null || marking.id() != p.id()) {
            return null;
        }
        if (firstClick == null) {
            firstClick = new double[] {x, y};
            return null;
        }
        Pupils out = Pupils.of(firstClick[0], firstClick[1], x, y);
        marking = null;
        firstClick = null;
        return out;
    }

    public void stopMarking() {
        marking = null;
        firstClick = null;
    }
}
