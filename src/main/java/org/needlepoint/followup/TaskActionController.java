package org.needlepoint.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.common.Dates;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;

/**
 * The panel docked under a list of tasks that works the selected one: log a call outcome (four big
 * buttons, keys 1-4, an optional note), snooze it (tomorrow, in 3 days, next week or a chosen day),
 * or close it without a call (done, missed, cancelled; for clinical tasks INJECTOR and ADMIN only).
 * It is part of the main window, so it hides with it when the screen locks. The host reloads its
 * list when an action succeeds ({@link #setOnDone}) and when the task changed meanwhile
 * ({@link #setOnStale}).
 */
public final class TaskActionController {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);

    /** The task the panel works on, as a worklist row or a patient's task shows it. */
    public record Target(long taskId, int version, TaskKind kind, boolean clinical, long patientId, String patientName,
                         String phone, String reason) {
        static Target of(WorklistRow r) {
            return new Target(r.taskId(), r.version(), r.kind(), r.clinical(), r.patientId(), r.patientName(), r.phone(),
                    r.reason());
        }

        static Target of(FollowUpTask t) {
            return new Target(t.id(), t.version(), t.kind(), t.clinical(), t.patientId(), t.patientName(), null, t.reason());
        }
    }

    enum Mode { CALL, SNOOZE, CLOSE }

    private final FollowUpService followUps;
    private final Background background;
    private final User user;

    @FXML private VBox taskActionRoot;
    @FXML private Label taskActionTitle;
    @FXML private Label taskActionSub;
    @FXML private Label taskActionError;
    @FXML private VBox callPane;
    @FXML private TextField callNote;
    @FXML private Button outcomeReached;
    @FXML private Button outcomeMessage;
    @FXML private Button outcomeNoAnswer;
    @FXML private Button outcomeBooked;
    @FXML private Label callHint;
    @FXML private Button closeWithoutCall;
    @FXML private VBox snoozePane;
    @FXML private Button snoozeTomorrow;
    @FXML private Button snoozeThreeDays;
    @FXML private Button snoozeNextWeek;
    @FXML private DatePicker snoozeDate;
    @FXML private Button snoozeToDate;
    @FXML private VBox closePane;
    @FXML private TextField closeNote;
    @FXML private Button closeDone;
    @FXML private Button closeMissed;
    @FXML private Button closeCancel;
    @FXML private Label closeHint;
    @FXML private Button taskActionCancel;

    private Target target;
    private Mode mode;
    private CallOutcome chosen;
    private boolean busy;
    private Consumer<String> onDone = m -> { };
    private Consumer<String> onStale = m -> { };
    private Runnable onHidden = () -> { };

    public TaskActionController(FollowUpService followUps, Background background, User user) {
        this.followUps = Objects.requireNonNull(followUps);
        this.background = Objects.requireNonNull(background);
        this.user = Objects.requireNonNull(user);
    }

    @FXML
    private void initialize() {
        outcomeReached.setOnAction(e -> log(CallOutcome.REACHED));
        outcomeMessage.setOnAction(e -> log(CallOutcome.LEFT_MESSAGE));
        outcomeNoAnswer.setOnAction(e -> log(CallOutcome.NO_ANSWER));
        outcomeBooked.setOnAction(e -> log(CallOutcome.BOOKED));
        callNote.setOnAction(e -> {
            if (chosen != null) {
                log(chosen);
            }
        });
        snoozeDate.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : US_DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return Dates.parse(s).orElse(null);
            }
        });
        snoozeDate.setPromptText("MM/DD/YYYY");
        closeDone.setOnAction(e -> close(TaskStatus.DONE));
        closeMissed.setOnAction(e -> close(TaskStatus.MISSED));
        closeCancel.setOnAction(e -> close(TaskStatus.CANCELLED));
        taskActionRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        hide();
    }

    /** Where the host learns an action succeeded: a one-line confirmation for its status line. */
    public void setOnDone(Consumer<String> handler) {
        this.onDone = Objects.requireNonNull(handler);
    }

    /** Where the host learns the task changed since it was read (the message says by whom): it reloads. */
    public void setOnStale(Consumer<String> handler) {
        this.onStale = Objects.requireNonNull(handler);
    }

    /** Called when the panel closes, to give the focus back to the list. */
    public void setOnHidden(Runnable handler) {
        this.onHidden = Objects.requireNonNull(handler);
    }

    /** Whether {@code user} may close a task without a call: any task for INJECTOR and ADMIN, non-clinical ones for the desk. */
    static boolean canClose(User user, boolean clinical) {
        return user.role() != Role.FRONT_DESK || !clinical;
    }

    public boolean isOpen() {
        return taskActionRoot.isVisible();
    }

    /** The task the panel is working on, while open. */
    public Target target() {
        return isOpen() ? target : null;
    }

    /** Opens the call outcome choice for {@code t}, with {@code preselect} (may be null) ready for Enter. */
    public void showCall(Target t, CallOutcome preselect) {
        open(t, Mode.CALL);
        boolean books = t.kind() != TaskKind.CALL;
        outcomeReached.setText("1  Reached" + (books ? " (not booked yet)" : ""));
        callHint.setText(books
                ? "This task is to book a " + t.kind().label().toLowerCase(Locale.ROOT) + ": “Booked” completes it;"
                        + " the other outcomes keep it on the list and count the attempt."
                : "“Reached” or “Booked” completes the task; “Left a message” and “No answer” keep it on the list and"
                        + " count the attempt.");
        choose(preselect);
        show(closeWithoutCall, canClose(user, t.clinical()));
        Platform.runLater(() -> button(preselect == null ? CallOutcome.REACHED : preselect).requestFocus());
    }

    /** Opens the snooze choices for {@code t}. */
    public void showSnooze(Target t) {
        open(t, Mode.SNOOZE);
        LocalDate today = followUps.today();
        snoozeTomorrow.setText("Tomorrow\n" + DAY.format(today.plusDays(1)));
        snoozeThreeDays.setText("In 3 days\n" + DAY.format(today.plusDays(3)));
        snoozeNextWeek.setText("Next week\n" + DAY.format(today.plusDays(7)));
        snoozeTomorrow.setUserData(today.plusDays(1));
        snoozeThreeDays.setUserData(today.plusDays(3));
        snoozeNextWeek.setUserData(today.plusDays(7));
        snoozeDate.setValue(null);
        snoozeDate.getEditor().clear();
        Platform.runLater(snoozeTomorrow::requestFocus);
    }

    @FXML
    private void closeInstead() {
        if (target != null) {
            showClose(target);
        }
    }

    /** Opens "close without a call" for {@code t}; refused here (and by the service) when the user may not. */
    public void showClose(Target t) {
        if (!canClose(user, t.clinical())) {
            return;
        }
        open(t, Mode.CLOSE);
        closeNote.clear();
        closeHint.setText("Done: the " + t.kind().label().toLowerCase(Locale.ROOT) + " happened another way (the patient"
                + " was in, say). Missed: it was not done in time. Cancel: it is no longer needed — write why.");
        Platform.runLater(closeNote::requestFocus);
    }

    /** Closes the panel without doing anything. */
    @FXML
    public void hide() {
        boolean was = taskActionRoot.isVisible();
        show(taskActionRoot, false);
        target = null;
        mode = null;
        chosen = null;
        Forms.showError(taskActionError, null);
        if (was) {
            onHidden.run();
        }
    }

    private void open(Target t, Mode m) {
        target = t;
        mode = m;
        busy = false;
        setDisabled(false);
        Forms.showError(taskActionError, null);
        show(callPane, m == Mode.CALL);
        show(snoozePane, m == Mode.SNOOZE);
        show(closePane, m == Mode.CLOSE);
        String verb = switch (m) {
            case CALL -> "Log the call to ";
            case SNOOZE -> "Snooze the task of ";
            case CLOSE -> "Close without a call: ";
        };
        taskActionTitle.setText(verb + t.patientName() + (t.phone() == null ? "" : "  ·  " + t.phone()));
        taskActionSub.setText(t.kind().label() + ": " + t.reason());
        if (m == Mode.CALL) {
            callNote.clear();
        }
        show(taskActionRoot, true);
    }

    private void choose(CallOutcome o) {
        chosen = o;
        for (CallOutcome each : CallOutcome.values()) {
            button(each).getStyleClass().remove("chosen");
        }
        if (o != null) {
            button(o).getStyleClass().add("chosen");
        }
    }

    private Button button(CallOutcome o) {
        return switch (o) {
            case REACHED -> outcomeReached;
            case LEFT_MESSAGE -> outcomeMessage;
            case NO_ANSWER -> outcomeNoAnswer;
            case BOOKED -> outcomeBooked;
        };
    }

    private void key(KeyEvent e) {
        if (!isOpen()) {
            return;
        }
        Node focus = taskActionRoot.getScene() == null ? null : taskActionRoot.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        if (e.getCode() == KeyCode.ESCAPE) {
            hide();
            e.consume();
        } else if (mode == Mode.CALL && !typing && outcomeKey(e.getCode()) != null) {
            log(outcomeKey(e.getCode()));
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && focus instanceof Button b && !b.isDisabled()) {
            b.fire();
            e.consume();
        }
    }

    /** The outcome keys 1-4 (top row or keypad) stand for, or null. */
    static CallOutcome outcomeKey(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> CallOutcome.REACHED;
            case DIGIT2, NUMPAD2 -> CallOutcome.LEFT_MESSAGE;
            case DIGIT3, NUMPAD3 -> CallOutcome.NO_ANSWER;
            case DIGIT4, NUMPAD4 -> CallOutcome.BOOKED;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ actions

    private void log(CallOutcome outcome) {
        Target t = target;
        if (t == null || busy) {
            return;
        }
        String note = callNote.getText();
        run(() -> followUps.logCall(t.taskId(), t.version(), outcome, note), done -> {
            String what = "Logged “" + outcome.label() + "” for " + t.patientName();
            if (done.open()) {
                onDone.accept(what + " (call " + done.attempts() + "): " + (outcome == CallOutcome.REACHED
                        ? "the " + t.kind().label().toLowerCase(Locale.ROOT) + " still needs booking, so the task stays on the list."
                        : "the task stays on the list."));
            } else {
                onDone.accept(what + ": task done.");
            }
        });
    }

    @FXML
    private void snoozeQuick(javafx.event.ActionEvent e) {
        snooze((LocalDate) ((Node) e.getSource()).getUserData());
    }

    @FXML
    private void snoozeChosen() {
        String typed = snoozeDate.getEditor().getText();
        LocalDate d = typed == null || typed.isBlank() ? snoozeDate.getValue() : Dates.parse(typed).orElse(null);
        if (d == null) {
            Forms.showError(taskActionError, typed == null || typed.isBlank() ? "Choose the day the task should come back."
                    : "“" + typed.strip() + "” is not a date: type MM/DD/YYYY.");
            Forms.mark(snoozeDate, taskActionError.getText());
            return;
        }
        Forms.mark(snoozeDate, null);
        snooze(d);
    }

    private void snooze(LocalDate until) {
        Target t = target;
        if (t == null || busy || until == null) {
            return;
        }
        run(() -> followUps.snooze(t.taskId(), t.version(), until), done -> onDone.accept(until.isEqual(followUps.today())
                ? "Back on today's list: " + t.patientName() + "."
                : "Snoozed " + t.patientName() + "’s task until " + DAY.format(until) + ": it comes back on the list that day."));
    }

    private void close(TaskStatus status) {
        Target t = target;
        if (t == null || busy) {
            return;
        }
        String note = closeNote.getText();
        run(() -> switch (status) {
            case DONE -> followUps.complete(t.taskId(), t.version(), note);
            case MISSED -> followUps.markMissed(t.taskId(), t.version(), note);
            case CANCELLED -> followUps.cancel(t.taskId(), t.version(), note);
            case OPEN -> throw new IllegalArgumentException("open");
        }, done -> onDone.accept(switch (status) {
            case DONE -> "Marked done";
            case MISSED -> "Marked missed";
            default -> "Cancelled";
        } + ": " + t.patientName() + " – " + t.reason() + "."));
    }

    private void run(Callable<FollowUpTask> work, Consumer<FollowUpTask> ok) {
        busy = true;
        setDisabled(true);
        Forms.showError(taskActionError, null);
        background.run(work, done -> {
            busy = false;
            setDisabled(false);
            hide();
            ok.accept(done);
        }, error -> {
            busy = false;
            setDisabled(false);
            if (error instanceof StaleRecordException || error instanceof ValidationException v
                    && v.fieldErrors().containsKey("status")) {
                hide();
                onStale.accept(Forms.message(error));
            } else {
                Forms.showError(taskActionError, Forms.message(error));
            }
        });
    }

    private void setDisabled(boolean disabled) {
        for (Button b : List.of(outcomeReached, outcomeMessage, outcomeNoAnswer, outcomeBooked, snoozeTomorrow,
                snoozeThreeDays, snoozeNextWeek, snoozeToDate, closeDone, closeMissed, closeCancel)) {
            b.setDisable(disabled);
        }
    }

    private static void show(Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }
}
