package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.List;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;

/**
 * A set of points with amounts applied in one action (a protocol such as Dysport glabellar lines).
 * Amounts are in {@code unit} for a product of {@code kind}; when {@code brand} is set (toxins), only
 * that brand's products may use it, because toxin units are not interchangeable between brands.
 * Built-in patterns come with the app (V3__charts.sql); the others were saved by the clinic.
 */
public record ChartPattern(long id, String name, ProductKind kind, Unit unit, String brand, boolean builtIn,
                           Long createdBy, List<PatternPoint> points) {
    public ChartPattern {
        points = List.copyOf(points);
    }

    /** Whether the pattern's amounts make sense for {@code p}. */
    public boolean fits(Product p) {
        return p.kind() == kind && p.unit() == unit && (brand == null || brand.equalsIgnoreCase(p.brand()));
    }

    public BigDecimal total() {
        return points.stream().map(PatternPoint::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String toString() {
        return name;
    }
}
