package org.needlepoint.chart;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Vial;
import org.needlepoint.inventory.VialState;

/**
 * The reconstituted vials at the chair, without a window: for a toxin or Sculptra, the open vials of
 * the brush's product (oldest first) and the one the next points come from. Choosing a vial makes
 * its lot the brush's; choosing another lot lets go of a vial of the old one. A vial past its usable
 * hours is charted from only with an override for the visit (the injector's reason, recorded by
 * the service): until then {@link #chartedProperty()} is empty.
 */
public final class VialsModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final ObjectProperty<Product> product = new SimpleObjectProperty<>(this, "product");
    private final ObjectProperty<Lot> lot = new SimpleObjectProperty<>(this, "lot");
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ObservableList<Vial> vials = FXCollections.observableArrayList();
    private final ObjectProperty<Vial> vial = new SimpleObjectProperty<>(this, "vial");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyBooleanWrapper infoAlert = new ReadOnlyBooleanWrapper(this, "infoAlert");
    private final ReadOnlyObjectWrapper<Vial> charted = new ReadOnlyObjectWrapper<>(this, "charted");
    private final Set<Long> overridden = new HashSet<>();
    private Consumer<Lot> onLotOfVial = l -> { };
    private Consumer<Vial> onOverrideNeeded = v -> { };
    private boolean listing;

    public VialsModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        catalog.addListener((o, old, c) -> list(null));
        product.addListener((o, old, p) -> list(null));
        lot.addListener((o, old, l) -> {
            Vial v = vial.get();
            if (v != null && (l == null || v.lotId() != l.id())) {
                vial.set(null);
            }
        });
        vial.addListener((o, old, v) -> chosen(v));
    }

    /** Lists the open vials of the brush's product (for reconstituted products only); selects {@code select} when given. */
    private void list(Long select) {
        Product p = product.get();
        boolean show = p != null && p.reconstituted();
        visible.set(show);
        listing = true;
        try {
            Catalog c = catalog.get();
            List<Vial> open = !show || c == null ? List.of() : c.vials().stream()
                    .filter(v -> v.productId() == p.id() && v.discardedAt() == null)
                    .sorted(Comparator.comparing(Vial::openedAt).thenComparing(Vial::id)).toList();
            Vial current = vial.get();
            Long keep = select != null ? select : current == null ? null : current.id();
            vials.setAll(open);
            vial.set(open.stream().filter(v -> keep != null && v.id() == keep).findFirst().orElse(null));
            prompt.set(open.isEmpty() ? "No open vial: open one below" : "Choose the vial the next points come from");
        } finally {
            listing = false;
        }
        refresh();
    }

    private void chosen(Vial v) {
        if (listing) {
            return;
        }
        if (v != null) {
            Lot l = lot.get();
            if ((l == null || l.id() != v.lotId()) && catalog.get() != null) {
                catalog.get().lot(v.lotId()).ifPresent(onLotOfVial);
            }
            if (needsOverride(v)) {
                onOverrideNeeded.accept(v);
            }
        }
        refresh();
    }

    private void refresh() {
        Vial v = vial.get();
        charted.set(v != null && (!past(v) || overridden.contains(v.id())) ? v : null);
        if (v == null) {
            info.set("Points are charted from the lot; choose a vial to record which one they come from.");
            infoAlert.set(false);
            return;
        }
        boolean past = past(v);
        info.set(v.describe() + "\nOpened " + clockTime(v.openedAt()) + " by " + v.openedBy()
                + (v.usableUntil() == null ? "" : " · usable until " + clockTime(v.usableUntil()))
                + (past ? overridden.contains(v.id()) ? "\nPast its usable hours: override recorded for this visit."
                : "\nPAST ITS USABLE HOURS." : ""));
        infoAlert.set(past);
    }

    /** Whether the vial's usable hours are over now. */
    public boolean past(Vial v) {
        return v.state(clock.instant()) == VialState.EXPIRED_AFTER_RECONSTITUTION;
    }

    /** Whether charting from the vial needs the injector's reason first: past its hours, not yet overridden. */
    public boolean needsOverride(Vial v) {
        return past(v) && !overridden.contains(v.id());
    }

    /** The override for the chosen vial is on record (just now, or already before): it may be charted from. */
    public void overrideRecorded(long vialId) {
        overridden.add(vialId);
        refresh();
    }

    /** The injector did not give a reason, or the service refused: the vial is not charted from. */
    public void overrideDeclined(Vial v) {
        if (vial.get() != null && vial.get().id() == v.id()) {
            vial.set(null);
        }
    }

    /** A vial was opened: the catalogue as it is now, the vial chosen and its lot the brush's. */
    public void opened(Vial v, Catalog now) {
        catalog.set(now);
        now.lot(v.lotId()).ifPresent(onLotOfVial);
        list(v.id());
    }

    /** The vials overridden for this visit (the warnings leave them alone). */
    public Set<Long> overridden() {
        return Set.copyOf(overridden);
    }

    /** The text of a vial in the list; {@code compact}: the chosen one in the closed box (its details show below it). */
    public String cellText(Vial v, boolean compact) {
        boolean past = past(v);
        if (compact) {
            return (past ? "⚠ " : "") + "Vial " + v.id() + " · " + (v.concentration() == null ? ""
                    : v.concentration().text()) + (past ? " · PAST ITS HOURS" : "");
        }
        return (past ? "⚠ PAST ITS USABLE HOURS · " : "") + "Vial " + v.id() + " · lot " + v.lotNumber()
                + " · " + (v.concentration() == null ? "" : v.concentration().text()) + " · opened "
                + clockTime(v.openedAt()) + (v.usableUntil() == null ? "" : " · usable until "
                + clockTime(v.usableUntil()));
    }

    /** What the override dialog says about the vial. */
    public String overrideHeader(Vial v) {
        return "Vial " + v.id() + " of " + v.productName() + " (lot " + v.lotNumber() + ") was opened "
                + clockTime(v.openedAt()) + " and was usable until " + clockTime(v.usableUntil())
                + ".\nOpen a new vial, or record why this one may still be used for this visit.";
    }

    /** A reason an override may be recorded with: something written. */
    public static boolean isReason(String text) {
        return text != null && !text.isBlank();
    }

    /** "14:05" today, else the date and time. */
    String clockTime(Instant t) {
        ZonedDateTime z = t.atZone(clock.getZone());
        return z.toLocalDate().equals(LocalDate.now(clock)) ? TIME.format(z) : WHEN.format(z);
    }

    // ------------------------------------------------------------------------------ wiring

    /** Told the lot of a vial chosen (or opened) that is not the brush's lot: it becomes the brush's. */
    public void setOnLotOfVial(Consumer<Lot> handler) {
        this.onLotOfVial = Objects.requireNonNull(handler);
    }

    /** Told when a vial past its hours is chosen without an override: ask the injector's reason. */
    public void setOnOverrideNeeded(Consumer<Vial> handler) {
        this.onOverrideNeeded = Objects.requireNonNull(handler);
    }

    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    /** The brush's product. */
    public ObjectProperty<Product> productProperty() {
        return product;
    }

    /** The brush's lot. */
    public ObjectProperty<Lot> lotProperty() {
        return lot;
    }

    /** Whether the product is reconstituted (toxins, Sculptra), so vials are shown. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ObservableList<Vial> vials() {
        return vials;
    }

    /** The vial chosen. */
    public ObjectProperty<Vial> vialProperty() {
        return vial;
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Whether the info speaks of a vial past its hours (shown in the danger colour). */
    public ReadOnlyBooleanProperty infoAlertProperty() {
        return infoAlert.getReadOnlyProperty();
    }

    /** The chosen vial when the next points may be charted from it, else null. */
    public ReadOnlyObjectProperty<Vial> chartedProperty() {
        return charted.getReadOnlyProperty();
    }
}
