package org.needlepoint.chart;

import java.util.List;
import java.util.Objects;

/**
 * One view's drawing and named shapes. {@code aspect} is width / height of the drawing, so a
 * control can fit it without distortion; all coordinates are normalised to 0..1 on each axis.
 */
public record Diagram(DiagramView view, double aspect, List<ArtPath> art, List<RegionShape> shapes) {
    public Diagram {
        Objects.requireNonNull(view, "view");
        if (!(aspect > 0)) {
            throw new IllegalArgumentException("aspect must be positive");
        }
        art = List.copyOf(art);
        shapes = List.copyOf(shapes);
    }
}
