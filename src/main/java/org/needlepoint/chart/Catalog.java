package org.needlepoint.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Vial;

/**
 * The products, lots (with their stock figures) and reconstituted vials a chart refers to, held in
 * memory for the live totals and warnings. Immutable.
 */
public final class Catalog {
    private final List<Product> products;
    private final List<Lot> lots;
    private final List<Vial> vials;
    private final Map<Long, Product> productById = new LinkedHashMap<>();
    private final Map<Long, Lot> lotById = new LinkedHashMap<>();
    private final Map<Long, Vial> vialById = new LinkedHashMap<>();

    public Catalog(List<Product> products, List<Lot> lots) {
        this(products, lots, List.of());
    }

    public Catalog(List<Product> products, List<Lot> lots, List<Vial> vials) {
        this.products = List.copyOf(products);
        this.lots = List.copyOf(lots);
        this.vials = List.copyOf(vials);
        this.products.forEach(p -> productById.put(p.id(), p));
        this.lots.forEach(l -> lotById.put(l.id(), l));
        this.vials.forEach(v -> vialById.put(v.id(), v));
    }

    public List<Product> products() {
        return products;
    }

    public List<Lot> lots() {
        return lots;
    }

    public List<Vial> vials() {
        return vials;
    }

    public Optional<Product> product(long id) {
        return Optional.ofNullable(productById.get(id));
    }

    public Optional<Lot> lot(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(lotById.get(id));
    }

    public Optional<Vial> vial(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(vialById.get(id));
    }

    /**
     * Lots of {@code productId} that may be offered on {@code day} (effective state ACTIVE: not
     * quarantined, recalled or expired, with packs on hand or an open usable vial), the first to
     * expire first.
     */
    public List<Lot> usableLots(long productId, LocalDate day) {
        return lots.stream().filter(l -> l.productId() == productId && l.usableOn(day))
                .sorted(Comparator.comparing(Lot::expiry).thenComparing(Lot::lotNumber)).toList();
    }

    /** Vials of {@code productId} that may be charted from at {@code now}, across patients, oldest first. */
    public List<Vial> usableVials(long productId, Instant now) {
        return vials.stream().filter(v -> v.productId() == productId && v.usableAt(now))
                .sorted(Comparator.comparing(Vial::openedAt).thenComparing(Vial::id)).toList();
    }
}
