package org.needlepoint.chart;

import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.SigningMethod;

/**
 * What is asked when a chart is signed (SignDialogView.fxml): the injector's signing PIN on a big
 * keypad (typed digits work too; the sixth digit signs), or their password (no PIN, the clinic
 * requires the password, or they choose it).
 */
public final class SignDialogController {
    @FXML private DialogPane signPane;
    @FXML private ButtonType signType;
    @FXML private VBox passwordBox;
    @FXML private PasswordField signPassword;
    @FXML private VBox pinBox;
    @FXML private PasswordField signPin;
    @FXML private GridPane pinPad;
    @FXML private Hyperlink usePasswordLink;

    private Dialog<SignSecret> dialog;
    private boolean pinMode;

    @FXML
    private void initialize() {
        signPane.lookupButton(signType).setId("confirmSignButton");
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "\u232B"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = new Button(k);
            b.setId(k.equals("C") ? "pinClear" : k.equals("\u232B") ? "pinBack" : "pinKey-" + k);
            b.getStyleClass().add("pin-key");
            b.setMinSize(72, 56);
            b.setFocusTraversable(false);
            b.setOnAction(e -> key(k));
            pinPad.add(b, i % 3, i / 3);
        }
        // digits only, at most six; the sixth signs
        signPin.setTextFormatter(new javafx.scene.control.TextFormatter<String>(ch ->
                ch.getControlNewText().matches("\\d{0," + AuthService.PIN_LENGTH + "}") ? ch : null));
        signPin.textProperty().addListener((o, was, now) -> {
            if (pinMode && now.length() == AuthService.PIN_LENGTH && dialog != null) {
                Platform.runLater(() -> {
                    dialog.setResult(new SignSecret(signPin.getText().toCharArray(), true));
                    dialog.close();
                });
            }
        });
    }

    private void key(String k) {
        String t = signPin.getText();
        if (k.equals("C")) {
            signPin.clear();
        } else if (k.equals("\u232B")) {
            signPin.setText(t.isEmpty() ? t : t.substring(0, t.length() - 1));
        } else {
            signPin.appendText(k);
        }
        signPin.positionCaret(signPin.getText().length());
    }

    @FXML
    private void usePassword() {
        mode(false);
        Platform.runLater(signPassword::requestFocus);
    }

    private void mode(boolean pin) {
        pinMode = pin;
        pinBox.setVisible(pin);
        pinBox.setManaged(pin);
        passwordBox.setVisible(!pin);
        passwordBox.setManaged(!pin);
        signPane.lookupButton(signType).setVisible(!pin);
        signPane.lookupButton(signType).setManaged(!pin);
        if (signPane.getScene() != null && signPane.getScene().getWindow() != null) {
            signPane.getScene().getWindow().sizeToScene();
        }
    }

    /**
     * Shows the dialog with {@code header} (what is signed), asking for the PIN or the password as
     * {@code method} says; what the injector gave, or empty when cancelled.
     */
    public Optional<SignSecret> ask(String header, Window owner, SigningMethod method) {
        dialog = new Dialog<>();
        dialog.setTitle("Sign chart");
        dialog.setDialogPane(signPane);
        signPane.setHeaderText(header);
        mode(method == SigningMethod.PIN);
        dialog.setResultConverter(b -> b == signType ? new SignSecret(pinMode ? signPin.getText().toCharArray()
                : signPassword.getText().toCharArray(), pinMode) : null);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setOnShown(e -> Platform.runLater(() -> (pinMode ? signPin : signPassword).requestFocus()));
        return dialog.showAndWait();
    }
}
