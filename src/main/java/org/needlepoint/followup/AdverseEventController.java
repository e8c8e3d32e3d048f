package org.needlepoint.followup;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.common.ValidationException;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Page;
import org.needlepoint.ui.Shell;

/**
 * The side-effect form (injectors and admins), the coordinator of its parts: the signed visit's map
 * whose points a tap selects ({@link AdverseEventPointsController}), the event's fields
 * ({@link AdverseEventFormController}) and the MedWatch export ({@link MedWatchExportController}),
 * included in {@code AdverseEventView}. What the form shows and when is {@link AdverseEventModel}'s
 * to say; this controller binds the header to it, calls the services in the background and hands
 * the model their answers. What is typed is checked as it is typed by the service's rules
 * ({@link AdverseEventService#problems}). Ctrl+S saves; an urgent event then shows the clinic's
 * checklist in a red panel at once.
 *
 * <p>Three ways in: {@link #startOnVisit} (the signed chart's "Report side effect"),
 * {@link #startFromReport} (a patient's phoned-in report: the form first asks which visit) and
 * {@link #openEvent} (a recorded event, to read or change).
 */
public final class AdverseEventController implements Page {
    static final DateTimeFormatter TYPED = AdverseEventModel.TYPED;
    static final DateTimeFormatter DAY = AdverseEventModel.DAY;

    private final AdverseEventService events;
    private final ChartService charts;
    private final Background background;
    private final Shell shell;
    private final Clock clock;
    private final ZoneId zone;
    private AdverseEventModel model;
    private Runnable onClose = () -> { };

    @FXML private BorderPane aeRoot;
    @FXML private Label aeTitle;
    @FXML private Label aeSubtitle;
    @FXML private Label aeSaveStatus;
    @FXML private Button aeSaveButton;
    @FXML private Label aeError;
    @FXML private Button aeReloadButton;
    @FXML private VBox reportPanel;
    @FXML private Label reportHeading;
    @FXML private Label reportText;
    @FXML private VBox visitChooser;
    @FXML private ListView<VisitSummary> visitChoices;
    @FXML private Label visitChoicesEmpty;
    @FXML private Button useVisitButton;
    @FXML private HBox formPane;
    @FXML private AdverseEventPointsController pointsController;
    @FXML private AdverseEventFormController formController;
    @FXML private MedWatchExportController medWatchController;

    /** @param clock its zone gives the visit's day, as the service counts it */
    public AdverseEventController(AdverseEventService events, ChartService charts, Background background, Shell shell,
                                  Clock clock) {
        this.events = events;
        this.charts = charts;
        this.background = background;
        this.shell = shell;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** What Back (and Esc) does once any unsaved typing is kept or discarded. */
    public void setOnClose(Runnable onClose) {
        this.onClose = Objects.requireNonNull(onClose);
    }

    @FXML
    private void initialize() {
        model = new AdverseEventModel(clock, formController.model(), pointsController.model(),
                medWatchController.model());
        model.setOnChange(this::check);
        aeTitle.textProperty().bind(model.titleProperty());
        aeSubtitle.textProperty().bind(model.subtitleProperty());
        aeSaveStatus.textProperty().bind(model.saveStatusProperty());
        model.errorProperty().addListener((o, was, now) -> Forms.showError(aeError, now));
        Forms.showError(aeError, null);
        aeReloadButton.visibleProperty().bind(model.reloadShownProperty());
        aeReloadButton.managedProperty().bind(model.reloadShownProperty());
        // not disabled while saving (save() ignores a second press): a disabled focused button would move the focus
        aeSaveButton.visibleProperty().bind(model.formShownProperty());
        aeSaveButton.managedProperty().bind(model.formShownProperty());
        aeSaveButton.disableProperty().bind(model.formShownProperty().not());
        reportPanel.visibleProperty().bind(model.reportShownProperty());
        reportPanel.managedProperty().bind(model.reportShownProperty());
        reportHeading.textProperty().bind(model.reportHeadingProperty());
        reportText.textProperty().bind(model.reportTextProperty());
        visitChooser.visibleProperty().bind(model.chooserShownProperty());
        visitChooser.managedProperty().bind(model.chooserShownProperty());
        formPane.visibleProperty().bind(model.formShownProperty());
        formPane.managedProperty().bind(model.chooserShownProperty().not());
        visitChoices.setItems(model.visitChoices());
        visitChoicesEmpty.textProperty().bind(model.visitChoicesEmptyProperty());
        visitChoices.setCellFactory(l -> new VisitCell());
        visitChoices.getSelectionModel().selectedItemProperty().addListener((o, a, v) ->
                useVisitButton.setDisable(v == null));
        aeRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.S && e.isShortcutDown()) {
                save();
                e.consume();
            }
        });
        // a filter: the map would otherwise take Escape for itself; an open list closes first
        aeRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !formController.popupShowing()) {
                back();
                e.consume();
            }
        });
    }

    // ---------------------------------------------------------------------------------- the ways in

    /** A new event on {@code visitId}, a signed visit of {@code patient}. */
    public void startOnVisit(Patient patient, long visitId) {
        model.startOnVisit(patient.id(), patient.details().displayName() + " \u00b7 chart " + patient.chartNumber());
        loadVisit(visitId);
    }

    /**
     * A new event from the patient's phoned-in report {@code reportId}, as the review list saw it
     * ({@code reportVersion}): the form first lists the patient's signed visits, newest first; saving
     * records the event and marks the report recorded.
     */
    public void startFromReport(long patientId, long reportId, int reportVersion) {
        model.startFromReport(patientId, reportVersion);
        background.run(() -> {
            PatientReport r = events.patientReports(patientId).stream().filter(x -> x.id() == reportId).findFirst()
                    .orElseThrow(() -> new ValidationException("report", "This report no longer exists."));
            List<VisitSummary> signed = charts.history(patientId).stream()
                    .filter(v -> v.status() == VisitStatus.SIGNED).toList();
            return new Chooser(r, signed);
        }, c -> {
            if (model.reportLoaded(c.report(), c.visits()) && !c.visits().isEmpty()) {
                visitChoices.getSelectionModel().select(0);
                visitChoices.requestFocus();
            }
        }, this::failed);
    }

    private record Chooser(PatientReport report, List<VisitSummary> visits) {
    }

    /** A recorded event, to read or change. */
    public void openEvent(long eventId) {
        model.openingEvent();
        background.run(() -> {
            AdverseEvent e = events.event(eventId);
            return new Loaded(charts.openVisit(e.visitId()), charts.catalog(), e, events.history(eventId),
                    e.urgentOpen() ? events.urgentChecklist() : null);
        }, this::show, this::failed);
    }

    private record Loaded(VisitChart chart, Catalog catalog, AdverseEvent event, List<AuditEntry> history,
                          String checklist) {
    }

    @FXML
    private void useVisit() {
        VisitSummary v = visitChoices.getSelectionModel().getSelectedItem();
        if (v != null) {
            loadVisit(v.id());
        }
    }

    private void loadVisit(long visitId) {
        model.openingVisit();
        background.run(() -> new Loaded(charts.openVisit(visitId), charts.catalog(), null, List.of(), null),
                this::show, this::failed);
    }

    private void show(Loaded l) {
        if (model.show(l.chart(), l.catalog(), l.event(), l.history(), l.checklist())) {
            pointsController.visitShown();
        }
    }

    // ---------------------------------------------------------------------------------- checking and saving

    /** Checks the form by the service's rules in the background; the model ignores a slower earlier check. */
    private void check() {
        AdverseEventModel.Check c = model.check();
        if (c != null) {
            background.run(() -> events.problems(c.draft()), found -> model.checked(c, found),
                    error -> model.checkFailed(c, Forms.message(error)));
        }
    }

    @FXML
    private void save() {
        AdverseEventModel.Save s = model.save();
        if (s == null) {
            return;
        }
        background.run(() -> {
            s.refuseIfProblems(events.problems(s.draft()));
            AdverseEvent saved = s.before() != null ? events.updateEvent(s.before().id(), s.before().version(), s.draft())
                    : s.report() != null ? events.recordEventFromReport(s.report().id(), s.reportVersion(), s.draft())
                    : events.recordEvent(s.draft());
            return new Saved(saved, events.history(saved.id()), saved.urgentOpen() ? events.urgentChecklist() : null);
        }, l -> {
            shell.status(model.saved(s, l.event(), l.history(), l.checklist()));
            if (l.checklist() != null) {
                formController.scrollToTop(); // the checklist is at the top of the form: in view at once
            }
            shell.followUpsChanged(); // the urgent banner, the review list and the worklist reload
        }, error -> {
            Set<String> fields = model.saveFailed(error, Forms.message(error));
            formController.focusFirst(fields);
        });
    }

    private record Saved(AdverseEvent event, List<AuditEntry> history, String checklist) {
    }

    @FXML
    private void reload() {
        Long eventId = model.reload();
        if (eventId != null) {
            openEvent(eventId);
        }
    }

    private void failed(Throwable error) {
        model.failed(Forms.message(error));
    }

    // ---------------------------------------------------------------------------------- leaving

    @FXML
    private void back() {
        if (isDirty() && !confirmDiscard()) {
            return;
        }
        model.keepAsIs();
        onClose.run();
    }

    @Override
    public boolean isDirty() {
        return model.isDirty();
    }

    @Override
    public boolean confirmDiscard() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The side effect's changes are not saved.",
                new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE),
                new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setHeaderText("Discard unsaved changes?");
        if (aeRoot.getScene() != null) {
            a.initOwner(aeRoot.getScene().getWindow());
        }
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** For tests: the recorded event as last saved or opened. */
    public Optional<AdverseEvent> event() {
        return Optional.ofNullable(model.event());
    }

    /** For tests: the keys of the selected points. */
    public List<String> selectedPoints() {
        return model.points().selectedKeys();
    }

    /** A signed visit to choose: day, injector, products and points. */
    private final class VisitCell extends ListCell<VisitSummary> {
        @Override
        protected void updateItem(VisitSummary v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setText(null);
                setId(null);
                return;
            }
            setId("chooseVisit-" + v.id());
            setText(DAY.format(v.startedAt().atZone(zone)) + "  \u00b7  " + v.injectorName() + "\n"
                    + v.products().stream().map(p -> p.productName() + ": " + p.unit().format(p.amount()))
                    .collect(Collectors.joining(", ")) + "  \u00b7  " + v.points()
                    + (v.points() == 1 ? " point" : " points"));
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    loadVisit(getItem().id());
                }
            });
        }
    }
}
