package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.List;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Unit;

/**
 * Live totals of a chart, all in BigDecimal: per product (with the packs opened), per region and
 * product, and overall per unit. Toxin units are only added up within a brand (Dysport units and
 * Botox units are different scales); millilitres are added up across products.
 */
public record ChartTotals(List<ProductTotal> byProduct, List<RegionTotal> byRegion, List<UnitTotal> overall,
                          int points) {

    public ChartTotals {
        byProduct = List.copyOf(byProduct);
        byRegion = List.copyOf(byRegion);
        overall = List.copyOf(overall);
    }

    /**
     * @param packs vials (toxins, PLLA) or syringes (fillers) opened: ceil(amount / yield per pack);
     *              null when the pack's yield is unknown
     */
    public record ProductTotal(long productId, String productName, BigDecimal amount, Unit unit, Integer packs,
                               String packWord, int points) {
        public ProductTotal {
            amount = Amounts.normal(amount);
        }

        /** "50 U, 1 vial". */
        public String describe() {
            return unit.format(amount) + (packs == null ? "" : ", " + packs + " " + packWord + (packs == 1 ? "" : "s"));
        }
    }

    public record RegionTotal(Region region, long productId, String productName, BigDecimal amount, Unit unit,
                              int points) {
        public RegionTotal {
            amount = Amounts.normal(amount);
        }
    }

    /** @param scale the brand whose units these are (toxins), or null for millilitres */
    public record UnitTotal(Unit unit, String scale, BigDecimal amount) {
        public UnitTotal {
            amount = Amounts.normal(amount);
        }

        /** "50 U Dysport", "7.5 mL". */
        public String describe() {
            return unit.format(amount) + (scale == null ? "" : " " + scale);
        }
    }

    /** The product's total, if it is charted. */
    public java.util.Optional<ProductTotal> product(long productId) {
        return byProduct.stream().filter(t -> t.productId() == productId).findFirst();
    }
}
