package org.needlepoint.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;

/**
 * The Follow-ups tab of a patient's record: their tasks (open first), their phoned-in reports and,
 * for injectors and administrators, their side effects; read-only apart from logging a call on an
 * open task, snoozing it, and "patient called reporting …".
 */
public final class PatientFollowUpsController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private record Loaded(List<FollowUpTask> tasks, List<PatientReport> reports, List<AdverseEventSummary> events) {
    }

    private final FollowUpService followUps;
    private final AdverseEventService events;
    private final Background background;
    private final User user;
    private final Clock clock;

    @FXML private VBox patientFollowUpsRoot;
    @FXML private Label pfuSummary;
    @FXML private Label pfuStatus;
    @FXML private Label pfuError;
    @FXML private Button pfuLogCall;
    @FXML private Button pfuSnooze;
    @FXML private Button pfuReport;
    @FXML private TableView<FollowUpTask> pfuTasks;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskDue;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskKind;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskReason;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskStatus;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskCalls;
    @FXML private TableColumn<FollowUpTask, String> pfuTaskNote;
    @FXML private TableView<PatientReport> pfuReports;
    @FXML private TableColumn<PatientReport, String> pfuReportWhen;
    @FXML private TableColumn<PatientReport, String> pfuReportText;
    @FXML private TableColumn<PatientReport, String> pfuReportStatus;
    @FXML private VBox pfuEventsBox;
    @FXML private TableView<AdverseEventSummary> pfuEvents;
    @FXML private TableColumn<AdverseEventSummary, String> pfuEventOnset;
    @FXML private TableColumn<AdverseEventSummary, String> pfuEventWhat;
    @FXML private TableColumn<AdverseEventSummary, String> pfuEventGrade;
    @FXML private TableColumn<AdverseEventSummary, String> pfuEventOutcome;
    @FXML private VBox pfuCallBox;
    @FXML private PatientCallController pfuCallController;
    @FXML private TaskActionController pfuActionController;

    private Long patientId;
    private final NewestLoad loads = new NewestLoad();

    public PatientFollowUpsController(FollowUpService followUps, AdverseEventService events, Background background,
                                      User user, Clock clock) {
        this.followUps = Objects.requireNonNull(followUps);
        this.events = Objects.requireNonNull(events);
        this.background = Objects.requireNonNull(background);
        this.user = Objects.requireNonNull(user);
        this.clock = Objects.requireNonNull(clock);
    }

    private boolean clinical() {
        return user.role() == Role.INJECTOR || user.role() == Role.ADMIN;
    }

    @FXML
    private void initialize() {
        column(pfuTaskDue, t -> DAY.format(t.due()));
        column(pfuTaskKind, t -> t.kind().label());
        column(pfuTaskReason, FollowUpTask::reason);
        column(pfuTaskStatus, this::status);
        column(pfuTaskCalls, t -> t.attempts() == 0 ? "–" : t.attempts() + " · last: " + t.lastOutcome().label());
        column(pfuTaskNote, t -> t.closeNote() == null ? "" : t.closeNote());
        column(pfuReportWhen, r -> when(r.phonedAt()) + "\n" + r.takenByName());
        column(pfuReportText, PatientReport::text);
        column(pfuReportStatus, r -> r.status() + (r.reviewNote() == null ? "" : ": " + r.reviewNote())
                + (r.reviewedByName() == null ? "" : " (" + r.reviewedByName() + ")"));
        column(pfuEventOnset, e -> DAY.format(e.onsetDate()) + "\n" + e.timing().label());
        column(pfuEventWhat, e -> e.headline() + (e.urgentOpen() ? " · URGENT, open" : ""));
        column(pfuEventGrade, e -> e.severity().label());
        column(pfuEventOutcome, e -> e.outcome().label() + (e.outcomeDate() == null ? "" : "\n" + DAY.format(e.outcomeDate())));
        for (TableColumn<FollowUpTask, String> c : List.of(pfuTaskReason, pfuTaskNote)) {
            wrapping(c);
        }
        wrapping(pfuReportText);
        wrapping(pfuReportWhen);
        wrapping(pfuEventOnset);
        wrapping(pfuReportStatus);
        wrapping(pfuEventWhat);
        wrapping(pfuEventGrade);
        wrapping(pfuEventOutcome);
        pfuEventsBox.setVisible(clinical());
        pfuEventsBox.setManaged(clinical());
        pfuTasks.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> enableActions());
        pfuTasks.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            FollowUpTask t = selectedOpen();
            if (t == null) {
                return;
            }
            CallOutcome o = TaskActionController.outcomeKey(e.getCode());
            if (o != null || e.getCode() == KeyCode.ENTER) {
                pfuActionController.showCall(TaskActionController.Target.of(t), o);
                e.consume();
            }
        });
        pfuActionController.setOnDone(message -> {
            Forms.showError(pfuError, null);
            Forms.showStatus(pfuStatus, message);
            reload();
        });
        pfuActionController.setOnStale(message -> {
            Forms.showStatus(pfuStatus, null);
            Forms.showError(pfuError, message + " The list has been reloaded.");
            reload();
        });
        pfuActionController.setOnHidden(pfuTasks::requestFocus);
        pfuCallController.setOnLogged(r -> {
            showCallForm(false);
            Forms.showError(pfuError, null);
            Forms.showStatus(pfuStatus, "Logged the patient's call: it is waiting for an injector's review.");
            reload();
        });
        Forms.showStatus(pfuStatus, null);
        Forms.showError(pfuError, null);
        showCallForm(false);
        enableActions();
    }

    private static <T> void column(TableColumn<T, String> c, Function<T, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** Long text (reasons, reports, notes) wraps in its column instead of being cut off. */
    private static <T> void wrapping(TableColumn<T, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();

            {
                label.setWrapText(true);
                label.prefWidthProperty().bind(col.widthProperty().subtract(14));
                label.maxWidthProperty().bind(col.widthProperty().subtract(14));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                label.setText(item);
                setGraphic(empty || item == null ? null : label);
            }
        });
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(clock.getZone()));
    }

    private String status(FollowUpTask t) {
        LocalDate today = followUps.today();
        if (t.open()) {
            if (t.snoozedOn(today)) {
                return "Open · snoozed until " + DAY.format(t.snoozedUntil());
            }
            return t.due().isBefore(today) ? "Open · overdue" : "Open";
        }
        return t.status() + (t.closedByName() == null ? "" : " · " + t.closedByName())
                + (t.closedAt() == null ? "" : ", " + DAY.format(t.closedAt().atZone(clock.getZone()).toLocalDate()));
    }

    /** Shows the patient's follow-ups (called when their record opens or is saved). */
    public void showPatient(long id, String name) {
        patientId = id;
        pfuCallController.fixPatient(id, name);
        reload();
    }

    private void reload() {
        if (patientId == null) {
            return;
        }
        long id = patientId;
        boolean withEvents = clinical();
        loads.run(background, () -> new Loaded(followUps.patientTasks(id), events.patientReports(id),
                withEvents ? events.patientEvents(id) : List.of()), l -> {
            Long selected = pfuTasks.getSelectionModel().getSelectedItem() == null ? null
                    : pfuTasks.getSelectionModel().getSelectedItem().id();
            pfuTasks.getItems().setAll(l.tasks());
            pfuReports.getItems().setAll(l.reports());
            pfuEvents.getItems().setAll(l.events());
            l.tasks().stream().filter(t -> selected != null ? t.id() == selected : t.open()).findFirst()
                    .ifPresent(t -> pfuTasks.getSelectionModel().select(t));
            long open = l.tasks().stream().filter(FollowUpTask::open).count();
            long waiting = l.reports().stream().filter(r -> r.status() == ReportStatus.WAITING).count();
            pfuSummary.setText(open + (open == 1 ? " open task" : " open tasks") + " · " + l.tasks().size()
                    + " in all · " + waiting + (waiting == 1 ? " report" : " reports") + " waiting for review");
            enableActions();
        }, error -> {
            Forms.showError(pfuError, Forms.message(error));
        });
    }

    private FollowUpTask selectedOpen() {
        FollowUpTask t = pfuTasks.getSelectionModel().getSelectedItem();
        return t != null && t.open() ? t : null;
    }

    private void enableActions() {
        boolean open = selectedOpen() != null;
        pfuLogCall.setDisable(!open);
        pfuSnooze.setDisable(!open);
    }

    @FXML
    private void logCall() {
        FollowUpTask t = selectedOpen();
        if (t != null) {
            pfuActionController.showCall(TaskActionController.Target.of(t), null);
        }
    }

    @FXML
    private void snooze() {
        FollowUpTask t = selectedOpen();
        if (t != null) {
            pfuActionController.showSnooze(TaskActionController.Target.of(t));
        }
    }

    @FXML
    private void patientCalled() {
        pfuActionController.hide();
        Forms.showStatus(pfuStatus, null);
        showCallForm(true);
        pfuCallController.reset();
        pfuCallController.focus();
    }

    @FXML
    private void closeCallForm() {
        showCallForm(false);
    }

    private void showCallForm(boolean show) {
        pfuCallBox.setVisible(show);
        pfuCallBox.setManaged(show);
        pfuReport.setDisable(show);
    }
}
