package org.needlepoint.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.patient.SearchQuery;

/**
 * "Patient called reporting …": any staff, the front desk foremost, picks the patient (the patient
 * search), types what they report and when they phoned (now by default), and the report waits in
 * the injectors' review list ({@link AdverseEventService#logPatientReport}). On a patient's record
 * the patient is fixed ({@link #fixPatient}).
 */
public final class PatientCallController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final PatientService patients;
    private final AdverseEventService events;
    private final Background background;
    private final Clock clock;

    @FXML private VBox callRoot;
    @FXML private Label callTitle;
    @FXML private VBox callSearchBox;
    @FXML private TextField callSearch;
    @FXML private ListView<PatientSummary> callResults;
    @FXML private Label callResultsEmpty;
    @FXML private VBox callChosenBox;
    @FXML private Label callPatient;
    @FXML private Button callChange;
    @FXML private TextArea callText;
    @FXML private TextField callDate;
    @FXML private TextField callTime;
    @FXML private Button callSave;
    @FXML private Label callError;
    @FXML private Label callDone;

    private PatientSummary chosen;
    private Long fixedPatient;
    private long searches;
    private boolean saving;
    private boolean saveAttempted;
    private Map<String, Control> fields;
    private Consumer<PatientReport> onLogged = r -> { };

    public PatientCallController(PatientService patients, AdverseEventService events, Background background, Clock clock) {
        this.patients = Objects.requireNonNull(patients);
        this.events = Objects.requireNonNull(events);
        this.background = Objects.requireNonNull(background);
        this.clock = Objects.requireNonNull(clock);
    }

    @FXML
    private void initialize() {
        fields = new LinkedHashMap<>();
        fields.put("patient", callSearch);
        fields.put("text", callText);
        fields.put("phonedAt", callTime);
        callResults.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PatientSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + "   ·   born "
                        + TaskActionController.US_DATE.format(s.birthDate()) + "   ·   " + (s.phone() == null ? "no phone"
                        : s.phone()) + "   ·   chart " + s.chartNumber());
            }
        });
        callSearch.textProperty().addListener((o, a, text) -> search(text));
        callSearch.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !callResults.getItems().isEmpty()) {
                callResults.requestFocus();
                if (callResults.getSelectionModel().isEmpty()) {
                    callResults.getSelectionModel().select(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                choose(callResults.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        callResults.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(callResults.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        callResults.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && callResults.getSelectionModel().getSelectedItem() != null) {
                choose(callResults.getSelectionModel().getSelectedItem());
            }
        });
        callText.textProperty().addListener((o, a, b) -> recheck());
        callDate.textProperty().addListener((o, a, b) -> recheck());
        callTime.textProperty().addListener((o, a, b) -> recheck());
        callText.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                save();
                e.consume();
            }
        });
        Forms.showStatus(callDone, null);
        reset();
    }

    /** The report is about this patient only (their record): no search. */
    public void fixPatient(long patientId, String name) {
        fixedPatient = patientId;
        chosen = null;
        callPatient.setText(name);
        show(callSearchBox, false);
        show(callChosenBox, true);
        show(callChange, false);
        callTitle.setText("Patient called reporting …");
    }

    /** Called with each report logged (the patient's record lists it). */
    public void setOnLogged(Consumer<PatientReport> handler) {
        this.onLogged = Objects.requireNonNull(handler);
    }

    /** True while a report is typed but not sent. */
    public boolean hasUnsavedWork() {
        return !callText.getText().isBlank();
    }

    /** An empty form with the time set to now. */
    public void reset() {
        if (fixedPatient == null) {
            chosen = null;
            callSearch.clear();
            callResults.getItems().clear();
            show(callSearchBox, true);
            show(callChosenBox, false);
        }
        saveAttempted = false;
        callText.clear();
        now();
        Forms.markAll(fields, Map.of());
        Forms.mark(callDate, null);
        Forms.showError(callError, null);
    }

    /** After a refused save, the marks follow the typing: a corrected field loses its mark at once. */
    private void recheck() {
        if (saveAttempted) {
            show(check());
        }
    }

    private record Checked(Map<String, String> errors, Long patientId, Instant phonedAt) {
    }

    private Checked check() {
        Map<String, String> errors = new LinkedHashMap<>();
        Long patientId = fixedPatient != null ? fixedPatient : chosen == null ? null : chosen.id();
        if (patientId == null) {
            errors.put("patient", "Choose the patient who phoned.");
        }
        if (callText.getText().isBlank()) {
            errors.put("text", "Write what the patient reported.");
        }
        Instant at = null;
        LocalDate day = Dates.parse(callDate.getText()).orElse(null);
        LocalTime time = null;
        try {
            time = LocalTime.parse(callTime.getText().strip(), DateTimeFormatter.ofPattern("H:mm", Locale.ENGLISH));
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (day == null || time == null) {
            errors.put("phonedAt", "Enter when the patient phoned: the date as MM/DD/YYYY and the time as HH:MM.");
        } else {
            at = LocalDateTime.of(day, time).atZone(clock.getZone()).toInstant();
        }
        return new Checked(errors, patientId, at);
    }

    private void show(Checked k) {
        Forms.markAll(fields, k.errors());
        Forms.mark(callDate, k.errors().get("phonedAt"));
        Forms.showError(callError, k.errors().isEmpty() ? null : new ValidationException(k.errors()).getMessage());
    }

    /** Puts the cursor where the person starts: the patient search, or the report when the patient is known. */
    public void focus() {
        Platform.runLater(() -> (fixedPatient == null && chosen == null ? callSearch : callText).requestFocus());
    }

    @FXML
    private void now() {
        LocalDateTime t = LocalDateTime.now(clock);
        callDate.setText(TaskActionController.US_DATE.format(t.toLocalDate()));
        callTime.setText(TIME.format(t));
    }

    private void search(String text) {
        long mine = ++searches;
        SearchQuery q = SearchQuery.parse(text);
        if (q.isEmpty() || q.badDate()) {
            callResults.getItems().clear();
            callResultsEmpty.setText(q.badDate() ? "“" + text.strip() + "” is not a real date."
                    : "Type the patient's name, phone, birth date or chart number.");
            return;
        }
        background.run(() -> patients.search(text), (List<PatientSummary> rows) -> {
            if (mine == searches) {
                callResults.getItems().setAll(rows);
                callResultsEmpty.setText("No patient matches “" + text.strip() + "”.");
                if (!rows.isEmpty()) {
                    callResults.getSelectionModel().select(0);
                }
            }
        }, error -> {
            if (mine == searches) {
                callResults.getItems().clear();
                callResultsEmpty.setText(Forms.message(error));
            }
        });
    }

    private void choose(PatientSummary s) {
        if (s == null) {
            return;
        }
        chosen = s;
        callPatient.setText(s.displayName() + "  ·  chart " + s.chartNumber() + (s.phone() == null ? "" : "  ·  " + s.phone()));
        show(callSearchBox, false);
        show(callChosenBox, true);
        show(callChange, true);
        Forms.showStatus(callDone, null);
        recheck();
        Platform.runLater(callText::requestFocus);
    }

    @FXML
    private void change() {
        chosen = null;
        show(callChosenBox, false);
        show(callSearchBox, true);
        Platform.runLater(() -> {
            callSearch.requestFocus();
            callSearch.selectAll();
        });
    }

    @FXML
    private void save() {
        if (saving) {
            return;
        }
        saveAttempted = true;
        Checked k = check();
        show(k);
        if (!k.errors().isEmpty()) {
            return;
        }
        String who = fixedPatient != null ? callPatient.getText() : chosen.displayName();
        long id = k.patientId();
        Instant phonedAt = k.phonedAt();
        String text = callText.getText();
        saving = true;
        callSave.setDisable(true);
        background.run(() -> events.logPatientReport(id, text, phonedAt), report -> {
            saving = false;
            callSave.setDisable(false);
            Forms.showStatus(callDone, "Logged the call of " + who + " at " + TIME.format(report.phonedAt()
                    .atZone(clock.getZone())) + ". It is waiting for an injector's review.");
            reset();
            focus();
            onLogged.accept(report);
        }, error -> {
            saving = false;
            callSave.setDisable(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(fields, v.fieldErrors());
                Forms.mark(callDate, v.fieldErrors().get("phonedAt"));
            }
            Forms.showError(callError, Forms.message(error));
        });
    }

    private static void show(javafx.scene.Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }
}
