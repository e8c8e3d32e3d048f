package org.needlepoint.security;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/** The idle-lock cover: the same user's password, or switch user. */
public final class LockController {
    private final AuthService auth;
    private final Session session;
    private final Background background;
    private final Runnable onUnlocked;
    private final Runnable onSwitchUser;

    @FXML private Label lockedUser;
    @FXML private PasswordField unlockPassword;
    @FXML private Label lockError;
    @FXML private Button unlockButton;
    @FXML private Button switchUserButton;

    public LockController(AuthService auth, Session session, Background background, Runnable onUnlocked,
                          Runnable onSwitchUser) {
        this.auth = auth;
        this.session = session;
        this.background = background;
        this.onUnlocked = onUnlocked;
        this.onSwitchUser = onSwitchUser;
    }

    @FXML
    private void initialize() {
        session.user().ifPresent(u -> lockedUser.setText("Signed in as " + u.displayName() + " (" + u.role().label()
                + "). Enter your password to continue."));
    }

    public void focus() {
        unlockPassword.requestFocus();
    }

    @FXML
    private void unlock() {
        char[] pw = unlockPassword.getText().toCharArray();
        unlockButton.setDisable(true);
        background.run(() -> auth.unlock(pw), u -> {
            unlockButton.setDisable(false);
            unlockPassword.clear();
            onUnlocked.run();
        }, error -> {
            unlockButton.setDisable(false);
            unlockPassword.clear();
            Forms.showError(lockError, Forms.message(error));
        });
    }

    @FXML
    private void switchUser() {
        onSwitchUser.run();
    }
}
