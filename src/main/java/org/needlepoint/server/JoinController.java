package org.needlepoint.server;

import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.common.ValidationException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * First run, "Join this clinic's server": the form ({@link JoinForm}), then the server certificate's
 * fingerprint to compare with the server's screen. "Same" continues to the joined clinic's sign-in
 * ({@code onJoined}); "Different" takes the link away again ({@link JoinFolder#leave}).
 */
public final class JoinController {
    private final JoinForm form;
    private final Background background;
    private final Consumer<JoinClient.Joined> onJoined;
    private JoinClient.Joined joined;
    /** True while joining, and once joined until the fingerprint is answered: the first-run screen offers nothing else meanwhile. */
    private final javafx.beans.property.BooleanProperty engaged = new javafx.beans.property.SimpleBooleanProperty();

    @FXML private VBox joinForm;
    @FXML private TextField joinAddress;
    @FXML private Label joinAddressError;
    @FXML private TextField joinCode;
    @FXML private Label joinCodeError;
    @FXML private TextField joinPcName;
    @FXML private Label joinPcNameError;
    @FXML private Label joinError;
    @FXML private HBox joinBusy;
    @FXML private Label joinProgress;
    @FXML private Button joinButton;
    @FXML private VBox joinResult;
    @FXML private Label joinedClinic;
    @FXML private Label joinFingerprint;
    @FXML private Button joinContinueButton;
    @FXML private Button joinRejectButton;

    public JoinController(JoinForm form, Background background, Consumer<JoinClient.Joined> onJoined) {
        this.form = form;
        this.background = background;
        this.onJoined = onJoined;
    }

    @FXML
    private void initialize() {
        background.run(JoinForm::suggestedName, name -> {
            if (joinPcName.getText().isBlank()) {
                joinPcName.setText(name);
            }
        }, error -> { });
    }

    public javafx.beans.property.ReadOnlyBooleanProperty engagedProperty() {
        return engaged;
    }

    @FXML
    private void join() {
        String address = joinAddress.getText();
        String code = joinCode.getText();
        String name = joinPcName.getText();
        showErrors(Map.of(), null);
        busy("Contacting the clinic server at " + address.strip() + "…");
        background.run(() -> form.join(address, code, name), j -> {
            busy(null);
            joined = j;
            joinedClinic.setText("This PC has joined the clinic server of " + j.link().clinic() + " at "
                    + j.link().address() + ".");
            joinFingerprint.setText(JoinForm.forReading(j.fingerprint()));
            show(joinForm, false);
            show(joinResult, true);
            engaged.set(true);
            joinContinueButton.requestFocus();
        }, error -> {
            busy(null);
            if (error instanceof ValidationException v) {
                showErrors(v.fieldErrors(), null);
            } else {
                showErrors(Map.of(), Forms.message(error));
            }
        });
    }

    /** The fingerprints are the same: on to the joined clinic. */
    @FXML
    private void sameFingerprint() {
        joinContinueButton.setDisable(true);
        joinRejectButton.setDisable(true);
        onJoined.accept(joined);
    }

    /** The fingerprints differ: this PC does not keep the link, and says whom to tell. */
    @FXML
    private void differentFingerprint() {
        joinContinueButton.setDisable(true);
        joinRejectButton.setDisable(true);
        String pc = joined.link().pcName();
        background.run(() -> {
            JoinFolder.leave(form.folder());
            return null;
        }, ok -> {
            joined = null;
            engaged.set(false);
            show(joinResult, false);
            show(joinForm, true);
            joinContinueButton.setDisable(false);
            joinRejectButton.setDisable(false);
            joinCode.clear();
            showErrors(Map.of(), "This PC did not join: that server is not the clinic's. Tell the clinic's administrator"
                    + " that the fingerprints differed, so the PC \"" + pc + "\" is removed from the clinic's list of PCs.");
        }, error -> {
            joinContinueButton.setDisable(false);
            joinRejectButton.setDisable(false);
            Forms.showError(joinError, Forms.message(error));
        });
    }

    private void showErrors(Map<String, String> fields, String whole) {
        field(joinAddress, joinAddressError, fields.get(JoinForm.ADDRESS));
        field(joinCode, joinCodeError, fields.get(JoinForm.CODE));
        field(joinPcName, joinPcNameError, fields.get(JoinForm.NAME));
        Forms.showError(joinError, whole);
        Control first = fields.containsKey(JoinForm.ADDRESS) ? joinAddress : fields.containsKey(JoinForm.CODE) ? joinCode
                : fields.containsKey(JoinForm.NAME) ? joinPcName : null;
        if (first != null) {
            first.requestFocus();
        }
    }

    private static void field(Control control, Label label, String message) {
        Forms.mark(control, message);
        Forms.showError(label, message);
    }

    private void busy(String what) {
        boolean on = what != null;
        engaged.set(on);
        show(joinBusy, on);
        joinProgress.setText(on ? what : "");
        joinButton.setDisable(on);
        joinAddress.setDisable(on);
        joinCode.setDisable(on);
        joinPcName.setDisable(on);
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
