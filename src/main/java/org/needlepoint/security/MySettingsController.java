package org.needlepoint.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.needlepoint.common.ValidationException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;

/**
 * My settings: the signed-in person sets or removes their own signing PIN (after their password)
 * and chooses their theme, applied at once. Every rule is {@link AuthService}'s.
 */
public final class MySettingsController {
    private final AuthService auth;
    private final Background background;
    private final Shell shell;

    @FXML private Label pinState;
    @FXML private PasswordField myPassword;
    @FXML private PasswordField myPin;
    @FXML private PasswordField myPinRepeat;
    @FXML private Label pinError;
    @FXML private Label pinStatus;
    @FXML private Button savePinButton;
    @FXML private Button removePinButton;
    @FXML private ToggleGroup themeGroup;
    @FXML private ToggleButton themeLight;
    @FXML private ToggleButton themeDark;
    @FXML private Label themeStatus;

    private Map<String, Control> fields;
    private boolean loading;

    public MySettingsController(AuthService auth, Background background, Shell shell) {
        this.auth = auth;
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        fields = new LinkedHashMap<>();
        fields.put("password", myPassword);
        fields.put("pin", myPin);
        fields.put("repeat", myPinRepeat);
        themeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                themeGroup.selectToggle(was); // one is always chosen
            } else if (!loading) {
                chooseTheme(now == themeDark ? Theme.DARK : Theme.LIGHT);
            }
        });
        load();
    }

    private record State(boolean hasPin, boolean passwordRequired, Theme theme) {
    }

    private void load() {
        background.run(() -> new State(auth.hasSigningPin(), auth.passwordRequiredToSign(), auth.theme()), s -> {
            loading = true;
            themeGroup.selectToggle(s.theme() == Theme.DARK ? themeDark : themeLight);
            loading = false;
            removePinButton.setDisable(!s.hasPin());
            pinState.setText(s.passwordRequired()
                    ? "The clinic asks for the full password to sign charts: " + (s.hasPin() ? "your PIN is kept but not"
                    + " used." : "a PIN would not be used.")
                    : s.hasPin() ? "You sign charts with your PIN." : "No signing PIN yet: you sign charts with your"
                    + " password.");
        }, error -> Forms.showError(pinError, Forms.message(error)));
    }

    @FXML
    private void savePin() {
        char[] password = myPassword.getText().toCharArray();
        char[] pin = myPin.getText().toCharArray();
        char[] repeat = myPinRepeat.getText().toCharArray();
        run(() -> auth.setSigningPin(password, pin, repeat), "Saved: sign your charts with your new PIN.",
                password, pin, repeat);
    }

    @FXML
    private void removePin() {
        char[] password = myPassword.getText().toCharArray();
        run(() -> auth.removeSigningPin(password), "Removed: you sign your charts with your password.", password);
    }

    private void run(Runnable change, String done, char[]... secrets) {
        Forms.showError(pinError, null);
        Forms.showStatus(pinStatus, null);
        Forms.markAll(fields, Map.of());
        savePinButton.setDisable(true);
        background.run(() -> {
            try {
                change.run();
            } finally {
                for (char[] s : secrets) {
                    Arrays.fill(s, '\0');
                }
            }
            return null;
        }, ok -> {
            savePinButton.setDisable(false);
            myPassword.clear();
            myPin.clear();
            myPinRepeat.clear();
            Forms.showStatus(pinStatus, done);
            load();
        }, error -> {
            savePinButton.setDisable(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(fields, v.fieldErrors());
            } else if (error instanceof SignInException) {
                Forms.markAll(fields, Map.of("password", error.getMessage()));
            }
            Forms.showError(pinError, Forms.message(error));
        });
    }

    private void chooseTheme(Theme theme) {
        shell.useDarkTheme(theme == Theme.DARK);
        background.run(() -> {
            auth.setTheme(theme);
            return theme;
        }, t -> Forms.showStatus(themeStatus, t == Theme.DARK ? "Dark theme: kept for you on every PC."
                : "Light theme: kept for you on every PC."), error -> Forms.showError(themeStatus, Forms.message(error)));
    }
}
