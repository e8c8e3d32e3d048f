package org.needlepoint.security;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/** The sign-in form. */
public final class SignInController {
    private final Supplier<AuthService> auth;
    private final Background background;
    private String clinicName;
    private final Consumer<User> onSignedIn;

    @FXML private Label clinicLabel;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Label signInError;
    @FXML private Button signInButton;

    /** {@code auth} is asked for only when the person signs in: the store may still be opening when the form shows. */
    public SignInController(Supplier<AuthService> auth, Background background, String clinicName,
                            Consumer<User> onSignedIn) {
        this.auth = auth;
        this.background = background;
        this.clinicName = clinicName;
        this.onSignedIn = onSignedIn;
    }

    @FXML
    private void initialize() {
        clinicLabel.setText(clinicName);
        Platform.runLater(username::requestFocus);
    }

    /** While the store opens, the form can be filled in but not sent. */
    public void waitForStore() {
        signInButton.setDisable(true);
        signInButton.setText("Opening the clinic's records…");
    }

    /** The store is open: the form can be sent (a press of Enter while waiting is honoured now). */
    public void storeReady(String clinic) {
        clinicName = clinic;
        clinicLabel.setText(clinic);
        signInButton.setText("Sign in");
        signInButton.setDisable(false);
    }

    public void showMessage(String message) {
        signInError.setStyle(null);
        Forms.showError(signInError, message);
    }

    /** Something that went well but must be read before signing in (a restore): same place, calm colours. */
    public void showNotice(String message) {
        Forms.showError(signInError, message);
        signInError.setStyle("-fx-background-color: -color-success-subtle; -fx-text-fill: -color-success-fg;");
    }

    @FXML
    private void signIn() {
        String name = username.getText();
        char[] pw = password.getText().toCharArray();
        if (name.isBlank()) {
            Forms.showError(signInError, "Enter your username.");
            username.requestFocus();
            return;
        }
        signInButton.setDisable(true);
        background.run(() -> auth.get().signIn(name, pw), user -> {
            signInButton.setDisable(false);
            password.clear();
            onSignedIn.accept(user);
        }, error -> {
            signInButton.setDisable(false);
            password.clear();
            password.requestFocus();
            Forms.showError(signInError, Forms.message(error));
        });
    }
}
