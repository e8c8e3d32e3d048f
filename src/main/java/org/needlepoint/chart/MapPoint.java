package org.needlepoint.chart;

import java.util.Objects;

/**
 * A marker for the site-map control: where it is, its colour (the product's, as a CSS colour such
 * as {@code "#7c3aed"}) and its label (the amount, e.g. "10 U" or "0.2"). The control knows nothing
 * else about the point.
 */
public record MapPoint(String key, DiagramView view, double x, double y, String colorHex, String label) {
    public MapPoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(view, "view");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite");
        }
        label = label == null ? "" : label;
    }
}
