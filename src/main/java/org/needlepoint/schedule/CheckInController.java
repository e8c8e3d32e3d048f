package org.needlepoint.schedule;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.common.ValidationException;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.View;

/**
 * The check-in screen (CheckInView.fxml), bound to a {@link CheckInModel}: opened over the Today card or the book
 * for one of today's appointments ({@link #open}), in a window of its own. "Sign consent" opens the consent screen
 * for the kinds missing; Complete (Enter) checks the patient in, Cancel (Esc) closes without saving.
 */
public final class CheckInController {
    private final CheckInService checkIns;
    private final ConsentService consents;
    private final Background background;
    private final Supplier<View<ConsentController>> consentScreen;
    private final ZoneId zone;
    private final CheckInModel model = new CheckInModel();
    private Consumer<CheckedIn> onDone = d -> { };
    private Stage stage;

    @FXML private BorderPane checkInRoot;
    @FXML private Label checkInPatient;
    @FXML private Label checkInAppointment;
    @FXML private Label checkInLoadError;
    @FXML private Label checkInIdentity;
    @FXML private CheckBox checkInIdentityConfirmed;
    @FXML private Label checkInIdentityError;
    @FXML private TextField checkInMobile;
    @FXML private TextField checkInOtherPhone;
    @FXML private TextField checkInEmail;
    @FXML private TextField checkInAddress;
    @FXML private TextField checkInCity;
    @FXML private TextField checkInRegion;
    @FXML private TextField checkInPostal;
    @FXML private ComboBox<String> checkInRewardsProgramme;
    @FXML private TextField checkInRewardsMember;
    @FXML private Button checkInAllNo;
    @FXML private Label checkInScreeningSummary;
    @FXML private VBox checkInScreeningList;
    @FXML private VBox checkInConsents;
    @FXML private Button checkInSignConsent;
    @FXML private Label checkInConsentHint;
    @FXML private Label checkInError;
    @FXML private Button checkInCancel;
    @FXML private Button checkInComplete;

    public CheckInController(CheckInService checkIns, ConsentService consents, Background background,
                             Supplier<View<ConsentController>> consentScreen, ZoneId zone) {
        this.checkIns = Objects.requireNonNull(checkIns);
        this.consents = Objects.requireNonNull(consents);
        this.background = Objects.requireNonNull(background);
        this.consentScreen = Objects.requireNonNull(consentScreen);
        this.zone = Objects.requireNonNull(zone);
    }

    @FXML
    private void initialize() {
        checkInIdentityConfirmed.selectedProperty().bindBidirectional(model.identityConfirmedProperty());
        checkInMobile.textProperty().bindBidirectional(model.mobilePhoneProperty());
        checkInOtherPhone.textProperty().bindBidirectional(model.otherPhoneProperty());
        checkInEmail.textProperty().bindBidirectional(model.emailProperty());
        checkInAddress.textProperty().bindBidirectional(model.addressLineProperty());
        checkInCity.textProperty().bindBidirectional(model.cityProperty());
        checkInRegion.textProperty().bindBidirectional(model.regionProperty());
        checkInPostal.textProperty().bindBidirectional(model.postalCodeProperty());
        checkInRewardsProgramme.getItems().setAll(PatientDetails.REWARDS_PROGRAMMES);
        checkInRewardsProgramme.getEditor().textProperty().bindBidirectional(model.rewardsProgrammeProperty());
        checkInRewardsMember.textProperty().bindBidirectional(model.rewardsMemberProperty());
        checkInComplete.disableProperty().bind(model.busyProperty().or(model.sheetProperty().isNull()));
        checkInSignConsent.disableProperty().bind(model.busyProperty().or(model.sheetProperty().isNull()));
        checkInAllNo.disableProperty().bind(model.busyProperty());
        checkInIdentityConfirmed.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                Forms.showError(checkInIdentityError, null);
            }
        });
        // a field's refusal is cleared as soon as it is edited
        fields().forEach((name, control) -> {
            javafx.beans.value.ObservableValue<?> value = control instanceof TextField t ? t.textProperty()
                    : control instanceof ComboBox<?> c ? c.getEditor().textProperty()
                    : ((CheckBox) control).selectedProperty();
            value.addListener((o, was, is) -> {
                if (control.getStyleClass().contains("field-error")) {
                    Forms.mark(control, null);
                    Forms.showError(checkInError, null);
                }
            });
        });
        model.screening().addListener((ListChangeListener<ScreeningEntry>) c -> rows());
        model.consentsProperty().addListener((o, was, now) -> consentLines());
    }

    /**
     * Loads the check-in of today's appointment {@code appointmentId} and opens it in a window over {@code owner};
     * {@code whenDone} hears the completed check-in, {@code whenRefused} why the check-in could not be opened.
     */
    public void open(long appointmentId, Window owner, Consumer<CheckedIn> whenDone, Consumer<String> whenRefused) {
        this.onDone = Objects.requireNonNull(whenDone);
        model.busyProperty().set(true);
        background.run(() -> checkIns.sheet(appointmentId), sheet -> {
            model.busyProperty().set(false);
            show(sheet);
            openWindow(owner);
        }, error -> {
            model.busyProperty().set(false);
            whenRefused.accept(Forms.message(error));
        });
    }

    private void show(CheckInSheet sheet) {
        model.load(sheet);
        checkInPatient.setText(model.patientName());
        checkInAppointment.setText(model.appointmentLine());
        checkInIdentity.setText(model.identityLine(checkIns.today()));
        Forms.showError(checkInLoadError, null);
        Forms.showError(checkInError, null);
        Forms.showError(checkInIdentityError, null);
        rows();
        consentLines();
    }

    private void openWindow(Window owner) {
        stage = new Stage();
        stage.setTitle("Check in: " + model.patientName());
        Scene scene = new Scene(checkInRoot);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(checkInRoot.getPrefWidth(), screen.getWidth()));
        stage.setHeight(Math.min(checkInRoot.getPrefHeight(), screen.getHeight()));
        stage.show();
        Platform.runLater(checkInIdentityConfirmed::requestFocus);
    }

    /** One row per question: its label and big Yes / No toggles ("checkInScreen-ITEM-yes"). */
    private void rows() {
        checkInScreeningList.getChildren().clear();
        for (ScreeningEntry s : model.screening()) {
            Label label = new Label(s.item().label() + (s.flaggedByRecord() ? "  (on the patient's record)" : ""));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            label.getStyleClass().add("checkin-question");
            HBox.setHgrow(label, Priority.ALWAYS);
            ToggleGroup g = new ToggleGroup();
            HBox row = new HBox(6, label, toggle(s, true, g), toggle(s, false, g));
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("checkin-row");
            if (s.answer() == ScreeningAnswer.YES) {
                row.getStyleClass().add("answered-yes");
            }
            row.setId("checkInQuestion-" + s.item().name());
            checkInScreeningList.getChildren().add(row);
        }
        checkInScreeningSummary.setText(model.screening().isEmpty() ? "" : model.screeningSummary());
    }

    private ToggleButton toggle(ScreeningEntry s, boolean yes, ToggleGroup g) {
        ToggleButton b = new ToggleButton(yes ? "Yes" : "No");
        b.setId("checkInScreen-" + s.item().name() + (yes ? "-yes" : "-no"));
        b.getStyleClass().add("checkin-answer");
        b.setToggleGroup(g);
        b.setSelected(s.answer() == (yes ? ScreeningAnswer.YES : ScreeningAnswer.NO));
        b.setOnAction(e -> model.toggled(s.item(), yes, b.isSelected()));
        return b;
    }

    /** Per kind, the consent on file or "no valid consent on file"; "Sign consent" stands out while one is missing. */
    private void consentLines() {
        checkInConsents.getChildren().clear();
        List<CheckInModel.ConsentLine> lines = model.consentLines();
        for (CheckInModel.ConsentLine l : lines) {
            Label line = new Label(l.text(), new FontIcon(l.missing() ? "mdal-error_outline" : "mdal-check_circle"));
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setId("checkInConsent-" + l.kind().name());
            line.getStyleClass().add(l.missing() ? "checkin-consent-missing" : "checkin-consent-ok");
            checkInConsents.getChildren().add(line);
        }
        boolean missing = !model.missingKinds().isEmpty();
        checkInSignConsent.getStyleClass().remove("accent");
        if (missing) {
            checkInSignConsent.getStyleClass().add("accent");
        }
        checkInConsentHint.setText(lines.isEmpty() ? "No products are planned: the injector checks the consent when charting."
                : missing ? "The patient can sign now, or check in without it: the chart cannot be signed until it is."
                : "Every consent the planned treatment needs is on file.");
    }

    @FXML
    private void answerRestNo() {
        model.answerRestNo();
    }

    @FXML
    private void signConsent() {
        CheckInSheet s = model.sheetProperty().get();
        View<ConsentController> v = consentScreen.get();
        v.controller().show(s.patient().id(), model.patientName() + " \u00b7 chart " + s.patient().chartNumber(),
                model.missingKinds(), s.appointment().visitId(), signed -> refreshConsents());
        v.controller().openWindow(stage);
    }

    private void refreshConsents() {
        CheckInSheet s = model.sheetProperty().get();
        background.run(() -> consents.validConsentFor(s.patient().id(), model.productKinds(), checkIns.today()),
                model.consentsProperty()::set, error -> Forms.showError(checkInError, Forms.message(error)));
    }

    @FXML
    private void complete() {
        CheckInForm form = model.form();
        Forms.showError(checkInError, null);
        Forms.showError(checkInIdentityError, null);
        Forms.markAll(fields(), Map.of());
        model.busyProperty().set(true);
        background.run(() -> checkIns.complete(form), done -> {
            model.busyProperty().set(false);
            close();
            onDone.accept(done);
        }, error -> {
            model.busyProperty().set(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(fields(), v.fieldErrors());
                Forms.showError(checkInIdentityError, v.fieldErrors().get("identityConfirmed"));
                if (v.fieldErrors().containsKey("identityConfirmed")) {
                    checkInIdentityConfirmed.requestFocus();
                } else {
                    fields().entrySet().stream().filter(e -> v.fieldErrors().containsKey(e.getKey())).findFirst()
                            .ifPresent(e -> e.getValue().requestFocus());
                }
            }
            // the identity's refusal stands at the tick; any other is said here too (a field's mark is only an icon)
            boolean onlyIdentity = error instanceof ValidationException v
                    && v.fieldErrors().keySet().equals(java.util.Set.of("identityConfirmed"));
            Forms.showError(checkInError, onlyIdentity ? null : Forms.message(error));
        });
    }

    private Map<String, Control> fields() {
        Map<String, Control> m = new LinkedHashMap<>();
        m.put("identityConfirmed", checkInIdentityConfirmed);
        m.put("mobilePhone", checkInMobile);
        m.put("otherPhone", checkInOtherPhone);
        m.put("email", checkInEmail);
        m.put("addressLine", checkInAddress);
        m.put("city", checkInCity);
        m.put("region", checkInRegion);
        m.put("postalCode", checkInPostal);
        m.put("rewardsProgramme", checkInRewardsProgramme);
        m.put("rewardsMember", checkInRewardsMember);
        return m;
    }

    @FXML
    private void cancel() {
        close();
    }

    private void close() {
        if (stage != null) {
            stage.close();
        }
    }

    /** What the desk is told once the patient is checked in. */
    public String doneMessage(CheckedIn done) {
        return CheckInModel.doneMessage(done, zone);
    }

    public CheckInModel model() {
        return model;
    }
}
