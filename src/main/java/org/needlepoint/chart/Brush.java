package org.needlepoint.chart;

import java.math.BigDecimal;
import org.needlepoint.inventory.Unit;

/**
 * What each click on the map places, set once and used for every point until changed: product,
 * lot and vial (either may be null), amount, depth, technique and a note. Each point on the chart
 * being edited carries its brush as its payload ({@link MapEditor}).
 */
public record Brush(long productId, Long lotId, Long vialId, BigDecimal amount, Depth depth, Technique technique,
                    String note) {

    /** The brush a stored point was charted with. */
    public static Brush of(InjectionPoint p) {
        return new Brush(p.productId(), p.lotId(), p.vialId(), p.amount(), p.depth(), p.technique(), p.note());
    }

    /** The brush with another amount, depth, technique and note (the selection's edit). */
    public Brush edited(BigDecimal newAmount, Depth newDepth, Technique newTechnique, String newNote) {
        return new Brush(productId, lotId, vialId, newAmount, newDepth, newTechnique, newNote);
    }

    /** A point charted with this brush at a spot; the site is the one the diagram gives there. */
    public InjectionPoint point(String key, DiagramView view, double x, double y, Site site, Unit unit) {
        return new InjectionPoint(key, view, x, y, site.region(), site.side(), productId, lotId, vialId, amount, unit,
                depth, technique, note, null);
    }
}
