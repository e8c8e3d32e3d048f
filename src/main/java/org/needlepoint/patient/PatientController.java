package org.needlepoint.patient;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.store.StaleRecordException;

/** One patient's record: the header with age, allergies and alerts, and the editable form. */
public final class PatientController {
    private static final DateTimeFormatter DOB = PatientSearchController.DOB;

    private final PatientService patients;
    private final boolean canChart;
    private final Background background;
    private final Shell shell;

    @FXML private BorderPane patientRoot;
    @FXML private Button backButton;
    @FXML private Button saveButton;
    @FXML private Label savedLabel;
    @FXML private VBox header;
    @FXML private Label headerName;
    @FXML private Label headerAge;
    @FXML private Label headerChart;
    @FXML private Label headerAllergies;
    @FXML private Label headerAlerts;
    @FXML private Button newTreatmentButton;
    @FXML private javafx.scene.control.Tab treatmentsTab;
    @FXML private org.needlepoint.chart.VisitHistoryController historyController;
    @FXML private javafx.scene.control.Tab followUpsTab;
    @FXML private org.needlepoint.followup.PatientFollowUpsController followUpsController;
    @FXML private javafx.scene.control.Tab appointmentsTab;
    @FXML private org.needlepoint.schedule.PatientAppointmentsController appointmentsController;
    @FXML private javafx.scene.control.Tab consentsTab;
    @FXML private org.needlepoint.schedule.PatientConsentsController consentsController;
    @FXML private javafx.scene.control.Tab photosTab;
    @FXML private org.needlepoint.photo.PhotosController photosController;
    @FXML private Label patientError;
    @FXML private Button reloadButton;
    @FXML private ScrollPane formScroll;
    @FXML private TextField firstName;
    @FXML private TextField lastName;
    @FXML private TextField middleName;
    @FXML private TextField preferredName;
    @FXML private TextField birthDate;
    @FXML private ComboBox<Sex> sex;
    @FXML private TextField mobilePhone;
    @FXML private TextField otherPhone;
    @FXML private TextField email;
    @FXML private TextField addressLine;
    @FXML private TextField city;
    @FXML private TextField region;
    @FXML private TextField postalCode;
    @FXML private TextField emergencyName;
    @FXML private TextField emergencyPhone;
    @FXML private TextField emergencyRelation;
    @FXML private ComboBox<String> rewardsProgramme;
    @FXML private TextField rewardsMember;
    @FXML private TextArea allergies;
    @FXML private TextArea medications;
    @FXML private TextArea conditions;
    @FXML private ComboBox<Pregnancy> pregnancy;
    @FXML private TextField alerts;
    @FXML private CheckBox photoConsent;
    @FXML private CheckBox marketingConsent;
    @FXML private TextArea notes;

    private Map<String, Control> fields;
    private Patient current;
    private List<Object> baseline = List.of();
    private final Set<String> visited = new HashSet<>();
    private boolean saveAttempted;
    private boolean saving;

    public PatientController(PatientService patients, Session session, Background background, Shell shell) {
        this.patients = patients;
        this.canChart = session.user().map(u -> u.role() == Role.INJECTOR || u.role() == Role.ADMIN).orElse(false);
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        sex.setItems(FXCollections.observableArrayList(Sex.values()));
        pregnancy.setItems(FXCollections.observableArrayList(Pregnancy.values()));
        pregnancy.setValue(Pregnancy.UNKNOWN);
        rewardsProgramme.setItems(FXCollections.observableArrayList(PatientDetails.REWARDS_PROGRAMMES));
        fields = new LinkedHashMap<>();
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("middleName", middleName);
        fields.put("preferredName", preferredName);
        fields.put("birthDate", birthDate);
        fields.put("sex", sex);
        fields.put("mobilePhone", mobilePhone);
        fields.put("otherPhone", otherPhone);
        fields.put("email", email);
        fields.put("emergencyPhone", emergencyPhone);
        fields.put("rewardsProgramme", rewardsProgramme);
        fields.put("rewardsMember", rewardsMember);
        fields.put("allergies", allergies);
        fields.put("medications", medications);
        fields.put("conditions", conditions);
        fields.put("alerts", alerts);
        fields.put("notes", notes);
        fields.forEach((name, control) -> {
            control.focusedProperty().addListener((obs, was, is) -> {
                if (was && !is) {
                    visited.add(name);
                    showValidation();
                }
            });
            if (control instanceof TextInputControl t) {
                t.textProperty().addListener((obs, o, n) -> onEdited());
            }
        });
        sex.valueProperty().addListener((obs, o, n) -> onEdited());
        rewardsProgramme.getEditor().textProperty().addListener((obs, o, n) -> onEdited());
        rewardsProgramme.getEditor().focusedProperty().addListener((obs, was, is) -> {
            if (was && !is) {
                visited.add("rewardsProgramme");
                showValidation();
            }
        });
        patientRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.S && e.isShortcutDown()) {
                save();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                back();
                e.consume();
            }
        });
        header.setVisible(false);
        header.setManaged(false);
        newTreatmentButton.setVisible(canChart);
        newTreatmentButton.setManaged(canChart);
    }

    /** An empty form, pre-filled from the search text: "last, first", "first last", a phone or a birth date. */
    public void startNew(String searchText) {
        current = null;
        String t = searchText == null ? "" : searchText.strip();
        if (!t.isEmpty()) {
            if (Dates.looksLikeDate(t)) {
                birthDate.setText(t);
            } else if (!t.matches(".*\\p{L}.*")) {
                mobilePhone.setText(t);
            } else if (t.contains(",")) {
                lastName.setText(t.substring(0, t.indexOf(',')).strip());
                firstName.setText(t.substring(t.indexOf(',') + 1).strip());
            } else {
                String[] words = t.split("\\s+", 2);
                firstName.setText(words[0]);
                if (words.length > 1) {
                    lastName.setText(words[1]);
                }
            }
        }
        baseline = formState();
        savedLabel.setText("New patient — the chart number is assigned when you save");
        Platform.runLater(() -> (firstName.getText().isEmpty() ? firstName : lastName.getText().isEmpty() ? lastName
                : birthDate).requestFocus());
    }

    /** Loads a stored patient (the opening is audited by the service). */
    public void open(long id) {
        setBusy(true);
        background.run(() -> patients.open(id), p -> {
            setBusy(false);
            show(p);
            Platform.runLater(firstName::requestFocus);
        }, error -> {
            setBusy(false);
            Forms.showError(patientError, Forms.message(error));
        });
    }

    public Optional<Patient> patient() {
        return Optional.ofNullable(current);
    }

    public boolean isDirty() {
        return !formState().equals(baseline);
    }

    /** Asks before throwing typing away; true when the person agrees. */
    public boolean confirmDiscard() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The changes to this patient are not saved.",
                new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE),
                new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setHeaderText("Discard unsaved changes?");
        if (patientRoot.getScene() != null) {
            a.initOwner(patientRoot.getScene().getWindow());
        }
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private void show(Patient p) {
        current = p;
        PatientDetails d = p.details();
        firstName.setText(n(d.firstName()));
        lastName.setText(n(d.lastName()));
        middleName.setText(n(d.middleName()));
        preferredName.setText(n(d.preferredName()));
        birthDate.setText(DOB.format(d.birthDate()));
        sex.setValue(d.sex());
        mobilePhone.setText(n(d.mobilePhone()));
        otherPhone.setText(n(d.otherPhone()));
        email.setText(n(d.email()));
        addressLine.setText(n(d.addressLine()));
        city.setText(n(d.city()));
        region.setText(n(d.region()));
        postalCode.setText(n(d.postalCode()));
        emergencyName.setText(n(d.emergencyName()));
        emergencyPhone.setText(n(d.emergencyPhone()));
        emergencyRelation.setText(n(d.emergencyRelation()));
        rewardsProgramme.getEditor().setText(n(d.rewardsProgramme()));
        rewardsProgramme.setValue(d.rewardsProgramme());
        rewardsMember.setText(n(d.rewardsMember()));
        allergies.setText(n(d.allergies()));
        medications.setText(n(d.medications()));
        conditions.setText(n(d.conditions()));
        pregnancy.setValue(d.pregnancy());
        alerts.setText(n(d.alerts()));
        photoConsent.setSelected(d.photoConsent());
        marketingConsent.setSelected(d.marketingConsent());
        notes.setText(n(d.notes()));
        baseline = formState();
        saveAttempted = false;
        visited.clear();
        Forms.markAll(fields, Map.of());
        Forms.showError(patientError, null);
        showReload(false);
        showHeader(p);
    }

    private void showHeader(Patient p) {
        treatmentsTab.setDisable(false);
        historyController.setOnOpenVisit(visitId -> shell.openChart(p.id(), visitId));
        historyController.showPatient(p.id());
        PatientDetails d = p.details();
        followUpsTab.setDisable(false);
        followUpsController.showPatient(p.id(), d.displayName() + "  ·  chart " + p.chartNumber());
        appointmentsTab.setDisable(false);
        appointmentsController.showPatient(p.id());
        consentsTab.setDisable(false);
        consentsController.showPatient(p.id(), d.displayName() + "  ·  chart " + p.chartNumber());
        photosTab.setDisable(false);
        photosController.showPatient(p.id());
        header.setVisible(true);
        header.setManaged(true);
        headerName.setText(d.displayName());
        headerAge.setText(d.ageOn(patients.today()) + " years · born " + DOB.format(d.birthDate()) + " · " + d.sex());
        headerChart.setText("Chart " + p.chartNumber());
        boolean hasAllergies = d.allergies() != null;
        headerAllergies.setText(hasAllergies ? "ALLERGIES: " + d.allergies() : "No allergies recorded");
        headerAllergies.getStyleClass().removeAll("chip-alert", "chip-calm");
        headerAllergies.getStyleClass().add(hasAllergies ? "chip-alert" : "chip-calm");
        List<String> alertLines = d.alertLines();
        headerAlerts.setText(String.join("  ·  ", alertLines));
        headerAlerts.setVisible(!alertLines.isEmpty());
        headerAlerts.setManaged(!alertLines.isEmpty());
        savedLabel.setText("Last saved " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                .format(p.updatedAt().atZone(java.time.ZoneId.systemDefault())));
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private List<Object> formState() {
        return new ArrayList<>(Arrays.asList(firstName.getText(), lastName.getText(), middleName.getText(),
                preferredName.getText(), birthDate.getText(), sex.getValue(), mobilePhone.getText(), otherPhone.getText(),
                email.getText(), addressLine.getText(), city.getText(), region.getText(), postalCode.getText(),
                emergencyName.getText(), emergencyPhone.getText(), emergencyRelation.getText(), allergies.getText(),
                medications.getText(), conditions.getText(), pregnancy.getValue(), alerts.getText(),
                photoConsent.isSelected(), marketingConsent.isSelected(), notes.getText(),
                rewardsProgramme.getEditor().getText(), rewardsMember.getText()));
    }

    private PatientDetails read() {
        return new PatientDetails(firstName.getText(), middleName.getText(), lastName.getText(), preferredName.getText(),
                Dates.parse(birthDate.getText()).orElse(null), sex.getValue(), mobilePhone.getText(), otherPhone.getText(),
                email.getText(), addressLine.getText(), city.getText(), region.getText(), postalCode.getText(),
                emergencyName.getText(), emergencyPhone.getText(), emergencyRelation.getText(), allergies.getText(),
                medications.getText(), conditions.getText(), pregnancy.getValue(), photoConsent.isSelected(),
                marketingConsent.isSelected(), alerts.getText(), notes.getText(), rewardsProgramme.getEditor().getText(),
                rewardsMember.getText());
    }

    /** Problems in what is typed: the service's rules plus an unreadable birth date. */
    private Map<String, String> problems() {
        Map<String, String> e = new LinkedHashMap<>(patients.problems(read()));
        String dob = birthDate.getText().strip();
        if (!dob.isEmpty() && Dates.parse(dob).isEmpty()) {
            e.put("birthDate", Dates.looksLikeDate(dob) ? "There is no such date: " + dob + "."
                    : "Not a date: type MM/DD/YYYY or YYYY-MM-DD.");
        }
        return e;
    }

    private void onEdited() {
        if (saveAttempted || !visited.isEmpty()) {
            showValidation();
        }
    }

    private Map<String, String> showValidation() {
        Map<String, String> all = problems();
        Map<String, String> shown = new LinkedHashMap<>();
        all.forEach((field, msg) -> {
            if (saveAttempted || visited.contains(field)) {
                shown.put(field, msg);
            }
        });
        Forms.markAll(fields, shown);
        return all;
    }

    @FXML
    private void save() {
        if (saving) {
            return;
        }
        saveAttempted = true;
        Map<String, String> errors = showValidation();
        if (!errors.isEmpty()) {
            Forms.showError(patientError, new ValidationException(errors).getMessage());
            String first = errors.keySet().iterator().next();
            fields.get(first).requestFocus();
            return;
        }
        Forms.showError(patientError, null);
        submit(read(), false);
    }

    private void submit(PatientDetails d, boolean confirmedNotDuplicate) {
        Patient original = current;
        setBusy(true);
        background.run(() -> original == null ? patients.create(d, confirmedNotDuplicate) : patients.update(original, d), saved -> {
            setBusy(false);
            show(saved);
            shell.status("Saved " + saved.details().displayName() + ", chart " + saved.chartNumber());
        }, error -> {
            setBusy(false);
            if (error instanceof DuplicatePatientException dup) {
                askAboutDuplicate(dup, d);
            } else if (error instanceof ValidationException v) {
                Forms.markAll(fields, v.fieldErrors());
                Forms.showError(patientError, v.getMessage());
            } else {
                Forms.showError(patientError, Forms.message(error));
                showReload(error instanceof StaleRecordException);
            }
        });
    }

    private void askAboutDuplicate(DuplicatePatientException dup, PatientDetails d) {
        ListView<PatientSummary> list = new ListView<>(FXCollections.observableArrayList(dup.matches()));
        list.setId("duplicateList");
        list.setPrefHeight(Math.min(5, dup.matches().size()) * 34 + 8);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PatientSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + " · born " + DOB.format(s.birthDate())
                        + " · " + n(s.phone()) + " · chart " + s.chartNumber());
            }
        });
        list.getSelectionModel().select(0);
        ButtonType open = new ButtonType("Open existing record", ButtonBar.ButtonData.OK_DONE);
        ButtonType create = new ButtonType("Register as a new patient", ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, null, open, create, cancel);
        a.setTitle("Possible duplicate");
        a.setHeaderText(dup.getMessage());
        Label hint = new Label("The name and birth date, or a phone number, match. Open the existing record unless"
                + " you are sure this is a different person.");
        hint.setWrapText(true);
        a.getDialogPane().setContent(new VBox(10, hint, list));
        a.getDialogPane().setId("duplicateDialog");
        a.getDialogPane().lookupButton(open).setId("openExistingButton");
        a.getDialogPane().lookupButton(create).setId("createAnywayButton");
        a.getDialogPane().lookupButton(cancel).setId("cancelDuplicateButton");
        if (patientRoot.getScene() != null) {
            a.initOwner(patientRoot.getScene().getWindow());
        }
        Optional<ButtonType> choice = a.showAndWait();
        if (choice.isEmpty() || choice.get() == cancel) {
            return;
        }
        if (choice.get() == create) {
            submit(d, true);
        } else {
            PatientSummary s = list.getSelectionModel().getSelectedItem();
            baseline = formState();
            shell.openPatient(s.id());
        }
    }

    @FXML
    private void newTreatment() {
        if (current == null) {
            return;
        }
        if (isDirty() && !confirmDiscard()) {
            return;
        }
        baseline = formState();
        shell.openChart(current.id(), null);
    }

    @FXML
    private void reload() {
        if (current != null) {
            baseline = formState();
            open(current.id());
        }
    }

    @FXML
    private void back() {
        if (isDirty() && !confirmDiscard()) {
            return;
        }
        baseline = formState();
        shell.backToPatientSearch();
    }

    private void showReload(boolean show) {
        reloadButton.setVisible(show);
        reloadButton.setManaged(show);
    }

    private void setBusy(boolean busy) {
        saving = busy;
        saveButton.setDisable(busy);
    }
}
