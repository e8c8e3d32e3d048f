package org.needlepoint.chart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Vial;
import org.needlepoint.inventory.VialOverrideExistsException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;
import org.needlepoint.ui.View;

/**
 * The chart's vials (VialsView.fxml): binds the vial list, its details and "Open a vial…" to a
 * {@link VialsModel}, asks for an override's reason and opens vials through the services.
 */
public final class VialsController {
    private static final String ALERT = "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;";

    private final InventoryService inventory;
    private final ChartService charts;
    private final Background background;
    private final Shell shell;
    private final Clock clock;
    private final Supplier<View<OpenVialDialogController>> openDialog;
    private final Supplier<View<VialOverrideDialogController>> overrideDialog;
    private final VialsModel model;
    private Supplier<Long> visitId = () -> null;
    private Consumer<String> onError = m -> { };
    private Runnable onOverridden = () -> { };

    @FXML private VBox vialBox;
    @FXML private ComboBox<Vial> brushVial;
    @FXML private Label vialInfo;
    @FXML private Button openVialButton;

    public VialsController(InventoryService inventory, ChartService charts, Background background, Shell shell, Clock clock,
                           Supplier<View<OpenVialDialogController>> openDialog,
                           Supplier<View<VialOverrideDialogController>> overrideDialog) {
        this.inventory = inventory;
        this.charts = charts;
        this.background = background;
        this.shell = shell;
        this.clock = clock;
        this.openDialog = openDialog;
        this.overrideDialog = overrideDialog;
        this.model = new VialsModel(clock);
    }

    @FXML
    private void initialize() {
        vialBox.visibleProperty().bind(model.visibleProperty());
        vialBox.managedProperty().bind(model.visibleProperty());
        brushVial.setItems(model.vials());
        brushVial.valueProperty().bindBidirectional(model.vialProperty());
        brushVial.promptTextProperty().bind(model.promptProperty());
        brushVial.setCellFactory(l -> cell(false));
        brushVial.setButtonCell(cell(true));
        vialInfo.textProperty().bind(model.infoProperty());
        vialInfo.styleProperty().bind(javafx.beans.binding.Bindings.when(model.infoAlertProperty()).then(ALERT).otherwise(""));
        model.setOnOverrideNeeded(v -> Platform.runLater(() -> askOverride(v)));
    }

    private ListCell<Vial> cell(boolean compact) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Vial v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : model.cellText(v, compact));
                setStyle(!empty && v != null && model.past(v) ? ALERT : "");
            }
        };
    }

    public VialsModel model() {
        return model;
    }

    /** The visit overrides are recorded for; where errors are shown; told when an override changes the warnings. */
    public void wire(Supplier<Long> visit, Consumer<String> errors, Runnable overridden) {
        this.visitId = visit;
        this.onError = errors;
        this.onOverridden = overridden;
    }

    /** A vial past its usable hours: charting from it needs the injector's reason, recorded and audited. */
    private void askOverride(Vial v) {
        Vial chosen = model.vialProperty().get();
        Long visit = visitId.get();
        if (chosen == null || chosen.id() != v.id() || visit == null) {
            return;
        }
        Optional<String> why = overrideDialog.get().controller().ask(model.overrideHeader(v), owner());
        if (why.isEmpty()) {
            model.overrideDeclined(v);
            return;
        }
        background.run(() -> {
            inventory.overrideVialExpiry(v.id(), visit, why.get());
            return v.id();
        }, id -> {
            model.overrideRecorded(id);
            shell.status("Override recorded for vial " + id);
            onOverridden.run();
        }, error -> {
            if (error instanceof VialOverrideExistsException) {
                // recorded already (another PC, a second click): the vial may be charted from
                model.overrideRecorded(v.id());
                onOverridden.run();
                return;
            }
            model.overrideDeclined(v);
            onError.accept(Forms.message(error));
        });
    }

    /** Reconstitutes a vial: lot, diluent, volume, with the concentration shown as it is typed. */
    @FXML
    private void openVial() {
        Product p = model.productProperty().get();
        Catalog catalog = model.catalogProperty().get();
        if (p == null || !p.reconstituted() || catalog == null) {
            return;
        }
        OpenVialModel form = new OpenVialModel(p, catalog.usableLots(p.id(), LocalDate.now(clock)),
                model.lotProperty().get());
        Optional<OpenVialModel.Request> request = openDialog.get().controller().ask(form, owner());
        if (request.isEmpty()) {
            return;
        }
        OpenVialModel.Request r = request.get();
        openVialButton.setDisable(true);
        background.run(() -> {
            Vial v = inventory.openVial(r.lotId(), r.diluent(), r.volumeMl());
            return new Opened(v, charts.catalog());
        }, o -> {
            openVialButton.setDisable(false);
            model.opened(o.vial(), o.catalog());
            shell.status("Opened " + o.vial().describe());
        }, e -> {
            openVialButton.setDisable(false);
            onError.accept(Forms.message(e));
        });
    }

    private record Opened(Vial vial, Catalog catalog) {
    }

    private Window owner() {
        return vialBox.getScene() == null ? null : vialBox.getScene().getWindow();
    }
}
