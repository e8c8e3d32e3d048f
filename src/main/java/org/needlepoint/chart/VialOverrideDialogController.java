package org.needlepoint.chart;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The reason asked before charting from a vial past its usable hours (VialOverrideDialogView.fxml). */
public final class VialOverrideDialogController {
    @FXML private DialogPane overridePane;
    @FXML private ButtonType useVialType;
    @FXML private TextArea vialOverrideReason;

    @FXML
    private void initialize() {
        var use = overridePane.lookupButton(useVialType);
        use.setId("confirmVialOverrideButton");
        use.disableProperty().bind(Bindings.createBooleanBinding(() -> !VialsModel.isReason(vialOverrideReason.getText()),
                vialOverrideReason.textProperty()));
    }

    /** Shows the dialog with {@code header} (what is past its hours); the reason when the injector gave one. */
    public Optional<String> ask(String header, Window owner) {
        Dialog<String> d = new Dialog<>();
        d.setTitle("Vial past its usable hours");
        d.setDialogPane(overridePane);
        overridePane.setHeaderText(header);
        d.setResultConverter(b -> b == useVialType ? vialOverrideReason.getText().strip() : null);
        if (owner != null) {
            d.initOwner(owner);
        }
        return d.showAndWait().filter(VialsModel::isReason);
    }
}
