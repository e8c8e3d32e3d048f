package org.needlepoint.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Placement;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.RegionShape;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.Site;
import org.needlepoint.inventory.Product;

/**
 * Where on the diagrams a test puts a point it means to be in a region: the service derives a
 * point's region and side from where it lands, so a test point must lie where the geometry names
 * them. The spot is the centroid of the region's largest shape when the geometry reads it there
 * (for a toxin, on a muscle; for a filler or PLLA, on an area), else the nearest grid spot that it
 * reads so. Fails loudly when the region has no shape on that side.
 */
public final class Spots {
    private static final double STEP = 0.0025;
    private static final Map<String, Placement> FOUND = new ConcurrentHashMap<>();

    private Spots() {
    }

    /** A spot where a point of {@code product} is charted in {@code region} on {@code side}. */
    public static Placement of(Region region, Side side, Product product) {
        return of(region, side, ChartRules.preferredKind(product));
    }

    public static Placement of(Region region, Side side, Region.Kind preferred) {
        return FOUND.computeIfAbsent(region + "|" + side + "|" + preferred, k -> find(region, side, preferred));
    }

    /** {@code p} moved to a spot of its own region and side for {@code product}. */
    public static InjectionPoint placed(InjectionPoint p, Product product) {
        Placement at = of(p.region(), p.side(), product);
        return new InjectionPoint(p.key(), at.view(), at.x(), at.y(), p.region(), p.side(), p.productId(), p.lotId(),
                p.vialId(), p.amount(), p.unit(), p.depth(), p.technique(), p.note(), p.addendumId());
    }

    private static Placement find(Region region, Side side, Region.Kind preferred) {
        DiagramGeometry g = DiagramGeometry.standard();
        Site wanted = new Site(region, side);
        for (DiagramView view : DiagramView.values()) {
            RegionShape largest = g.diagram(view).shapes().stream()
                    .filter(s -> s.region() == region && s.side() == side)
                    .max((a, b) -> Double.compare(a.area(), b.area())).orElse(null);
            if (largest == null) {
                continue;
            }
            double cx = largest.centroidX();
            double cy = largest.centroidY();
            if (g.locate(view, cx, cy, preferred).equals(wanted)) {
                return new Placement(view, cx, cy);
            }
            Placement best = null;
            double bestDistance = Double.MAX_VALUE;
            for (double x = 0; x <= 1; x += STEP) {
                for (double y = 0; y <= 1; y += STEP) {
                    double d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    if (d < bestDistance && largest.contains(x, y) && g.locate(view, x, y, preferred).equals(wanted)) {
                        best = new Placement(view, x, y);
                        bestDistance = d;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalArgumentException("no spot on any diagram reads as " + region + " " + side + " for a "
                + preferred + " brush");
    }
}
