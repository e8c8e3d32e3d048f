package org.needlepoint.chart;

import java.util.Objects;

/** Where on the patient a point is: the anatomical region and the patient's side. */
public record Site(Region region, Side side) {
    public Site {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(side, "side");
    }

    /** "Corrugator supercilii, left"; "Procerus, midline". */
    public String label() {
        return region.label() + ", " + side;
    }

    @Override
    public String toString() {
        return label();
    }
}
