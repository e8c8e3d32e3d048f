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
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError");
    private final ObjectProperty<Depth> depth = new SimpleObjectProperty<>(this, "depth");
    private final ObjectProperty<Technique> technique = new SimpleObjectProperty<>(this, "technique");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    /** The selected points ({@code editable}: the map may be edited); none hides the editor. */
    public void show(List<EditablePoint<Brush>> selected, boolean editable) {
        visible.set(editable && !selected.isEmpty());
        if (selected.isEmpty()) {
            return;
        }
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

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
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
