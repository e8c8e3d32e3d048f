package org.needlepoint.followup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.needlepoint.common.ValidationException;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.Injector;
import org.needlepoint.schedule.OutsideHoursException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * The worklist's "Book" panel: the suggested appointment for the selected task ({@link
 * TaskBookingService#suggest}) shown for confirmation, its day, time, length, injector and kind
 * editable; "Book and close the task" books it and closes the task as booked in one step. A booking
 * outside the hours shows the question and "Book outside the hours"; a refusal shows at its field.
 */
public final class TaskBookController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final TaskBookingService bookings;
    private final AppointmentService appointments;
    private final Background background;

    @FXML private VBox taskBookRoot;
    @FXML private Label taskBookTitle;
    @FXML private Label taskBookSub;
    @FXML private Label taskBookSuggestion;
    @FXML private DatePicker taskBookDate;
    @FXML private TextField taskBookTime;
    @FXML private TextField taskBookMinutes;
    @FXML private ComboBox<Injector> taskBookInjector;
    @FXML private ComboBox<AppointmentKind> taskBookKind;
    @FXML private Label taskBookError;
    @FXML private Button taskBookConfirm;
    @FXML private Button taskBookAnyway;
    @FXML private Button taskBookCancel;

    private BookingSuggestion suggestion;
    private boolean busy;
    private Consumer<String> onDone = m -> { };
    private Consumer<String> onStale = m -> { };
    private Runnable onHidden = () -> { };

    public TaskBookController(TaskBookingService bookings, AppointmentService appointments, Background background) {
        this.bookings = Objects.requireNonNull(bookings);
        this.appointments = Objects.requireNonNull(appointments);
        this.background = Objects.requireNonNull(background);
    }

    @FXML
    private void initialize() {
        taskBookKind.getItems().setAll(AppointmentKind.values());
        taskBookDate.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DAY.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.trim(), DAY);
                } catch (DateTimeParseException e) {
                    return taskBookDate.getValue();
                }
            }
        });
        taskBookRoot.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        Forms.showError(taskBookError, null);
    }

    public void setOnDone(Consumer<String> handler) {
        this.onDone = Objects.requireNonNull(handler);
    }

    public void setOnStale(Consumer<String> handler) {
        this.onStale = Objects.requireNonNull(handler);
    }

    public void setOnHidden(Runnable handler) {
        this.onHidden = Objects.requireNonNull(handler);
    }

    public boolean isOpen() {
        return taskBookRoot.isVisible();
    }

    /** Opens the panel for a worklist row and looks up the suggested time. */
    public void show(WorklistRow r) {
        suggestion = null;
        busy = true;
        setDisabled(true);
        clearMarks();
        Forms.showError(taskBookError, null);
        showNode(taskBookAnyway, false);
        taskBookTitle.setText("Book " + r.patientName() + (r.phone() == null ? "" : "  ·  " + r.phone()));
        taskBookSub.setText(r.kind().label() + ": " + r.reason());
        taskBookSuggestion.setText("Looking for the first free time…");
        showNode(taskBookRoot, true);
        background.run(() -> new Loaded(bookings.suggest(r.taskId()), appointments.injectors()), this::fill, error -> {
            busy = false;
            setDisabled(false);
            if (isStale(error)) {
                hide();
                onStale.accept(Forms.message(error));
            } else {
                taskBookSuggestion.setText("");
                Forms.showError(taskBookError, Forms.message(error));
            }
        });
    }

    private record Loaded(BookingSuggestion suggestion, List<Injector> injectors) {
    }

    private void fill(Loaded l) {
        BookingSuggestion s = l.suggestion();
        suggestion = s;
        busy = false;
        setDisabled(false);
        taskBookInjector.getItems().setAll(l.injectors());
        taskBookKind.setValue(s.kind());
        taskBookMinutes.setText(Integer.toString(s.minutes()));
        String from = "not before " + FollowUpPlanner.DAY.format(s.notBefore());
        if (s.found()) {
            taskBookDate.setValue(s.start().toLocalDate());
            taskBookTime.setText(HM.format(s.start()));
            l.injectors().stream().filter(i -> i.id() == s.injectorId()).findFirst().ifPresent(taskBookInjector::setValue);
            boolean treating = s.treatingInjectorId() != null && s.treatingInjectorId().equals(s.injectorId());
            taskBookSuggestion.setText("Suggested: " + s.kind().label().toLowerCase(Locale.ROOT) + " on "
                    + WHEN.format(s.start()) + " with " + s.injectorName() + (treating ? " (who treated)" : "")
                    + " — the first free time " + from + ".");
        } else {
            taskBookDate.setValue(s.notBefore());
            taskBookTime.clear();
            l.injectors().stream().filter(i -> s.injectorId() != null && i.id() == s.injectorId()).findFirst()
                    .ifPresent(taskBookInjector::setValue);
            taskBookSuggestion.setText("No free time in the next " + AppointmentService.SLOT_SEARCH_DAYS + " days " + from
                    + ": choose a day and time.");
        }
        Platform.runLater(taskBookConfirm::requestFocus);
    }

    /** Closes the panel without booking. */
    @FXML
    public void hide() {
        boolean was = taskBookRoot.isVisible();
        showNode(taskBookRoot, false);
        suggestion = null;
        Forms.showError(taskBookError, null);
        if (was) {
            onHidden.run();
        }
    }

    @FXML
    private void book() {
        submit(false);
    }

    @FXML
    private void bookAnyway() {
        submit(true);
    }

    private void submit(boolean outsideHours) {
        BookingSuggestion s = suggestion;
        if (s == null || busy) {
            return;
        }
        clearMarks();
        Forms.showError(taskBookError, null);
        LocalDateTime start;
        Integer minutes;
        try {
            start = start();
            minutes = minutes();
        } catch (ValidationException e) {
            refused(e);
            return;
        }
        Injector injector = taskBookInjector.getValue();
        if (injector == null) {
            refused(new ValidationException("injector", "Choose the injector."));
            return;
        }
        AppointmentKind kind = taskBookKind.getValue();
        FollowUpTask t = s.task();
        busy = true;
        setDisabled(true);
        background.run(() -> bookings.book(t.id(), t.version(), kind, start, minutes, injector.id(), outsideHours),
                (Appointment a) -> {
                    busy = false;
                    setDisabled(false);
                    hide();
                    onDone.accept("Booked " + t.patientName() + ": " + a.kind().label().toLowerCase(Locale.ROOT) + " on "
                            + WHEN.format(a.start()) + " with " + a.injectorName() + ". The task is closed as booked.");
                }, error -> {
                    busy = false;
                    setDisabled(false);
                    if (isStale(error)) {
                        hide();
                        onStale.accept(Forms.message(error));
                    } else if (error instanceof OutsideHoursException) {
                        Forms.showError(taskBookError, Forms.message(error) + " Book it anyway?");
                        showNode(taskBookAnyway, true);
                    } else {
                        refused(error);
                    }
                });
    }

    private LocalDateTime start() {
        LocalDate day = taskBookDate.getValue();
        if (day == null) {
            throw new ValidationException("start", "Choose the day.");
        }
        try {
            return day.atTime(LocalTime.parse(taskBookTime.getText().trim(), HM));
        } catch (DateTimeParseException e) {
            throw new ValidationException("time", "Type the time as HH:MM, e.g. 09:30.");
        }
    }

    private Integer minutes() {
        String text = taskBookMinutes.getText().trim();
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("minutes", "Type the length in minutes, e.g. 30.");
        }
    }

    private void refused(Throwable error) {
        Forms.showError(taskBookError, Forms.message(error));
        if (error instanceof ValidationException v) {
            Forms.markAll(fields(), v.fieldErrors());
        }
    }

    private Map<String, Control> fields() {
        return Map.of("start", taskBookDate, "time", taskBookTime, "minutes", taskBookMinutes,
                "injector", taskBookInjector, "kind", taskBookKind);
    }

    private void clearMarks() {
        Forms.markAll(fields(), Map.of());
    }

    private static boolean isStale(Throwable error) {
        return error instanceof StaleRecordException || error instanceof ValidationException v
                && (v.fieldErrors().containsKey("status") || v.fieldErrors().containsKey("task"));
    }

    private void setDisabled(boolean disabled) {
        taskBookConfirm.setDisable(disabled);
        taskBookAnyway.setDisable(disabled);
    }

    private static void showNode(Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }
}
