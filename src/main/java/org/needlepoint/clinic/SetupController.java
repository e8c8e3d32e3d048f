package org.needlepoint.clinic;

import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.security.UserDraft;

/** First run: the clinic and its first administrator, who is then signed in. */
public final class SetupController {
    private final ClinicService clinic;
    private final AuthService auth;
    private final Background background;
    private final Consumer<User> onDone;

    @FXML private TextField clinicName;
    @FXML private TextField clinicAddress;
    @FXML private TextField clinicPhone;
    @FXML private TextField adminFullName;
    @FXML private TextField adminUsername;
    @FXML private PasswordField adminPassword;
    @FXML private PasswordField adminConfirm;
    @FXML private Label setupError;
    @FXML private Label setupDataFolder;
    @FXML private Button createButton;

    public SetupController(ClinicService clinic, AuthService auth, Background background, Consumer<User> onDone) {
        this.clinic = clinic;
        this.auth = auth;
        this.background = background;
        this.onDone = onDone;
    }

    @FXML
    private void initialize() {
        javafx.application.Platform.runLater(clinicName::requestFocus);
    }

    /**
     * Says where the new clinic's records will be kept: setup on a PC that has been in use means the
     * clinic's data folder is missing (a disconnected disk or share), not that there is no clinic.
     */
    public void showDataFolder(java.nio.file.Path folder) {
        setupDataFolder.setText("The clinic's records will be kept in " + folder + ". If this clinic already uses"
                + " Needlepoint on this PC, its records are not in that folder: close Needlepoint and check that the disk"
                + " or network share holding them is connected, or restore a backup (the restore command).");
        setupDataFolder.setVisible(true);
        setupDataFolder.setManaged(true);
    }

    @FXML
    private void create() {
        Clinic c = new Clinic(clinicName.getText(), clinicAddress.getText(), clinicPhone.getText(), 0);
        UserDraft admin = new UserDraft(adminUsername.getText(), adminFullName.getText(), Role.ADMIN, null, null);
        char[] pw = adminPassword.getText().toCharArray();
        char[] confirm = adminConfirm.getText().toCharArray();
        createButton.setDisable(true);
        background.run(() -> {
            clinic.setUp(c, admin, pw, confirm);
            return auth.signIn(admin.username(), pw);
        }, user -> {
            createButton.setDisable(false);
            onDone.accept(user);
        }, error -> {
            createButton.setDisable(false);
            Map<String, String> fieldErrors = error instanceof ValidationException v ? v.fieldErrors() : Map.of();
            Forms.markAll(Map.of("clinicName", clinicName, "clinicAddress", clinicAddress, "clinicPhone", clinicPhone,
                    "fullName", adminFullName, "username", adminUsername, "password", adminPassword,
                    "confirm", adminConfirm), fieldErrors);
            Forms.showError(setupError, Forms.message(error));
        });
    }
}
