package org.needlepoint.chart;

import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Changes;
import org.needlepoint.schedule.ConsentController;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.View;

/**
 * The chart's screening and consent (ScreeningView.fxml), bound to a {@link ScreeningModel}: the signed
 * consents on file for the products charted (looked up again when the products' kinds change, when a
 * consent is signed on any PC, and after the consent screen opened from here reports one), the
 * screening checklist and the clinical notes.
 */
public final class ScreeningController {
    private final ScreeningModel model = new ScreeningModel();
    private final ChartService charts;
    private final Background background;
    private final Changes changes;
    private final Supplier<View<ConsentController>> consentScreen;
    private long patientId;
    private String patientLabel = "";

    @FXML private VBox screeningRoot;
    @FXML private VBox consentOnFile;
    @FXML private Label consentMissing;
    @FXML private Button chartSignConsentButton;
    @FXML private Button screeningAllNoButton;
    @FXML private VBox screeningList;
    @FXML private TextArea clinicalNotes;

    public ScreeningController(ChartService charts, Background background, Changes changes,
                               Supplier<View<ConsentController>> consentScreen) {
        this.charts = charts;
        this.background = background;
        this.changes = changes;
        this.consentScreen = consentScreen;
    }

    @FXML
    private void initialize() {
        clinicalNotes.textProperty().bindBidirectional(model.notesProperty());
        for (var n : new javafx.scene.Node[] {screeningAllNoButton, clinicalNotes, chartSignConsentButton}) {
            n.disableProperty().bind(model.lockedProperty());
        }
        model.coverageQueryProperty().addListener((o, was, q) -> lookUpConsents());
        model.coverageProperty().addListener((o, was, c) -> consents());
        LiveRefresh.follow(consentOnFile, changes, Set.of(ChangeFeed.CONSENT), this::lookUpConsents);
        consents();
        model.entries().addListener((ListChangeListener<ScreeningEntry>) c -> rows());
        model.lockedProperty().addListener((o, was, is) -> rows());
        rows();
    }

    public ScreeningModel model() {
        return model;
    }

    /** The chart's patient: whose consents are looked up, named on the consent screen. */
    public void showPatient(long id, String label) {
        this.patientId = id;
        this.patientLabel = label;
    }

    private void lookUpConsents() {
        ScreeningModel.CoverageQuery q = model.coverageQueryProperty().get();
        if (q == null || q.visitId() == 0) {
            return;
        }
        background.run(() -> charts.consentsOnFile(q.visitId(), q.kinds()), found -> model.showCoverage(q, found),
                error -> Forms.showError(consentMissing, Forms.message(error)));
    }

    /** The consents on file, one line each, or what is missing. */
    private void consents() {
        consentOnFile.getChildren().clear();
        for (String line : model.consentLines()) {
            Label l = new Label("\u2713  " + line);
            l.setWrapText(true);
            l.getStyleClass().add("consent-ok");
            consentOnFile.getChildren().add(l);
        }
        String missing = model.consentMissing();
        Forms.showError(consentMissing, missing);
        // what to do next stands out while a consent is missing
        chartSignConsentButton.getStyleClass().remove("accent");
        if (missing != null && model.coverageProperty().get() != null) {
            chartSignConsentButton.getStyleClass().add("accent");
        }
    }

    /** Opens the consent screen for the patient with the kinds this treatment needs ticked; signing there updates this step. */
    @FXML
    private void signConsent() {
        ScreeningModel.CoverageQuery q = model.coverageQueryProperty().get();
        View<ConsentController> v = consentScreen.get();
        v.controller().show(patientId, patientLabel, model.neededKinds(), q == null ? null : q.visitId(),
                signed -> lookUpConsents());
        v.controller().openWindow(screeningRoot.getScene() == null ? null : screeningRoot.getScene().getWindow());
    }

    /** One row per question: its label and big Yes / No toggles ("screen-ITEM-yes"). */
    private void rows() {
        screeningList.getChildren().clear();
        if (model.entries().isEmpty()) {
            Label none = new Label("Chart a product first: its questions appear here.");
            none.getStyleClass().add("text-muted");
            screeningList.getChildren().add(none);
        }
        boolean locked = model.lockedProperty().get();
        for (ScreeningEntry s : model.entries()) {
            Label label = new Label(ScreeningModel.label(s));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            ToggleGroup g = new ToggleGroup();
            ToggleButton yes = toggle(s, true, g, locked);
            ToggleButton no = toggle(s, false, g, locked);
            HBox row = new HBox(6, label, yes, no);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(s.answer() == ScreeningAnswer.YES ? "screening-yes" : "screening-row");
            screeningList.getChildren().add(row);
        }
    }

    private ToggleButton toggle(ScreeningEntry s, boolean yes, ToggleGroup g, boolean locked) {
        ToggleButton b = new ToggleButton(yes ? "Yes" : "No");
        b.setId("screen-" + s.item().name() + (yes ? "-yes" : "-no"));
        b.setToggleGroup(g);
        b.setSelected(s.answer() == (yes ? ScreeningAnswer.YES : ScreeningAnswer.NO));
        b.setDisable(locked);
        b.setOnAction(e -> model.toggled(s.item(), yes, b.isSelected()));
        return b;
    }

    @FXML
    private void answerRestNo() {
        model.answerRestNo();
    }
}
