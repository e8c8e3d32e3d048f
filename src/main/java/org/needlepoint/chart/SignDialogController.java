package org.needlepoint.chart;

import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;

/** The password asked when a chart is signed (SignDialogView.fxml). */
public final class SignDialogController {
    @FXML private DialogPane signPane;
    @FXML private ButtonType signType;
    @FXML private PasswordField signPassword;

    @FXML
    private void initialize() {
        signPane.lookupButton(signType).setId("confirmSignButton");
    }

    /** Shows the dialog with {@code header} (what is signed); the password typed when the injector signed. */
    public Optional<char[]> ask(String header, Window owner) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle("Sign chart");
        d.setDialogPane(signPane);
        signPane.setHeaderText(header);
        d.setResultConverter(b -> b == signType ? signPassword.getText().toCharArray() : null);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnShown(e -> Platform.runLater(signPassword::requestFocus));
        return d.showAndWait();
    }
}
