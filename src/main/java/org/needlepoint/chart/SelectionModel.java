package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.common.Amounts;

/**
 * The points selected on the map, without a window: what they are ("Selected: Procerus" or "3
 * points selected"), and an edit of their amount, depth, technique and note, started from the
 * first selected point's and applied to all of them.
 */
public final class SelectionModel {
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError");
    private final ObjectProperty<Depth> depth = new SimpleObjectProperty<>(this, "depth");
    private final ObjectProperty<Technique> technique = new SimpleObjectProperty<>(this, "technique");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper lotLine = new ReadOnlyStringWrapper(this, "lotLine", "");
    private final ReadOnlyStringWrapper pointLine = new ReadOnlyStringWrapper(this, "pointLine", "");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern(
            "MM/dd/yyyy", java.util.Locale.ENGLISH);

    /** The selected points ({@code editable}: the map may be edited); none hides the editor. */
    public void show(List<EditablePoint<Brush>> selected, boolean editable) {
        show(selected, editable, null);
    }

    /**
     * As {@link #show(List, boolean)}, naming the selected points' lot (and vial) from {@code catalog}:
     * "Lot DY301A · exp. 11/21/2028 · vial 12"; for points of several lots, each lot number.
     */
    public void show(List<EditablePoint<Brush>> selected, boolean editable, Catalog catalog) {
        visible.set(editable && !selected.isEmpty());
        shown.set(!selected.isEmpty());
        if (selected.isEmpty()) {
            lotLine.set("");
            pointLine.set("");
            return;
        }
        List<Long> lots = LotMarks.lotsInOrder(selected.stream().map(p -> p.payload().lotId()).toList());
        boolean noLot = selected.stream().anyMatch(p -> p.payload().lotId() == null);
        if (catalog == null) {
            lotLine.set("");
        } else if (lots.size() > 1 || (noLot && !lots.isEmpty())) {
            lotLine.set("Lots " + lots.stream().map(id -> catalog.lot(id).map(org.needlepoint.inventory.Lot::lotNumber)
                    .orElse("?")).collect(java.util.stream.Collectors.joining(", ")) + (noLot ? ", and points with no lot"
                    : ""));
        } else {
            Long vial = selected.stream().map(p -> p.payload().vialId()).distinct().count() == 1
                    ? selected.get(0).payload().vialId() : null;
            lotLine.set(LotMarks.describe(lots.isEmpty() ? null : catalog.lot(lots.get(0)).orElse(null), vial, DAY));
        }
        pointLine.set(catalog == null ? "" : pointLine(selected, catalog) + " \u00b7 " + lotLine.get());
        EditablePoint<Brush> first = selected.get(0);
        Site s = first.site();
        title.set(selected.size() == 1 ? "Selected: " + s.region().label() + (s.side() == Side.MIDLINE ? "" : ", " + s.side())
                : selected.size() + " points selected");
        amount.set(Amounts.plain(first.payload().amount()));
        amountError.set(null);
        depth.set(first.payload().depth());
        technique.set(first.payload().technique());
        note.set(first.payload().note() == null ? "" : first.payload().note());
    }

    /** The edit to apply to each selected point's brush; empty (and an amount error) when the amount is not one. */
    public Optional<UnaryOperator<Brush>> edit() {
        Optional<BigDecimal> a = BrushModel.parseAmount(amount.get());
        amountError.set(a.isEmpty() ? "Type the amount, e.g. 10 or 0.1" : null);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        String n = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        Depth d = depth.get();
        Technique t = technique.get();
        return Optional.of(b -> b.edited(a.get(), d, t, n));
    }

    /** Whether the selection panel shows (any point selected, a signed chart's too: its lot is named). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the edit of the selection shows: points selected on a map that may be edited. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** "Frontalis, right: Dysport 300 U, 5 U, Intramuscular, Needle, bolus", or "3 points selected". */
    private static String pointLine(List<EditablePoint<Brush>> selected, Catalog catalog) {
        if (selected.size() > 1) {
            return selected.size() + " points selected";
        }
        EditablePoint<Brush> p = selected.get(0);
        Brush b = p.payload();
        Site s = p.site();
        var product = catalog.product(b.productId());
        StringBuilder out = new StringBuilder(s.region().label() + (s.side() == Side.MIDLINE ? "" : ", " + s.side()) + ": ");
        out.append(product.map(org.needlepoint.inventory.Product::name).orElse("product ?"));
        if (b.amount() != null) {
            out.append(", ").append(Amounts.plain(b.amount())).append(product.map(x -> " " + x.unit().symbol()).orElse(""));
        }
        if (b.depth() != null) {
            out.append(", ").append(b.depth());
        }
        if (b.technique() != null) {
            out.append(", ").append(b.technique());
        }
        return out.toString();
    }

    /**
     * What the selected point is, for the line under the map (in view without scrolling): its region,
     * product, amount, depth, technique, lot and vial; for several points, how many and their lots.
     */
    public ReadOnlyStringProperty pointLineProperty() {
        return pointLine.getReadOnlyProperty();
    }

    /** The selected points' lot and vial, as the pack shows them; empty without a catalogue. */
    public ReadOnlyStringProperty lotLineProperty() {
        return lotLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ObjectProperty<Depth> depthProperty() {
        return depth;
    }

    public ObjectProperty<Technique> techniqueProperty() {
        return technique;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
