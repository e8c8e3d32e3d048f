package org.needlepoint.schedule;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.fxml.FXML;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.TodayCard;
import org.needlepoint.ui.View;

/**
 * The Today screen's "Today's appointments": the day's appointments by time, each with its status,
 * patient, injector, room and kind, and one big action at a time: a one-click <i>Arrived</i> where the status
 * allows it ({@link AppointmentService#nextStatuses}), then <i>Check in</i> (the check-in screen), then when the
 * patient was checked in. It follows the book's changes on every PC.
 */
public final class TodayAppointmentsCardController implements TodayCard {
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final AppointmentService appointments;
    private final Background background;
    private final Changes changes;
    private final Supplier<View<CheckInController>> checkInScreen;
    private final ZoneId zone;

    @FXML private VBox todayAppointmentsCard;
    @FXML private Label todayApptSummary;
    @FXML private Label todayApptStatus;
    @FXML private Label todayApptError;
    @FXML private VBox todayApptRows;

    private List<Appointment> shown = List.of();
    private final NewestLoad loads = new NewestLoad();

    public TodayAppointmentsCardController(AppointmentService appointments, Background background, Changes changes,
                                           Supplier<View<CheckInController>> checkInScreen, ZoneId zone) {
        this.appointments = Objects.requireNonNull(appointments);
        this.background = Objects.requireNonNull(background);
        this.changes = Objects.requireNonNull(changes);
        this.checkInScreen = Objects.requireNonNull(checkInScreen);
        this.zone = Objects.requireNonNull(zone);
    }

    @FXML
    private void initialize() {
        Forms.showStatus(todayApptStatus, null);
        Forms.showError(todayApptError, null);
        LiveRefresh.follow(todayAppointmentsCard, changes, Set.of(ChangeFeed.APPOINTMENT, ChangeFeed.PATIENT),
                this::refresh);
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public void refresh() {
        loads.run(background, () -> appointments.day(appointments.today()), this::show,
                error -> Forms.showError(todayApptError, Forms.message(error)));
    }

    /** The appointments on the card (tests). */
    public List<Appointment> shown() {
        return shown;
    }

    private void show(List<Appointment> list) {
        Forms.showError(todayApptError, null);
        if (list.equals(shown) && !todayApptRows.getChildren().isEmpty()) {
            return;
        }
        shown = List.copyOf(list);
        long on = list.stream().filter(a -> a.status().blocksTime()).count();
        long here = list.stream().filter(a -> a.status() == AppointmentStatus.ARRIVED
                || a.status() == AppointmentStatus.IN_TREATMENT || a.status() == AppointmentStatus.COMPLETED).count();
        todayApptSummary.setText(on + (on == 1 ? " appointment" : " appointments") + " · " + here + " arrived");
        if (list.isEmpty()) {
            Label none = new Label("No appointments today.");
            none.getStyleClass().add("appt-empty");
            none.setId("todayApptNone");
            todayApptRows.getChildren().setAll(none);
            return;
        }
        todayApptRows.getChildren().setAll(list.stream().map(this::row).toList());
    }

    private Node row(Appointment a) {
        Label time = new Label(HM.format(a.start()));
        time.getStyleClass().add("appt-time");
        Label until = new Label("to " + HM.format(a.end()));
        until.getStyleClass().add("appt-sub");
        VBox when = new VBox(0, time, until);
        fixed(when, 70);

        Label name = new Label(a.patientName());
        name.getStyleClass().add("appt-name");
        name.setId("todayApptPatient-" + a.id());
        Label sub = new Label(a.kind().label() + " · chart " + a.chartNumber());
        sub.getStyleClass().add("appt-sub");
        Label status = statusLabel(a.status());
        status.setId("todayApptStatus-" + a.id());
        status.setMinWidth(Region.USE_PREF_SIZE); // the status is never cut; a long name is, last
        HBox nameLine = new HBox(8, name, status);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        VBox who = new VBox(2, nameLine, sub);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);

        Label with = new Label(a.injectorName());
        Label room = new Label(a.roomName() == null ? "No room" : a.roomName());
        room.getStyleClass().add("appt-sub");
        VBox where = new VBox(2, with, room);
        fixed(where, 120);

        // one clear action at a time: Arrived when the patient walks in, then Check in, then when they were checked in
        Node act = new Region();
        if (a.checkedInAt() != null) {
            Label checkedIn = new Label("Checked in " + HM.format(a.checkedInAt().atZone(zone)));
            checkedIn.getStyleClass().addAll("appt-checked-in", "compact");
            checkedIn.setMinWidth(Region.USE_PREF_SIZE);
            checkedIn.setId("todayApptCheckedIn-" + a.id());
            act = checkedIn;
        } else if (AppointmentService.nextStatuses(a.status()).contains(AppointmentStatus.ARRIVED)) {
            Button arrived = new Button("Arrived", new FontIcon("mdal-how_to_reg"));
            arrived.getStyleClass().addAll("accent", "appt-big-button");
            arrived.setId("arrived-" + a.id());
            arrived.setOnAction(e -> arrived(a, arrived));
            act = arrived;
        } else if (appointments.checkInProblem(a).isEmpty()) {
            Button checkIn = new Button("Check in", new FontIcon("mdal-assignment"));
            checkIn.getStyleClass().addAll("accent", "appt-big-button");
            checkIn.setId("checkIn-" + a.id());
            checkIn.setOnAction(e -> checkIn(a, checkIn));
            act = checkIn;
        }
        HBox actBox = new HBox(act);
        actBox.setAlignment(Pos.CENTER_RIGHT);
        fixed(actBox, 150);

        HBox box = new HBox(12, when, who, where, actBox);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("appt-row");
        box.setId("todayAppt-" + a.id());
        return box;
    }

    static Label statusLabel(AppointmentStatus s) {
        Label l = new Label(s.label());
        l.getStyleClass().addAll("appt-status", "status-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return l;
    }

    static void fixed(Region r, double width) {
        r.setMinWidth(width);
        r.setPrefWidth(width);
        r.setMaxWidth(width);
    }

    /** Opens the check-in screen for the appointment; the card reloads once the patient is checked in. */
    private void checkIn(Appointment a, Button b) {
        b.setDisable(true);
        Forms.showError(todayApptError, null);
        checkInScreen.get().controller().open(a.id(), b.getScene() == null ? null : b.getScene().getWindow(), done -> {
            Forms.showStatus(todayApptStatus, CheckInModel.doneMessage(done, zone));
            Forms.showError(todayApptError, done.consentWarning());
            refresh();
        }, refused -> {
            Forms.showError(todayApptError, refused);
            refresh();
        });
        b.setDisable(false);
    }

    private void arrived(Appointment a, Button b) {
        b.setDisable(true);
        Forms.showError(todayApptError, null);
        background.run(() -> appointments.markArrived(a.id(), a.version()), done -> {
            Forms.showStatus(todayApptStatus, done.patientName() + " has arrived (" + HM.format(done.start()) + " with "
                    + done.injectorName() + ").");
            refresh();
        }, error -> {
            b.setDisable(false);
            Forms.showStatus(todayApptStatus, null);
            Forms.showError(todayApptError, Forms.message(error) + (error instanceof StaleRecordException
                    ? " The list has been reloaded." : ""));
            refresh();
        });
    }
}
