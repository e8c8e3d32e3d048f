package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Unit;

/**
 * One line of a patient's visit timeline: when, who, status, how many points (original and added
 * by addenda), the amount of each product and the regions treated.
 */
public record VisitSummary(long id, long patientId, Instant startedAt, VisitStatus status, long injectorId,
                           String injectorName, Instant signedAt, int points, int addenda,
                           List<ProductAmount> products, Set<Region> regions) {

    /** The total of one product in a visit. */
    public record ProductAmount(long productId, String productName, BigDecimal amount, Unit unit) {
        public ProductAmount {
            amount = Amounts.normal(amount);
        }

        @Override
        public String toString() {
            return productName + " " + unit.format(amount);
        }
    }

    public VisitSummary {
        products = List.copyOf(products);
        regions = Set.copyOf(regions);
    }

    /** "Dysport 300 U 50 U; Sculptra 7 mL". */
    public String productSummary() {
        return products.stream().map(ProductAmount::toString).collect(Collectors.joining("; "));
    }
}
