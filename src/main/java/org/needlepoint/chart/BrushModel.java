package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Decimals;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.Gs1Exception;
import org.needlepoint.inventory.Gs1Parser;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Vial;

/**
 * The brush's state and rules, without a window: the product (the catalogue's products in use), its
 * usable lots (first to expire first, the first chosen), the amount typed, depth and technique, and
 * the {@link Brush} they make. Choosing another product starts the brush with that product's usual
 * point from the catalogue ({@link Product#defaultAmount()}, depth, technique: Admin ▸ Products);
 * choosing the same one again keeps what the injector typed. A scanned pack's lot becomes the
 * brush's lot, or is refused with the reason.
 */
public final class BrushModel {
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final ObservableList<Product> products = FXCollections.observableArrayList();
    private final ObjectProperty<Product> product = new SimpleObjectProperty<>(this, "product");
    private final ObservableList<Lot> lots = FXCollections.observableArrayList();
    private final ObjectProperty<Lot> lot = new SimpleObjectProperty<>(this, "lot");
    private final ReadOnlyStringWrapper lotPrompt = new ReadOnlyStringWrapper(this, "lotPrompt", "Choose a product first");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");
    private final ObjectProperty<Depth> depth = new SimpleObjectProperty<>(this, "depth");
    private final ObjectProperty<Technique> technique = new SimpleObjectProperty<>(this, "technique");
    private final ObjectProperty<Vial> vial = new SimpleObjectProperty<>(this, "vial");
    private final ReadOnlyObjectWrapper<Brush> brush = new ReadOnlyObjectWrapper<>(this, "brush");
    private final ReadOnlyStringWrapper scanError = new ReadOnlyStringWrapper(this, "scanError");
    private final ReadOnlyStringWrapper scanStatus = new ReadOnlyStringWrapper(this, "scanStatus");
    private final Supplier<LocalDate> today;
    /** The product whose usual point the brush was last started with. */
    private Long defaultsFor;
    private boolean refreshing;

    /** {@code today} is the clinic's date: which lots may be offered. */
    public BrushModel(Supplier<LocalDate> today) {
        this.today = Objects.requireNonNull(today, "today");
        catalog.addListener((o, old, c) -> catalogChanged(c));
        product.addListener((o, old, p) -> chosen(p));
        lot.addListener((o, old, l) -> update());
        amount.addListener((o, old, t) -> update());
        depth.addListener((o, old, d) -> update());
        technique.addListener((o, old, t) -> update());
        vial.addListener((o, old, v) -> update());
    }

    private void catalogChanged(Catalog c) {
        Product chosen = product.get();
        refreshing = true;
        try {
            // a combo box showing these may clear its value meanwhile: that is not a choice
            products.setAll(c == null ? List.of() : c.products().stream().filter(Product::active).toList());
        } finally {
            refreshing = false;
        }
        Product now = chosen == null || c == null ? null : c.product(chosen.id()).orElse(null);
        if (now != null && now.equals(product.get())) {
            refreshLots(now);
            update();
        } else {
            product.set(now);
        }
    }

    private void chosen(Product p) {
        if (refreshing) {
            return;
        }
        if (p == null) {
            lots.clear();
            lot.set(null);
            unit.set("");
            lotPrompt.set("Choose a product first");
            update();
            return;
        }
        refreshLots(p);
        unit.set(p.unit().symbol() + " per point");
        if (defaultsFor == null || defaultsFor != p.id()) {
            // another product: the brush starts with its usual point, from the catalogue (Admin ▸ Products)
            defaultsFor = p.id();
            amount.set(Amounts.plain(p.defaultAmount()));
            depth.set(p.defaultDepth());
            technique.set(p.defaultTechnique());
        }
        update();
    }

    /** The product's usable lots, first to expire first; the brush's lot stays when it is one of them, else the first. */
    private void refreshLots(Product p) {
        Lot kept = lot.get();
        List<Lot> usable = catalog.get() == null ? List.of() : catalog.get().usableLots(p.id(), today.get()).stream()
                .sorted(Comparator.comparing(Lot::expiry)).toList();
        lots.setAll(usable);
        lotPrompt.set(usable.isEmpty() ? "No usable lot in stock" : "Choose the lot");
        lot.set(kept == null ? first(usable) : usable.stream().filter(l -> l.id() == kept.id()).findFirst()
                .orElse(first(usable)));
    }

    private static Lot first(List<Lot> lots) {
        return lots.isEmpty() ? null : lots.get(0);
    }

    private void update() {
        Product p = product.get();
        Optional<BigDecimal> a = parseAmount(amount.get());
        amountError.set(a.isEmpty() && p != null ? "Type the amount per point, e.g. 10 or 0.1" : null);
        if (p == null || a.isEmpty()) {
            brush.set(null);
            return;
        }
        Lot l = lot.get();
        Vial v = vial.get();
        Long vialId = v != null && l != null && v.lotId() == l.id() && v.productId() == p.id() ? v.id() : null;
        brush.set(new Brush(p.id(), l == null ? null : l.id(), vialId, a.get(), depth.get(), technique.get(), null));
    }

    /** An amount as typed: a number above zero with at most 3 decimals, else empty. */
    public static Optional<BigDecimal> parseAmount(String text) {
        return Decimals.parse(text).filter(a -> a.signum() > 0 && a.scale() <= Amounts.SCALE);
    }

    /** Makes {@code l} the brush's lot, listing it when it is not (a lot the books show empty, a vial's lot). */
    public void selectLot(Lot l) {
        Optional<Lot> listed = lots.stream().filter(x -> x.id() == l.id()).findFirst();
        if (listed.isEmpty()) {
            lots.add(l);
        }
        lot.set(listed.orElse(l));
    }

    // ------------------------------------------------------------------------------ scanning a pack

    /**
     * A pack's barcode as scanned (or typed): its code when it parses; else the parser's reason is
     * the scan error and nothing changes. Blank text is ignored.
     */
    public Optional<Gs1Code> scan(String text) {
        scanStatus.set(null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Gs1Parser.parse(text, today.get()));
        } catch (Gs1Exception e) {
            scanError.set("✖ " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The service refused the scanned pack (recalled, expired, another product...): the reason is shown. */
    public void scanRefused(String reason) {
        scanError.set("✖ " + reason);
    }

    /** The service accepted the scanned pack: its product and lot become the brush's, with the catalogue as it is now. */
    public void scanAccepted(Lot scanned, Catalog now) {
        scanError.set(null);
        catalog.set(now);
        Product p = now.product(scanned.productId()).orElseThrow();
        product.set(p);
        selectLot(scanned);
        scanStatus.set("✔ Lot " + scanned.lotNumber() + " of " + p.name() + " (expires " + scanned.expiry()
                + ") for the next points");
    }

    // ------------------------------------------------------------------------------ patterns

    /**
     * The product a pattern is applied with: the brush's when the pattern fits it, else the fitting
     * product in use whose usable lot expires first; empty when none is in stock.
     */
    public Optional<Product> productFor(ChartPattern pattern) {
        Product current = product.get();
        if (current != null && pattern.fits(current)) {
            return Optional.of(current);
        }
        Catalog c = catalog.get();
        if (c == null) {
            return Optional.empty();
        }
        LocalDate day = today.get();
        return c.products().stream().filter(Product::active).filter(pattern::fits)
                .filter(p -> !c.usableLots(p.id(), day).isEmpty())
                .min(Comparator.comparing(p -> c.usableLots(p.id(), day).stream().map(Lot::expiry)
                        .min(Comparator.naturalOrder()).orElse(LocalDate.MAX)));
    }

    /**
     * A pattern's points charted with the brush: its product becomes the brush's (see
     * {@link #productFor}), the points carry the brush's lot and, when the brush draws from a vial
     * of that lot, the vial. Empty when no product in stock fits the pattern.
     */
    public Optional<List<InjectionPoint>> apply(ChartPattern pattern, Supplier<String> keys) {
        Optional<Product> p = productFor(pattern);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (product.get() == null || product.get().id() != p.get().id()) {
            product.set(p.get());
        }
        Lot l = lot.get();
        List<InjectionPoint> applied = ChartRules.apply(pattern, p.get(), l == null ? null : l.id(), keys);
        Brush b = brush.get();
        Long vialId = b == null || l == null || !Objects.equals(b.lotId(), l.id()) ? null : b.vialId();
        return Optional.of(vialId == null ? applied : applied.stream().map(pt -> pt.withVial(pt.lotId(), vialId)).toList());
    }

    // ------------------------------------------------------------------------------ properties

    /** The catalogue the brush offers: products in use, their lots; shared with the other parts of the chart. */
    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    public ObservableList<Product> products() {
        return products;
    }

    public ObjectProperty<Product> productProperty() {
        return product;
    }

    public ObservableList<Lot> lots() {
        return lots;
    }

    public ObjectProperty<Lot> lotProperty() {
        return lot;
    }

    public ReadOnlyStringProperty lotPromptProperty() {
        return lotPrompt.getReadOnlyProperty();
    }

    /** The amount per point as typed. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** Why the typed amount is not one, or null. */
    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    /** "U per point", "mL per point". */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    public ObjectProperty<Depth> depthProperty() {
        return depth;
    }

    public ObjectProperty<Technique> techniqueProperty() {
        return technique;
    }

    /**
     * The vial the next points come from, when it may be charted from (the vials' part says so); a
     * vial of another lot or product than the brush's is not recorded on the points.
     */
    public ObjectProperty<Vial> vialProperty() {
        return vial;
    }

    /** What a click places; null (nothing) without a product or a valid amount. */
    public ReadOnlyObjectProperty<Brush> brushProperty() {
        return brush.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scanErrorProperty() {
        return scanError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scanStatusProperty() {
        return scanStatus.getReadOnlyProperty();
    }
}
