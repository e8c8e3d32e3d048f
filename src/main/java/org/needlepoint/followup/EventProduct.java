package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Region;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;

/**
 * One product and lot among an event's selected points, derived from the points (never stored):
 * the total amount of those points, how many, their depths and regions, the days they were given
 * (the visit's day, and an addendum's day for points it added).
 */
public record EventProduct(long productId, String productName, String brand, ProductKind kind, Long lotId,
                           String lotNumber, LocalDate expiry, BigDecimal amount, Unit unit, int points,
                           Set<Depth> depths, Set<Region> regions, Set<LocalDate> therapyDates, List<String> gtins) {

    public EventProduct {
        depths = Set.copyOf(depths);
        regions = Set.copyOf(regions);
        therapyDates = Set.copyOf(therapyDates);
        gtins = gtins == null ? List.of() : List.copyOf(gtins);
    }

    /** "50 U", "1.5 mL". */
    public String dose() {
        return unit.format(amount);
    }

    /**
     * Toxins (biologics) and deoxycholic acid are drugs (MedWatch section D); Sculptra, fillers, CaHA
     * and other products are devices (section E).
     */
    public boolean device() {
        return !kind.drug();
    }
}
