package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.needlepoint.chart.ChartTotals.ProductTotal;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Unit;

/**
 * Two visits of one patient side by side: the earlier and the later, the total of each product in
 * each and the change, the regions treated in only one of them, and the diagram views either used.
 * Totals count every point of the map as it stands, addenda included ({@link VisitChart#allPoints()}),
 * as the visit timeline does. Amounts are compared per product, never across products: toxin units
 * of different brands are different scales.
 */
public final class VisitComparison {
    private final VisitChart earlier;
    private final VisitChart later;
    private final List<ProductChange> products;
    private final Set<Region> onlyEarlier;
    private final Set<Region> onlyLater;
    private final Set<Region> inBoth;
    private final Set<DiagramView> views;

    /** One product's total in the earlier and the later visit; zero where it was not used. */
    public record ProductChange(long productId, String productName, String colour, Unit unit, BigDecimal before,
                                BigDecimal after) {
        public ProductChange {
            before = Amounts.normal(before == null ? BigDecimal.ZERO : before);
            after = Amounts.normal(after == null ? BigDecimal.ZERO : after);
        }

        /** After minus before. */
        public BigDecimal change() {
            return Amounts.normal(after.subtract(before));
        }

        /** Used in the later visit only. */
        public boolean isNew() {
            return before.signum() == 0 && after.signum() != 0;
        }

        /** Used in the earlier visit only. */
        public boolean isDropped() {
            return before.signum() != 0 && after.signum() == 0;
        }

        /** "Dysport 300 U: 50 U → 60 U (+10 U)"; "Sculptra: 4 mL → none (−4 mL)"; "…: 50 U → 50 U (no change)". */
        public String describe() {
            return productName + ": " + amount(before) + " \u2192 " + amount(after) + " (" + signedChange() + ")";
        }

        /** "+10 U", "−4 mL" (a true minus sign), "no change". */
        public String signedChange() {
            BigDecimal d = change();
            if (d.signum() == 0) {
                return "no change";
            }
            return (d.signum() > 0 ? "+" : "\u2212") + unit.format(d.abs());
        }

        private String amount(BigDecimal v) {
            return v.signum() == 0 ? "none" : unit.format(v);
        }
    }

    private VisitComparison(VisitChart earlier, VisitChart later, Catalog catalog) {
        this.earlier = earlier;
        this.later = later;
        List<InjectionPoint> a = earlier.allPoints();
        List<InjectionPoint> b = later.allPoints();
        this.products = productChanges(a, b, catalog);
        Set<Region> ra = regions(a);
        Set<Region> rb = regions(b);
        this.onlyEarlier = difference(ra, rb);
        this.onlyLater = difference(rb, ra);
        Set<Region> both = EnumSet.noneOf(Region.class);
        both.addAll(ra);
        both.retainAll(rb);
        this.inBoth = Collections.unmodifiableSet(both);
        Set<DiagramView> v = EnumSet.noneOf(DiagramView.class);
        a.forEach(p -> v.add(p.view()));
        b.forEach(p -> v.add(p.view()));
        this.views = Collections.unmodifiableSet(v);
    }

    /** Compares two visits in either order: the one started first is the earlier. */
    public static VisitComparison of(VisitChart first, VisitChart second, Catalog catalog) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(catalog, "catalog");
        Comparator<VisitChart> byStart = Comparator.comparing((VisitChart c) -> c.visit().startedAt())
                .thenComparingLong(c -> c.visit().id());
        return byStart.compare(first, second) <= 0
                ? new VisitComparison(first, second, catalog)
                : new VisitComparison(second, first, catalog);
    }

    /**
     * Each product charted in either list with its total before and after, in catalogue order
     * (toxins first); a product missing from the catalogue is left out, as {@link ChartRules#totals} does.
     */
    public static List<ProductChange> productChanges(Collection<InjectionPoint> before, Collection<InjectionPoint> after,
                                                     Catalog catalog) {
        ChartTotals a = ChartRules.totals(before, catalog);
        ChartTotals b = ChartRules.totals(after, catalog);
        Map<Long, BigDecimal[]> amounts = new LinkedHashMap<>();
        for (ProductTotal t : a.byProduct()) {
            amounts.computeIfAbsent(t.productId(), k -> new BigDecimal[2])[0] = t.amount();
        }
        for (ProductTotal t : b.byProduct()) {
            amounts.computeIfAbsent(t.productId(), k -> new BigDecimal[2])[1] = t.amount();
        }
        List<ProductChange> out = new ArrayList<>();
        for (Product p : catalog.products()) {
            BigDecimal[] x = amounts.get(p.id());
            if (x != null) {
                out.add(new ProductChange(p.id(), p.name(), p.colour(), p.unit(), x[0], x[1]));
            }
        }
        return List.copyOf(out);
    }

    /** The regions the points lie in, in the order of {@link Region}. */
    public static Set<Region> regions(Collection<InjectionPoint> points) {
        Set<Region> out = EnumSet.noneOf(Region.class);
        for (InjectionPoint p : points) {
            if (p.region() != null) {
                out.add(p.region());
            }
        }
        return out;
    }

    private static Set<Region> difference(Set<Region> a, Set<Region> b) {
        Set<Region> out = EnumSet.noneOf(Region.class);
        out.addAll(a);
        out.removeAll(b);
        return Collections.unmodifiableSet(out);
    }

    /** The visit started first. */
    public VisitChart earlier() {
        return earlier;
    }

    /** The visit started last. */
    public VisitChart later() {
        return later;
    }

    public List<ProductChange> products() {
        return products;
    }

    /** Regions treated in the earlier visit but not in the later one. */
    public Set<Region> onlyEarlier() {
        return onlyEarlier;
    }

    /** Regions treated in the later visit but not in the earlier one. */
    public Set<Region> onlyLater() {
        return onlyLater;
    }

    /** Regions treated in both. */
    public Set<Region> inBoth() {
        return inBoth;
    }

    /** The diagram views either visit has points on, in the order of {@link DiagramView}. */
    public Set<DiagramView> views() {
        return views;
    }

    /**
     * The view to show first: the front of the face when either visit used it (or neither has any
     * point), else the first view used.
     */
    public DiagramView defaultView() {
        if (views.isEmpty() || views.contains(DiagramView.FACE_FRONT)) {
            return DiagramView.FACE_FRONT;
        }
        return views.iterator().next();
    }

    /** The views to offer: those used, or the front of the face when neither visit has a point. */
    public List<DiagramView> viewChoices() {
        return views.isEmpty() ? List.of(DiagramView.FACE_FRONT) : List.copyOf(views);
    }

    /** Whether the two maps hold the same products in the same amounts over the same regions. */
    public boolean noDifference() {
        return onlyEarlier.isEmpty() && onlyLater.isEmpty()
                && products.stream().allMatch(p -> p.change().signum() == 0);
    }

    /** Points of {@code chart} (addenda included) on {@code view}. */
    public static long pointsOn(VisitChart chart, DiagramView view) {
        return chart.allPoints().stream().filter(p -> p.view() == view).count();
    }
}
