package org.needlepoint.chart;

import java.util.Objects;

/** A position on one diagram, in the view's normalised coordinates (0..1, x to the viewer's right, y down). */
public record Placement(DiagramView view, double x, double y) {
    public Placement {
        Objects.requireNonNull(view, "view");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite: " + x + ", " + y);
        }
    }
}
