package org.needlepoint.chart;

import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.needlepoint.inventory.Lot;
import org.needlepoint.ui.Forms;

/** The "Open a vial" dialog (OpenVialDialogView.fxml) bound to an {@link OpenVialModel}. */
public final class OpenVialDialogController {
    @FXML private DialogPane openVialPane;
    @FXML private ButtonType openVialType;
    @FXML private ComboBox<Lot> vialLotChoice;
    @FXML private TextField vialDiluentField;
    @FXML private TextField vialVolumeField;
    @FXML private Label vialConcentration;
    @FXML private Label vialOpenError;
    private OpenVialModel model;

    @FXML
    private void initialize() {
        Button open = (Button) openVialPane.lookupButton(openVialType);
        open.setId("confirmOpenVialButton");
        // an incomplete form stays open, saying what is missing
        open.addEventFilter(ActionEvent.ACTION, e -> {
            if (model == null || model.confirm().isEmpty()) {
                e.consume();
            }
        });
    }

    /** Shows the dialog over {@code owner}; the request when the injector confirmed it. */
    public Optional<OpenVialModel.Request> ask(OpenVialModel m, Window owner) {
        model = m;
        vialLotChoice.setItems(m.lots());
        vialLotChoice.valueProperty().bindBidirectional(m.lotProperty());
        vialDiluentField.textProperty().bindBidirectional(m.diluentProperty());
        vialVolumeField.textProperty().bindBidirectional(m.volumeProperty());
        vialConcentration.textProperty().bind(m.concentrationProperty());
        Forms.showError(vialOpenError, m.errorProperty().get());
        m.errorProperty().addListener((o, old, text) -> Forms.showError(vialOpenError, text));
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Open a vial");
        d.setDialogPane(openVialPane);
        openVialPane.setHeaderText(m.header());
        if (owner != null) {
            d.initOwner(owner);
        }
        return d.showAndWait().filter(b -> b == openVialType).flatMap(b -> m.confirm());
    }
}
