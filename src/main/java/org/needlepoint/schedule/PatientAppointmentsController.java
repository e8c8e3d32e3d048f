package org.needlepoint.schedule;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;

/**
 * A patient's record, Appointments tab: the upcoming appointments (soonest first) and the past,
 * cancelled and no-show ones (latest first), with the no-show and late-cancellation counts
 * ({@link AppointmentService#patientAppointments}, audited as a read of the record). It follows the
 * book's changes on every PC.
 */
public final class PatientAppointmentsController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final AppointmentService appointments;
    private final Background background;
    private final Changes changes;

    @FXML private VBox patientAppointmentsRoot;
    @FXML private Label paUpcomingCount;
    @FXML private Label paNoShows;
    @FXML private Label paLateCancels;
    @FXML private Label paError;
    @FXML private TableView<Appointment> paUpcoming;
    @FXML private TableColumn<Appointment, String> paUpWhen;
    @FXML private TableColumn<Appointment, String> paUpKind;
    @FXML private TableColumn<Appointment, String> paUpWith;
    @FXML private TableColumn<Appointment, String> paUpRoom;
    @FXML private TableColumn<Appointment, String> paUpStatus;
    @FXML private TableColumn<Appointment, String> paUpReason;
    @FXML private TableView<Appointment> paPast;
    @FXML private TableColumn<Appointment, String> paPastWhen;
    @FXML private TableColumn<Appointment, String> paPastKind;
    @FXML private TableColumn<Appointment, String> paPastWith;
    @FXML private TableColumn<Appointment, String> paPastStatus;
    @FXML private TableColumn<Appointment, String> paPastNote;

    private Long patientId;
    private PatientAppointments shown;
    private long loads;

    public PatientAppointmentsController(AppointmentService appointments, Background background, Changes changes) {
        this.appointments = Objects.requireNonNull(appointments);
        this.background = Objects.requireNonNull(background);
        this.changes = Objects.requireNonNull(changes);
    }

    @FXML
    private void initialize() {
        column(paUpWhen, a -> WHEN.format(a.start()) + "–" + HM.format(a.end()));
        column(paUpKind, a -> a.kind().label());
        column(paUpWith, Appointment::injectorName);
        column(paUpRoom, a -> a.roomName() == null ? "" : a.roomName());
        column(paUpStatus, a -> a.status().label());
        column(paUpReason, a -> a.reason() == null ? "" : a.reason());
        column(paPastWhen, a -> WHEN.format(a.start()) + "–" + HM.format(a.end()));
        column(paPastKind, a -> a.kind().label());
        column(paPastWith, Appointment::injectorName);
        column(paPastStatus, a -> a.status().label() + (a.lateCancel() ? " (late)" : ""));
        column(paPastNote, a -> a.cancelReason() != null ? a.cancelReason() : a.reason() == null ? "" : a.reason());
        Forms.showError(paError, null);
        LiveRefresh.follow(patientAppointmentsRoot, changes, Set.of(ChangeFeed.APPOINTMENT), this::refresh);
    }

    private static void column(TableColumn<Appointment, String> c, Function<Appointment, String> text) {
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
    }

    /** Shows the patient's appointments (and follows their changes). */
    public void showPatient(long patientId) {
        this.patientId = patientId;
        shown = null;
        refresh();
    }

    /** What the tab shows (tests). */
    public PatientAppointments shown() {
        return shown;
    }

    private void refresh() {
        Long id = patientId;
        if (id == null) {
            return;
        }
        long mine = ++loads;
        background.run(() -> appointments.patientAppointments(id), p -> {
            if (mine == loads) {
                show(p);
            }
        }, error -> {
            if (mine == loads) {
                Forms.showError(paError, Forms.message(error));
            }
        });
    }

    private void show(PatientAppointments p) {
        shown = p;
        Forms.showError(paError, null);
        paUpcomingCount.setText(Integer.toString(p.upcoming().size()));
        figure(paNoShows, p.noShows());
        figure(paLateCancels, p.lateCancellations());
        paUpcoming.getItems().setAll(p.upcoming());
        paPast.getItems().setAll(p.past());
    }

    private static void figure(Label l, int n) {
        l.setText(Integer.toString(n));
        l.getStyleClass().remove("alarm");
        if (n > 0) {
            l.getStyleClass().add("alarm");
        }
    }
}
