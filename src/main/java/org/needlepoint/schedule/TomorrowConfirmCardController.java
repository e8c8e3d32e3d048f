package org.needlepoint.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.TodayCard;

/**
 * The Today screen's "Tomorrow to confirm": tomorrow's appointments as a call list, like the
 * follow-up worklist: the patient's phone large, the latest call's outcome, and the outcomes
 * <i>Confirmed</i>, <i>Left a message</i> and <i>Cancelled</i> (which asks for the reason), each
 * recorded with {@link AppointmentService#recordCall}. It follows the book's changes on every PC.
 */
public final class TomorrowConfirmCardController implements TodayCard {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final AppointmentService appointments;
    private final Background background;
    private final Changes changes;
    private final ZoneId zone;

    @FXML private VBox tomorrowConfirmCard;
    @FXML private Label confirmSummary;
    @FXML private Label confirmStatus;
    @FXML private Label confirmError;
    @FXML private VBox confirmRows;
    @FXML private VBox confirmCancelBox;
    @FXML private Label confirmCancelTitle;
    @FXML private TextField confirmCancelReason;
    @FXML private Button confirmCancelDo;
    @FXML private Button confirmCancelBack;

    private List<ConfirmationRow> shown = List.of();
    private ConfirmationRow cancelling;
    private final NewestLoad loads = new NewestLoad();

    public TomorrowConfirmCardController(AppointmentService appointments, Background background, Changes changes,
                                         ZoneId zone) {
        this.appointments = Objects.requireNonNull(appointments);
        this.background = Objects.requireNonNull(background);
        this.changes = Objects.requireNonNull(changes);
        this.zone = Objects.requireNonNull(zone);
    }

    @FXML
    private void initialize() {
        Forms.showStatus(confirmStatus, null);
        Forms.showError(confirmError, null);
        confirmCancelReason.setOnAction(e -> cancelAppointment());
        LiveRefresh.follow(tomorrowConfirmCard, changes, Set.of(ChangeFeed.APPOINTMENT, ChangeFeed.PATIENT),
                this::refresh);
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public void refresh() {
        loads.run(background, appointments::tomorrowsConfirmations, this::show,
                error -> Forms.showError(confirmError, Forms.message(error)));
    }

    /** The rows on the card (tests). */
    public List<ConfirmationRow> shown() {
        return shown;
    }

    private void show(List<ConfirmationRow> list) {
        Forms.showError(confirmError, null);
        if (list.equals(shown) && !confirmRows.getChildren().isEmpty()) {
            return;
        }
        shown = List.copyOf(list);
        long toCall = list.stream().filter(r -> r.appointment().status() == AppointmentStatus.BOOKED).count();
        confirmSummary.setText(appointments.today().plusDays(1).format(DAY) + " · " + toCall + " to confirm");
        if (list.isEmpty()) {
            Label none = new Label("No appointments tomorrow.");
            none.getStyleClass().add("appt-empty");
            none.setId("confirmNone");
            confirmRows.getChildren().setAll(none);
            closeCancel();
            attachCancelBox();
            return;
        }
        confirmRows.getChildren().setAll(list.stream().map(this::row).toList());
        if (cancelling != null) {
            long id = cancelling.appointment().id();
            cancelling = list.stream().filter(r -> r.appointment().id() == id && (r.appointment().status()
                    == AppointmentStatus.BOOKED || r.appointment().status() == AppointmentStatus.CONFIRMED))
                    .findFirst().orElse(null);
            if (cancelling == null) {
                closeCancel();
            } else {
                attachCancelBox();
            }
        }
    }

    private Node row(ConfirmationRow r) {
        Appointment a = r.appointment();
        Label time = new Label(TodayAppointmentsCardController.HM.format(a.start()));
        time.getStyleClass().add("appt-time");
        VBox when = new VBox(time);
        TodayAppointmentsCardController.fixed(when, 60);

        Label name = new Label(a.patientName());
        name.getStyleClass().add("appt-name");
        Label sub = new Label(a.kind().label() + " with " + a.injectorName());
        sub.getStyleClass().add("appt-sub");
        VBox who = new VBox(2, name, sub);
        TodayAppointmentsCardController.fixed(who, 230);

        String phone = r.mobilePhone() != null ? r.mobilePhone() : r.otherPhone();
        Label phoneLabel = new Label(phone == null ? "No phone on file" : phone);
        phoneLabel.getStyleClass().add(phone == null ? "appt-sub" : "appt-phone");
        phoneLabel.setId("confirmPhone-" + a.id());
        Label last = new Label(lastCall(r));
        last.getStyleClass().add("appt-sub");
        last.setId("confirmLast-" + a.id());
        last.setWrapText(true);
        VBox call = new VBox(2, phoneLabel, last);
        call.setMinWidth(0);
        HBox.setHgrow(call, Priority.ALWAYS);

        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(0, 0, 0, 72));
        if (a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.CONFIRMED) {
            Button confirmed = button("Confirmed", "mdal-check_circle", "confirmYes-" + a.id());
            confirmed.getStyleClass().add("success");
            confirmed.setOnAction(e -> record(r, ConfirmationOutcome.CONFIRMED, null, confirmed));
            Button message = button("Left message", "mdmz-voicemail", "confirmMessage-" + a.id());
            message.setOnAction(e -> record(r, ConfirmationOutcome.LEFT_MESSAGE, null, message));
            Button cancel = button("Cancelled…", "mdal-event_busy", "confirmCancel-" + a.id());
            cancel.setOnAction(e -> askCancel(r));
            actions.getChildren().addAll(confirmed, message, cancel);
        }
        Label status = TodayAppointmentsCardController.statusLabel(a.status());
        status.setId("confirmStatus-" + a.id());
        HBox statusBox = new HBox(status);
        statusBox.setAlignment(Pos.CENTER_RIGHT);
        TodayAppointmentsCardController.fixed(statusBox, 110);

        HBox top = new HBox(12, when, who, call, statusBox);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, actions);
        box.getStyleClass().add("appt-row");
        box.setId("confirmRow-" + a.id());
        return box;
    }

    private String lastCall(ConfirmationRow r) {
        if (r.calls() == 0) {
            return "Not called yet";
        }
        Instant at = r.lastCallAt();
        return r.calls() + (r.calls() == 1 ? " call" : " calls") + " · last: " + r.lastOutcome().label()
                + (at == null ? "" : ", " + WHEN.format(at.atZone(zone)))
                + (r.lastNote() == null ? "" : " – " + r.lastNote());
    }

    private static Button button(String text, String icon, String id) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().add("appt-call-button");
        b.setId(id);
        return b;
    }

    private void askCancel(ConfirmationRow r) {
        cancelling = r;
        Appointment a = r.appointment();
        confirmCancelTitle.setText("Cancel " + a.patientName() + "'s " + a.kind().label().toLowerCase(Locale.ROOT) + " at "
                + TodayAppointmentsCardController.HM.format(a.start()) + " tomorrow: why?");
        confirmCancelReason.clear();
        Forms.mark(confirmCancelReason, null);
        attachCancelBox();
        confirmCancelBox.setVisible(true);
        confirmCancelBox.setManaged(true);
        Platform.runLater(() -> {
            reveal(confirmCancelBox);
            confirmCancelReason.requestFocus();
        });
    }

    /** Scrolls the screen's scroll pane, if any, so that {@code n} is in view (the card may reach below the window). */
    private static void reveal(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Parent root = n.getScene() == null ? sp : n.getScene().getRoot();
                root.applyCss();
                root.layout();
                Node content = sp.getContent();
                double height = content.getBoundsInLocal().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (height > view) {
                    Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double top = (height - view) * sp.getVvalue();
                    if (b.getMaxY() > top + view || b.getMinY() < top) {
                        sp.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() + 24 - view) / (height - view))));
                    }
                }
                return;
            }
        }
    }

    /** The reason box sits under the row being cancelled. */
    private void attachCancelBox() {
        if (confirmCancelBox.getParent() instanceof VBox parent) {
            parent.getChildren().remove(confirmCancelBox);
        }
        for (Node n : confirmRows.getChildren()) {
            if (cancelling != null && ("confirmRow-" + cancelling.appointment().id()).equals(n.getId()) && n instanceof VBox row) {
                row.getChildren().add(confirmCancelBox);
                return;
            }
        }
        tomorrowConfirmCard.getChildren().add(confirmCancelBox);
    }

    @FXML
    private void closeCancel() {
        cancelling = null;
        Forms.mark(confirmCancelReason, null);
        confirmCancelBox.setVisible(false);
        confirmCancelBox.setManaged(false);
    }

    @FXML
    private void cancelAppointment() {
        ConfirmationRow r = cancelling;
        if (r == null) {
            return;
        }
        String reason = confirmCancelReason.getText();
        if (reason == null || reason.isBlank()) {
            Forms.mark(confirmCancelReason, "Write why the patient cancelled.");
            Forms.showError(confirmError, "Write why the patient cancelled.");
            return;
        }
        record(r, ConfirmationOutcome.CANCELLED, reason, confirmCancelDo);
    }

    private void record(ConfirmationRow r, ConfirmationOutcome outcome, String note, Button b) {
        Appointment a = r.appointment();
        b.setDisable(true);
        Forms.showError(confirmError, null);
        background.run(() -> appointments.recordCall(a.id(), a.version(), outcome, note), done -> {
            b.setDisable(false);
            if (outcome == ConfirmationOutcome.CANCELLED) {
                closeCancel();
            }
            Forms.showStatus(confirmStatus, "Logged “" + outcome.label() + "” for " + a.patientName() + " ("
                    + TodayAppointmentsCardController.HM.format(a.start()) + ").");
            refresh();
        }, error -> {
            b.setDisable(false);
            Forms.showStatus(confirmStatus, null);
            Forms.showError(confirmError, Forms.message(error) + (error instanceof StaleRecordException
                    ? " The list has been reloaded." : ""));
            refresh();
        });
    }
}
