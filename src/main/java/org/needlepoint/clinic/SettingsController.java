package org.needlepoint.clinic;

import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/** The clinic profile and clinic-wide settings (the idle screen lock). */
public final class SettingsController implements AdminTab {
    private final ClinicService clinics;
    private final Background background;

    // not "clinicName": the main window's menu already has a label with that id
    @FXML private TextField clinicNameField;
    @FXML private TextField clinicAddressField;
    @FXML private TextField clinicPhoneField;
    @FXML private TextField idleMinutes;
    @FXML private Label settingsError;
    @FXML private Label settingsStatus;
    @FXML private Button saveSettingsButton;
    @FXML private javafx.scene.control.CheckBox requirePasswordToSign;
    @FXML private Label signingStatus;
    private boolean showingSigning;

    private Map<String, Control> fields;
    /** What is saved, as last read: the base for the optimistic version and for "what changed". */
    private Settings saved;

    public SettingsController(ClinicService clinics, Background background) {
        this.clinics = clinics;
        this.background = background;
    }

    @FXML
    private void initialize() {
        fields = Map.of("clinicName", clinicNameField, "clinicAddress", clinicAddressField, "clinicPhone", clinicPhoneField,
                "idleLockMinutes", idleMinutes);
        load(null);
        requirePasswordToSign.selectedProperty().addListener((o, was, now) -> {
            if (!showingSigning) {
                saveSigning(now);
            }
        });
        loadSigning();
    }

    private void loadSigning() {
        background.run(clinics::signingPasswordRequired, required -> {
            showingSigning = true;
            requirePasswordToSign.setSelected(required);
            showingSigning = false;
            requirePasswordToSign.setDisable(false);
        }, failure -> Forms.showError(settingsError, Forms.message(failure)));
    }

    private void saveSigning(boolean required) {
        Forms.showStatus(signingStatus, null);
        background.run(() -> {
            clinics.setSigningPasswordRequired(required);
            return required;
        }, now -> Forms.showStatus(signingStatus, now ? "Saved: every chart is signed with the full password."
                : "Saved: injectors with a signing PIN sign with it."), failure -> {
            Forms.showError(settingsError, Forms.message(failure));
            loadSigning();
        });
    }

    /** Shown again: reads the saved settings (another admin may have changed them) unless the form holds unsaved typing. */
    @Override
    public void refresh() {
        if (saved != null && !edited()) {
            load(null);
        }
    }

    private boolean edited() {
        return !clinicNameField.getText().equals(saved.clinic().name())
                || !java.util.Objects.equals(clinicAddressField.getText(), saved.clinic().address())
                || !java.util.Objects.equals(clinicPhoneField.getText(), saved.clinic().phone())
                || !idleMinutes.getText().equals(Integer.toString(saved.idleMinutes()));
    }

    /** Reads the saved settings into the form, then shows {@code error} (or nothing). */
    private void load(String error) {
        background.run(() -> new Settings(clinics.clinic().orElseThrow(), clinics.idleLockMinutes()), s -> {
            show(s);
            Forms.showError(settingsError, error);
        }, failure -> Forms.showError(settingsError, Forms.message(failure)));
    }

    private void show(Settings s) {
        saved = s;
        clinicNameField.setText(s.clinic().name());
        clinicAddressField.setText(s.clinic().address());
        clinicPhoneField.setText(s.clinic().phone());
        idleMinutes.setText(Integer.toString(s.idleMinutes()));
        Forms.markAll(fields, Map.of());
        saveSettingsButton.setDisable(false);
    }

    @FXML
    private void save() {
        Forms.showStatus(settingsStatus, null);
        Forms.showError(settingsError, null);
        Forms.markAll(fields, Map.of());
        Clinic profile = new Clinic(clinicNameField.getText(), clinicAddressField.getText(), clinicPhoneField.getText(),
                saved.clinic().version());
        int minutes;
        try {
            minutes = Integer.parseInt(idleMinutes.getText().strip());
        } catch (NumberFormatException e) {
            String message = "Type the idle lock as a whole number of minutes, 1 to 240.";
            Forms.markAll(fields, Map.of("idleLockMinutes", message));
            Forms.showError(settingsError, message);
            return;
        }
        boolean profileChanged = !profile.equals(saved.clinic());
        boolean minutesChanged = minutes != saved.idleMinutes();
        if (!profileChanged && !minutesChanged) {
            Forms.showStatus(settingsStatus, "Nothing to save: no setting was changed.");
            return;
        }
        saveSettingsButton.setDisable(true);
        background.run(() -> {
            if (profileChanged) {
                profile.validate(); // so bad input saves neither part
            }
            if (minutesChanged) {
                clinics.setIdleLockMinutes(minutes);
            }
            return new Settings(profileChanged ? clinics.update(profile) : saved.clinic(), minutes);
        }, now -> {
            boolean renamed = !now.clinic().name().equals(saved.clinic().name());
            show(now);
            Forms.showStatus(settingsStatus, "Saved." + (minutesChanged ? " The screen now locks after " + minutes
                    + " minutes without input." : "") + (renamed ? " The new name shows in the menu from the next sign-in." : ""));
        }, error -> {
            saveSettingsButton.setDisable(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(fields, v.fieldErrors());
                Forms.showError(settingsError, v.getMessage());
            } else if (error instanceof StaleRecordException) {
                load((minutesChanged ? "The idle lock was saved, but not the clinic profile. " : "")
                        + Forms.message(error) + " The form now shows the saved settings.");
            } else {
                Forms.showError(settingsError, Forms.message(error));
            }
        });
    }

    /** The settings this screen edits, as one snapshot. */
    private record Settings(Clinic clinic, int idleMinutes) {
    }
}
