package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Concentration;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;

/**
 * Opening (reconstituting) a vial at the chair, without a window: the lot (the brush's when usable,
 * else the first usable), the diluent and its volume as the product usually has them, and the
 * concentration as the volume is typed ("= 12 U per 0.1 mL").
 */
public final class OpenVialModel {
    /** What the injector confirmed: the service opens a vial of {@code lotId} with it. */
    public record Request(long lotId, String diluent, BigDecimal volumeMl) {
    }

    private final Product product;
    private final ObservableList<Lot> lots = FXCollections.observableArrayList();
    private final ObjectProperty<Lot> lot = new SimpleObjectProperty<>(this, "lot");
    private final StringProperty diluent = new SimpleStringProperty(this, "diluent", "");
    private final StringProperty volume = new SimpleStringProperty(this, "volume", "");
    private final ReadOnlyStringWrapper concentration = new ReadOnlyStringWrapper(this, "concentration");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** A vial of {@code product} from one of {@code usableLots}; {@code preferred} (the brush's lot) first when usable. */
    public OpenVialModel(Product product, List<Lot> usableLots, Lot preferred) {
        this.product = Objects.requireNonNull(product, "product");
        lots.setAll(usableLots);
        lot.set(preferred != null && usableLots.contains(preferred) ? preferred
                : usableLots.isEmpty() ? null : usableLots.get(0));
        diluent.set(product.defaultDiluent() == null ? "" : product.defaultDiluent());
        volume.set(product.defaultDiluentMl() == null ? "" : Amounts.plain(product.defaultDiluentMl()));
        volume.addListener((o, old, t) -> live());
        live();
    }

    private void live() {
        Optional<BigDecimal> ml = BrushModel.parseAmount(volume.get());
        Concentration c = ml.map(v -> Concentration.of(product, v)).orElse(null);
        concentration.set(c == null ? "Type the volume in mL" : "= " + c.text());
    }

    /** "Open (reconstitute) a vial of Dysport 300 U". */
    public String header() {
        return "Open (reconstitute) a vial of " + product.name();
    }

    /** The request when the form is complete; else empty, and {@link #errorProperty()} says what is missing. */
    public Optional<Request> confirm() {
        if (lot.get() == null) {
            error.set("Choose the lot of the vial.");
            return Optional.empty();
        }
        Optional<BigDecimal> ml = BrushModel.parseAmount(volume.get());
        if (ml.isEmpty()) {
            error.set("Type the diluent volume in mL, e.g. 2.5.");
            return Optional.empty();
        }
        error.set(null);
        return Optional.of(new Request(lot.get().id(), diluent.get(), ml.get()));
    }

    public ObservableList<Lot> lots() {
        return lots;
    }

    public ObjectProperty<Lot> lotProperty() {
        return lot;
    }

    public StringProperty diluentProperty() {
        return diluent;
    }

    public StringProperty volumeProperty() {
        return volume;
    }

    public ReadOnlyStringProperty concentrationProperty() {
        return concentration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
