package org.needlepoint.schedule;

import static org.needlepoint.schedule.TodayAppointmentsCardController.HM;
import static org.needlepoint.schedule.TodayAppointmentsCardController.fixed;
import static org.needlepoint.schedule.TodayAppointmentsCardController.statusLabel;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.NewestLoad;
import org.needlepoint.ui.Shell;
import org.needlepoint.ui.TodayCard;

/**
 * The Today screen's "My patients today", for those who chart: the signed-in injector's appointments of today by
 * time, each with its status, whether the desk has checked the patient in (and when), the planned products and
 * whether their consent is on file; <i>Open chart</i> takes a checked-in patient into treatment and opens the visit
 * draft the check-in prepared. It follows the book, the charts and the consents on every PC, so a check-in at the
 * desk shows here by itself. The front desk does not see it.
 */
public final class MyPatientsCardController implements TodayCard {
    private final CheckInService checkIns;
    private final Session session;
    private final Background background;
    private final Changes changes;
    private final Shell shell;
    private final ZoneId zone;

    @FXML private VBox myPatientsCard;
    @FXML private Label myPatientsSummary;
    @FXML private Label myPatientsError;
    @FXML private VBox myPatientsRows;

    private List<MyPatient> shown = List.of();
    private final NewestLoad loads = new NewestLoad();
    private boolean charting;

    public MyPatientsCardController(CheckInService checkIns, Session session, Background background, Changes changes,
                                    Shell shell, ZoneId zone) {
        this.checkIns = Objects.requireNonNull(checkIns);
        this.session = Objects.requireNonNull(session);
        this.background = Objects.requireNonNull(background);
        this.changes = Objects.requireNonNull(changes);
        this.shell = Objects.requireNonNull(shell);
        this.zone = Objects.requireNonNull(zone);
    }

    @FXML
    private void initialize() {
        charting = session.user().map(u -> u.role() == Role.INJECTOR || u.role() == Role.ADMIN).orElse(false);
        myPatientsCard.setVisible(charting);
        myPatientsCard.setManaged(charting);
        Forms.showError(myPatientsError, null);
        if (charting) {
            LiveRefresh.follow(myPatientsCard, changes, Set.of(ChangeFeed.APPOINTMENT, ChangeFeed.CHART,
                    ChangeFeed.CONSENT, ChangeFeed.PATIENT), this::refresh);
        }
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public void refresh() {
        if (!charting) {
            return;
        }
        loads.run(background, checkIns::myPatientsToday, this::show,
                error -> Forms.showError(myPatientsError, Forms.message(error)));
    }

    /** The patients on the card (tests). */
    public List<MyPatient> shown() {
        return shown;
    }

    private void show(List<MyPatient> list) {
        Forms.showError(myPatientsError, null);
        if (list.equals(shown) && !myPatientsRows.getChildren().isEmpty()) {
            return;
        }
        shown = List.copyOf(list);
        long in = list.stream().filter(MyPatient::checkedIn).count();
        myPatientsSummary.setText(list.size() + (list.size() == 1 ? " patient" : " patients") + " \u00b7 " + in
                + " checked in");
        if (list.isEmpty()) {
            Label none = new Label("No patients booked with you today.");
            none.getStyleClass().add("appt-empty");
            none.setId("myPatientsNone");
            myPatientsRows.getChildren().setAll(none);
            return;
        }
        myPatientsRows.getChildren().setAll(list.stream().map(this::row).toList());
    }

    private Node row(MyPatient m) {
        var a = m.appointment();
        Label time = new Label(HM.format(a.start()));
        time.getStyleClass().add("appt-time");
        Label until = new Label("to " + HM.format(a.end()));
        until.getStyleClass().add("appt-sub");
        VBox when = new VBox(0, time, until);
        fixed(when, 70);

        Label name = new Label(a.patientName());
        name.getStyleClass().add("appt-name");
        name.setId("myPatient-" + a.id());
        Label status = statusLabel(a.status());
        status.setId("myPatientStatus-" + a.id());
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox nameLine = new HBox(8, name, status);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        Label what = new Label(a.kind().label() + " \u00b7 chart " + a.chartNumber()
                + (m.products().isEmpty() ? "" : " \u00b7 " + String.join(", ", m.products()))
                + (a.roomName() == null ? "" : " \u00b7 " + a.roomName()));
        what.getStyleClass().add("appt-sub");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        Label consent = consentLabel(m);
        consent.setId("myPatientConsent-" + a.id());
        VBox who = new VBox(2, nameLine, what, consent);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);

        Label checkedIn;
        if (m.checkedIn()) {
            checkedIn = new Label("Checked in " + HM.format(a.checkedInAt().atZone(zone)), new FontIcon("mdal-check_circle"));
            checkedIn.getStyleClass().add("appt-checked-in");
        } else {
            checkedIn = new Label(a.status().blocksTime() && a.status() != AppointmentStatus.COMPLETED
                    ? "Not checked in yet" : "");
            checkedIn.getStyleClass().add("appt-waiting");
        }
        checkedIn.setId("myPatientCheckedIn-" + a.id());
        checkedIn.setMinWidth(Region.USE_PREF_SIZE);
        Button open = new Button("Open chart", new FontIcon("mdal-launch"));
        open.getStyleClass().addAll("accent", "appt-big-button");
        open.setId("myPatientOpen-" + a.id());
        open.setDisable(!m.checkedIn());
        open.setOnAction(e -> openChart(m, open));
        VBox act = new VBox(6, checkedIn, open);
        act.setAlignment(Pos.CENTER_RIGHT);
        fixed(act, 170);

        HBox box = new HBox(12, when, who, act);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("appt-row");
        box.setId("myPatientRow-" + a.id());
        return box;
    }

    /** "Consent on file", "Consent missing: Botulinum toxin (neuromodulator)", or nothing when no product is planned. */
    private static Label consentLabel(MyPatient m) {
        ConsentCoverage c = m.consents();
        if (m.products().isEmpty()) {
            Label l = new Label("No products planned");
            l.getStyleClass().add("appt-sub");
            return l;
        }
        if (c.complete()) {
            Label l = new Label("Consent on file", new FontIcon("mdal-check"));
            l.getStyleClass().add("appt-consent-ok");
            return l;
        }
        Label l = new Label("Consent missing: " + c.missing().stream().sorted().map(ConsentKind::label)
                .collect(Collectors.joining(", ")), new FontIcon("mdal-error_outline"));
        l.setWrapText(true);
        l.getStyleClass().add("appt-consent-missing");
        return l;
    }

    private void openChart(MyPatient m, Button b) {
        b.setDisable(true);
        Forms.showError(myPatientsError, null);
        long id = m.appointment().id();
        background.run(() -> checkIns.startTreatment(id), a -> {
            shell.openChart(a.patientId(), a.visitId());
            refresh();
        }, error -> {
            b.setDisable(false);
            Forms.showError(myPatientsError, Forms.message(error));
            refresh();
        });
    }
}
