package org.needlepoint.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the charting screen says about the points as they stand, without a window: the totals
 * (per product with packs, per region) and the warnings (a draft's rules, and vials newly charted
 * from past their hours without an override). Pure functions of the chart and the catalogue.
 */
public final class ChartSummary {
    private ChartSummary() {
    }

    /** "5 points", then one line per product ("Dysport 300 U: 50 U (1 vial)") and per region. */
    public static String totals(List<InjectionPoint> points, Catalog catalog) {
        if (points.isEmpty()) {
            return "No points yet. Choose a product, then click the face, or use a pattern.";
        }
        ChartTotals totals = ChartRules.totals(points, catalog);
        StringBuilder t = new StringBuilder();
        for (ChartTotals.ProductTotal pt : totals.byProduct()) {
            t.append(pt.productName()).append(": ").append(pt.describe()).append('\n');
        }
        if (!totals.byRegion().isEmpty()) {
            t.append('\n');
            for (ChartTotals.RegionTotal rt : totals.byRegion()) {
                t.append(rt.region().label()).append(": ").append(rt.unit().format(rt.amount())).append(" (")
                        .append(rt.points()).append(rt.points() == 1 ? " point)" : " points)").append('\n');
            }
        }
        return points.size() + (points.size() == 1 ? " point\n" : " points\n") + t.toString().strip();
    }

    /**
     * The warnings of a draft (none for a signed chart: it is locked). A point newly charted from a
     * vial past its usable hours without an override for the visit ({@code overridden}) is an error:
     * saving it would be refused.
     */
    public static List<ChartWarning> warnings(VisitChart saved, ChartDraft draft, Catalog catalog, LocalDate today,
                                              Instant now, Set<Long> overridden) {
        if (saved.visit().signed()) {
            return List.of();
        }
        List<ChartWarning> warnings = new ArrayList<>(ChartRules.warnings(draft, catalog, today));
        Map<String, Long> savedVials = new HashMap<>();
        saved.allPoints().stream().filter(p -> p.vialId() != null).forEach(p -> savedVials.put(p.key(), p.vialId()));
        for (InjectionPoint p : draft.points()) {
            if (p.vialId() != null && !p.vialId().equals(savedVials.get(p.key()))) {
                ChartRules.vialWarning(p, catalog, now, overridden).ifPresent(warnings::add);
            }
        }
        return warnings;
    }
}
