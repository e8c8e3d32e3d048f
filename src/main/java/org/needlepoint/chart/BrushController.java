package org.needlepoint.chart;

import java.time.Clock;
import java.time.LocalDate;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * The chart's brush (BrushView.fxml): binds the scan field, product, lot, amount, depth and
 * technique to a {@link BrushModel}, and asks the service about a scanned pack.
 */
public final class BrushController {
    private final ChartService charts;
    private final Background background;
    private final BrushModel model;

    @FXML private TextField chartScanField;
    @FXML private Label chartScanError;
    @FXML private Label chartScanStatus;
    @FXML private ComboBox<Product> brushProduct;
    @FXML private ComboBox<Lot> brushLot;
    @FXML private TextField brushAmount;
    @FXML private Label brushUnit;
    @FXML private ComboBox<Depth> brushDepth;
    @FXML private ComboBox<Technique> brushTechnique;

    public BrushController(ChartService charts, Background background, Clock clock) {
        this.charts = charts;
        this.background = background;
        this.model = new BrushModel(() -> LocalDate.now(clock));
    }

    @FXML
    private void initialize() {
        brushProduct.setItems(model.products());
        brushProduct.valueProperty().bindBidirectional(model.productProperty());
        brushLot.setItems(model.lots());
        brushLot.valueProperty().bindBidirectional(model.lotProperty());
        brushLot.promptTextProperty().bind(model.lotPromptProperty());
        brushAmount.textProperty().bindBidirectional(model.amountProperty());
        brushUnit.textProperty().bind(model.unitProperty());
        brushDepth.getItems().setAll(Depth.values());
        brushDepth.valueProperty().bindBidirectional(model.depthProperty());
        brushTechnique.getItems().setAll(Technique.values());
        brushTechnique.valueProperty().bindBidirectional(model.techniqueProperty());
        model.amountErrorProperty().addListener((o, old, error) -> Forms.mark(brushAmount, error));
        model.scanErrorProperty().addListener((o, old, error) -> Forms.showError(chartScanError, error));
        model.scanStatusProperty().addListener((o, old, status) -> Forms.showStatus(chartScanStatus, status));
    }

    public BrushModel model() {
        return model;
    }

    /** The pack's barcode scanned (or typed + Enter): its lot, refused with the reason when it must not be used. */
    @FXML
    private void scanned() {
        String text = chartScanField.getText();
        chartScanField.clear();
        Product chosen = model.productProperty().get();
        Long productId = chosen == null ? null : chosen.id();
        model.scan(text).ifPresent(code -> background.run(() -> new Scanned(charts.lotForCode(code, productId),
                        charts.catalog()), s -> model.scanAccepted(s.lot(), s.catalog()),
                error -> model.scanRefused(Forms.message(error))));
    }

    private record Scanned(Lot lot, Catalog catalog) {
    }
}
