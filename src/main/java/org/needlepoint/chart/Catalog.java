package org.needlepoint.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;

/** The products and lots a chart refers to, held in memory for the live totals and warnings. Immutable. */
public final class Catalog {
    private final List<Product> products;
    private final List<Lot> lots;
    private final Map<Long, Product> productById = new LinkedHashMap<>();
    private final Map<Long, Lot> lotById = new LinkedHashMap<>();

    public Catalog(List<Product> products, List<Lot> lots) {
        this.products = List.copyOf(products);
        this.lots = List.copyOf(lots);
        this.products.forEach(p -> productById.put(p.id(), p));
        this.lots.forEach(l -> lotById.put(l.id(), l));
    }

    public List<Product> products() {
        return products;
    }

    public List<Lot> lots() {
        return lots;
    }

    public Optional<Product> product(long id) {
        return Optional.ofNullable(productById.get(id));
    }

    public Optional<Lot> lot(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(lotById.get(id));
    }

    /** Lots of {@code productId} usable on {@code day}, the first to expire first. */
    public List<Lot> usableLots(long productId, LocalDate day) {
        return lots.stream().filter(l -> l.productId() == productId && l.usableOn(day))
                .sorted(Comparator.comparing(Lot::expiry).thenComparing(Lot::lotNumber)).toList();
    }
}
