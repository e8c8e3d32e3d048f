package org.needlepoint.followup;

import java.io.File;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Window;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.MapPoint;
import org.needlepoint.chart.SiteMap;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Dates;
import org.needlepoint.common.Decimals;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Unit;
import org.needlepoint.patient.Patient;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Page;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Shell;

/**
 * The side-effect form (injectors and admins). It shows a SIGNED visit's site map read-only: a tap
 * on a marker selects or unselects that point (no modifier key: gloves), "Select all" on a product's
 * line takes all its points, and the products and lots of the selected points are listed under the
 * map. Beside it, the event's fields; what is typed is checked as it is typed by the service's rules
 * ({@link AdverseEventService#problems}) and marked on the field. Ctrl+S saves; an urgent event then
 * shows the clinic's checklist in a red panel at once. A saved event exports as a MedWatch-ready PDF
 * or as text on the clipboard.
 *
 * <p>Three ways in: {@link #startOnVisit} (the signed chart's "Report side effect"),
 * {@link #startFromReport} (a patient's phoned-in report: the form first asks which visit) and
 * {@link #openEvent} (a recorded event, to read or change).
 */
public final class AdverseEventController implements Page {
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final String FALLBACK_COLOUR = "#6e7781";
    private static final String CHECK = "\u2713 ";

    private final AdverseEventService events;
    private final ChartService charts;
    private final ReportService reports;
    private final Background background;
    private final Shell shell;
    private final Supplier<SaveDialog> saveDialog;
    private final ZoneId zone;
    private Runnable onClose = () -> { };

    @FXML private BorderPane aeRoot;
    @FXML private Label aeTitle;
    @FXML private Label aeSubtitle;
    @FXML private Label aeSaveStatus;
    @FXML private Button medWatchPdfButton;
    @FXML private Button medWatchTextButton;
    @FXML private Button aeSaveButton;
    @FXML private Label aeError;
    @FXML private Button aeReloadButton;
    @FXML private VBox urgentPanel;
    @FXML private Label urgentTitle;
    @FXML private Label urgentChecklist;
    @FXML private VBox reportPanel;
    @FXML private Label reportHeading;
    @FXML private Label reportText;
    @FXML private VBox visitChooser;
    @FXML private ListView<VisitSummary> visitChoices;
    @FXML private Label visitChoicesEmpty;
    @FXML private Button useVisitButton;
    @FXML private HBox formPane;
    @FXML private HBox aeViews;
    @FXML private SiteMap eventMap;
    @FXML private Label pointsSummary;
    @FXML private Label pointsError;
    @FXML private ScrollPane productsScroll;
    @FXML private VBox productsBox;
    @FXML private ScrollPane fieldsScroll;
    @FXML private VBox fieldsBox;
    @FXML private TextField onsetDate;
    @FXML private TextField reportedOn;
    @FXML private Label timingLabel;
    @FXML private ComboBox<AdverseEventType> eventType;
    @FXML private Label otherLabel;
    @FXML private TextField otherDescription;
    @FXML private Label urgentHint;
    @FXML private HBox severityBox;
    @FXML private Label severityMeaning;
    @FXML private CheckBox visionChange;
    @FXML private CheckBox breathingDifficulty;
    @FXML private VBox seriousBox;
    @FXML private HBox deathRow;
    @FXML private TextField deathDate;
    @FXML private Label seriousError;
    @FXML private TextArea description;
    @FXML private TextArea actionsTaken;
    @FXML private TextArea relevantHistory;
    @FXML private TextField weightKg;
    @FXML private ComboBox<EventOutcome> outcome;
    @FXML private Label outcomeDateLabel;
    @FXML private TextField outcomeDate;
    @FXML private VBox historyBox;
    @FXML private VBox historyList;

    private final ToggleGroup severity = new ToggleGroup();
    private final Map<SeriousOutcome, CheckBox> seriousChecks = new EnumMap<>(SeriousOutcome.class);
    private final Map<String, Control> fields = new LinkedHashMap<>();
    /** The points the event concerns, in the order they were tapped. */
    private final Set<String> chosen = new LinkedHashSet<>();
    /** Fields the person has changed: their problems show as they type; the others once Save is pressed. */
    private final Set<String> touched = new HashSet<>();

    private long patientId;
    private String patientLabel = "";
    private VisitChart chart;
    private Catalog catalog;
    private LocalDate visitDate;
    private AdverseEvent event;
    /** The phoned-in report being recorded, with the version the review list saw; null once recorded. */
    private PatientReport report;
    private int reportVersion;
    private Map<String, String> problems = Map.of();
    private List<Object> baseline;
    private boolean loading;
    private boolean saving;
    private boolean saveAttempted;
    private long validations;
    private final javafx.beans.value.ChangeListener<Node> followFocus = (o, was, now) -> reveal(now);
    private String pressedKey;
    private double pressX;
    private double pressY;

    /**
     * @param saveDialog where exported PDFs go (the system's save dialog)
     * @param clock      its zone gives the visit's day, as the service counts it
     */
    public AdverseEventController(AdverseEventService events, ChartService charts, ReportService reports,
                                  Background background, Shell shell, Supplier<SaveDialog> saveDialog, Clock clock) {
        this.events = events;
        this.charts = charts;
        this.reports = reports;
        this.background = background;
        this.shell = shell;
        this.saveDialog = saveDialog;
        this.zone = clock.getZone();
    }

    /** What Back (and Esc) does once any unsaved typing is kept or discarded. */
    public void setOnClose(Runnable onClose) {
        this.onClose = Objects.requireNonNull(onClose);
    }

    @FXML
    private void initialize() {
        eventType.getItems().setAll(AdverseEventType.values());
        eventType.setCellFactory(l -> new TypeCell());
        outcome.getItems().setAll(EventOutcome.values());
        for (Severity s : Severity.values()) {
            ToggleButton b = new ToggleButton(s.grade() + "\n" + shortName(s));
            b.setId("severity-" + s.grade());
            b.setUserData(s);
            b.setToggleGroup(severity);
            b.getStyleClass().addAll("severity-toggle", "severity-" + s.grade());
            b.setTooltip(new Tooltip(s.label() + ": " + s.meaning()));
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            severityBox.getChildren().add(b);
        }
        severity.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // a grade is always chosen: a second tap does not clear it
                return;
            }
            edited("severity");
        });
        for (SeriousOutcome s : SeriousOutcome.values()) {
            CheckBox c = new CheckBox(s.label());
            c.setId("serious-" + s.name());
            c.setWrapText(true);
            c.getStyleClass().add("big-check");
            c.selectedProperty().addListener((o, was, is) -> edited("serious"));
            seriousChecks.put(s, c);
            seriousBox.getChildren().add(c);
        }
        fields.put("onsetDate", onsetDate);
        fields.put("reportedOn", reportedOn);
        fields.put("type", eventType);
        fields.put("otherDescription", otherDescription);
        fields.put("deathDate", deathDate);
        fields.put("description", description);
        fields.put("actionsTaken", actionsTaken);
        fields.put("relevantHistory", relevantHistory);
        fields.put("weightKg", weightKg);
        fields.put("outcome", outcome);
        fields.put("outcomeDate", outcomeDate);
        watch(onsetDate, "onsetDate");
        watch(reportedOn, "reportedOn");
        watch(deathDate, "deathDate");
        watch(outcomeDate, "outcomeDate");
        eventType.valueProperty().addListener((o, a, b) -> edited("type"));
        otherDescription.textProperty().addListener((o, a, b) -> edited("otherDescription"));
        visionChange.selectedProperty().addListener((o, a, b) -> edited("visionChange"));
        breathingDifficulty.selectedProperty().addListener((o, a, b) -> edited("breathingDifficulty"));
        description.textProperty().addListener((o, a, b) -> edited("description"));
        actionsTaken.textProperty().addListener((o, a, b) -> edited("actionsTaken"));
        relevantHistory.textProperty().addListener((o, a, b) -> edited("relevantHistory"));
        weightKg.textProperty().addListener((o, a, b) -> edited("weightKg"));
        outcome.valueProperty().addListener((o, a, b) -> edited("outcome"));

        eventMap.setReadOnly(true);
        eventMap.addEventFilter(MouseEvent.MOUSE_PRESSED, this::mapPressed);
        eventMap.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressedKey != null) {
                e.consume();
            }
        });
        eventMap.addEventFilter(MouseEvent.MOUSE_RELEASED, this::mapReleased);
        eventMap.viewProperty().addListener((o, a, v) -> {
            selectViewToggle();
            Platform.runLater(this::fitToPoints);
        });

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
            if (e.getCode() == KeyCode.ESCAPE && !eventType.isShowing() && !outcome.isShowing()) {
                back();
                e.consume();
            }
        });
        // Tab through the fields: the one with the focus scrolls into view
        aeRoot.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(followFocus);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(followFocus);
            }
        });
        Forms.showError(aeError, null);
        showReload(false);
    }

    /** Scrolls the fields so that {@code n}, if it is one of them, is in view. */
    private void reveal(Node n) {
        boolean inside = false;
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == fieldsBox) {
                inside = true;
                break;
            }
        }
        double view = fieldsScroll.getViewportBounds().getHeight();
        double height = fieldsBox.getHeight();
        if (!inside || height <= view) {
            return;
        }
        javafx.geometry.Bounds b = fieldsBox.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double top = fieldsScroll.getVvalue() * (height - view);
        if (b.getMinY() < top) {
            top = b.getMinY() - 24;
        } else if (b.getMaxY() > top + view) {
            top = b.getMaxY() - view + 24;
        } else {
            return;
        }
        fieldsScroll.setVvalue(Math.max(0, Math.min(1, top / (height - view))));
    }

    private void watch(TextField f, String field) {
        f.textProperty().addListener((o, a, b) -> edited(field));
    }

    private static String shortName(Severity s) {
        String label = s.label();
        return label.substring(label.indexOf('\u2013') + 2);
    }

    // ---------------------------------------------------------------------------------- the ways in

    /** A new event on {@code visitId}, a signed visit of {@code patient}. */
    public void startOnVisit(Patient patient, long visitId) {
        patientId = patient.id();
        patientLabel = patient.details().displayName() + " \u00b7 chart " + patient.chartNumber();
        aeTitle.setText("Report a side effect");
        loadVisit(visitId);
    }

    /**
     * A new event from the patient's phoned-in report {@code reportId}, as the review list saw it
     * ({@code reportVersion}): the form first lists the patient's signed visits, newest first; saving
     * records the event and marks the report recorded.
     */
    public void startFromReport(long patientId, long reportId, int reportVersion) {
        this.patientId = patientId;
        this.reportVersion = reportVersion;
        aeTitle.setText("Record a side effect from a patient's call");
        aeSubtitle.setText("Opening\u2026");
        showChooser(true);
        background.run(() -> {
            PatientReport r = events.patientReports(patientId).stream().filter(x -> x.id() == reportId).findFirst()
                    .orElseThrow(() -> new ValidationException("report", "This report no longer exists."));
            List<VisitSummary> signed = charts.history(patientId).stream()
                    .filter(v -> v.status() == VisitStatus.SIGNED).toList();
            return new Chooser(r, signed);
        }, c -> {
            report = c.report();
            patientLabel = c.report().patientName() + " \u00b7 chart " + c.report().chartNumber();
            aeSubtitle.setText(patientLabel);
            showReport();
            if (c.report().status() != ReportStatus.WAITING) {
                Forms.showError(aeError, "This report was already dealt with (" + c.report().status() + ").");
                report = null;
                visitChoicesEmpty.setText("Nothing to record: the report is no longer waiting.");
                return;
            }
            visitChoices.getItems().setAll(c.visits());
            visitChoicesEmpty.setText("This patient has no signed treatment. A side effect is recorded on the points of a"
                    + " signed visit: sign the chart first, or dismiss the report with a note.");
            if (!c.visits().isEmpty()) {
                visitChoices.getSelectionModel().select(0);
                visitChoices.requestFocus();
            }
        }, this::failed);
    }

    private record Chooser(PatientReport report, List<VisitSummary> visits) {
    }

    /** A recorded event, to read or change. */
    public void openEvent(long eventId) {
        aeTitle.setText("Side effect");
        aeSubtitle.setText("Opening\u2026");
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
        aeSubtitle.setText("Opening\u2026");
        background.run(() -> new Loaded(charts.openVisit(visitId), charts.catalog(), null, List.of(), null),
                this::show, this::failed);
    }

    private void show(Loaded l) {
        if (!l.chart().visit().signed()) {
            Forms.showError(aeError, "This visit's chart is not signed yet: sign it, then record the side effect on its points.");
            aeSubtitle.setText(patientLabel);
            return;
        }
        chart = l.chart();
        catalog = l.catalog();
        visitDate = chart.visit().startedAt().atZone(zone).toLocalDate();
        showChooser(false);
        buildViewToggles();
        chart.allPoints().stream().map(InjectionPoint::view).findFirst().ifPresent(eventMap::setView);
        if (l.event() != null) {
            showEvent(l.event(), l.history(), l.checklist());
        } else {
            patientId = chart.visit().patientId();
            AdverseEventDraft start = AdverseEventDraft.start(patientId, chart.visit().id(), List.of(), events.today());
            if (report != null) {
                // reported (and at the latest begun) the day the patient phoned; their words start the description
                LocalDate phoned = report.phonedAt().atZone(zone).toLocalDate();
                start = new AdverseEventDraft(patientId, chart.visit().id(), List.of(), phoned, phoned, null, null,
                        Severity.GRADE_1, false, false, Set.of(), null, "Patient phoned " + WHEN.format(report.phonedAt()
                        .atZone(zone)) + ": " + report.text(), null, null, null, EventOutcome.ONGOING, null);
            }
            fill(start);
            aeSubtitle.setText(subtitle());
            aeSaveStatus.setText(report == null ? "Not saved yet" : "Not saved yet: the report waits until you save");
        }
        Platform.runLater(() -> {
            eventMap.requestFocus();
            fitToPoints();
        });
    }

    private void showEvent(AdverseEvent e, List<AuditEntry> history, String checklist) {
        event = e;
        patientId = e.patientId();
        patientLabel = e.patientName() + " \u00b7 chart " + e.chartNumber();
        aeTitle.setText("Side effect: " + e.typeLabel());
        fill(e.toDraft());
        aeSubtitle.setText(subtitle());
        aeSaveStatus.setText("Recorded " + WHEN.format(e.createdAt().atZone(zone)) + " by " + e.reportedByName()
                + (e.urgent() && e.urgentClosedAt() != null ? " \u00b7 urgent alert closed "
                + WHEN.format(e.urgentClosedAt().atZone(zone)) + " by " + e.urgentClosedByName() : ""));
        showUrgent(checklist, e.typeLabel(), e.visionChange(), e.breathingDifficulty());
        showHistory(history);
    }

    private String subtitle() {
        return patientLabel + " \u00b7 visit of " + DAY.format(visitDate) + " by " + chart.visit().injectorName();
    }

    private void showChooser(boolean on) {
        visitChooser.setVisible(on);
        visitChooser.setManaged(on);
        formPane.setVisible(!on);
        formPane.setManaged(!on);
        updateButtons();
    }

    private void showReport() {
        boolean on = report != null;
        reportPanel.setVisible(on);
        reportPanel.setManaged(on);
        if (on) {
            reportHeading.setText("Patient called " + WHEN.format(report.phonedAt().atZone(zone)) + " (taken by "
                    + report.takenByName() + ")" + (report.phone() == null ? "" : " \u00b7 " + report.phone()));
            reportText.setText("\u201c" + report.text() + "\u201d");
        }
    }

    // ---------------------------------------------------------------------------------- the form

    private void fill(AdverseEventDraft d) {
        loading = true;
        try {
            chosen.clear();
            chosen.addAll(d.pointKeys());
            setDate(onsetDate, d.onsetDate());
            setDate(reportedOn, d.reportedOn());
            eventType.setValue(d.type());
            otherDescription.setText(n(d.otherDescription()));
            severity.getToggles().forEach(t -> t.setSelected(t.getUserData() == d.severity()));
            visionChange.setSelected(d.visionChange());
            breathingDifficulty.setSelected(d.breathingDifficulty());
            seriousChecks.forEach((s, c) -> c.setSelected(d.serious().contains(s)));
            setDate(deathDate, d.deathDate());
            description.setText(n(d.description()));
            actionsTaken.setText(n(d.actionsTaken()));
            relevantHistory.setText(n(d.relevantHistory()));
            weightKg.setText(d.weightKg() == null ? "" : d.weightKg().stripTrailingZeros().toPlainString());
            outcome.setValue(d.outcome());
            setDate(outcomeDate, d.outcomeDate());
        } finally {
            loading = false;
        }
        touched.clear();
        saveAttempted = false;
        problems = Map.of();
        baseline = formState();
        Forms.markAll(fields, Map.of());
        inlineErrors(Map.of());
        Forms.showError(aeError, null);
        showReload(false);
        refresh();
        validate();
    }

    private static void setDate(TextField f, LocalDate d) {
        f.setText(d == null ? "" : TYPED.format(d));
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** A person changed {@code field}: update what follows from it and check the form again. */
    private void edited(String field) {
        if (loading || chart == null) {
            return;
        }
        touched.add(field);
        refresh();
        validate();
    }

    /** Everything derived from what is typed: timing, the hints, rows shown, the map's markers and the lots. */
    private void refresh() {
        if (chart == null) {
            return;
        }
        LocalDate onset = typed(onsetDate).orElse(null);
        if (onset == null) {
            timingLabel.setText("Enter the onset: the timing class follows from it.");
        } else if (onset.isBefore(visitDate)) {
            timingLabel.setText("\u2013 (the onset is before the visit of " + DAY.format(visitDate) + ")");
        } else {
            long days = ChronoUnit.DAYS.between(visitDate, onset);
            timingLabel.setText(TimingClass.of(visitDate, onset).label() + ": onset " + (days == 0 ? "on the day of"
                    : days == 1 ? "1 day after" : days + " days after") + " the visit of " + DAY.format(visitDate));
        }
        boolean other = eventType.getValue() == AdverseEventType.OTHER;
        for (Node n : List.of(otherLabel, otherDescription)) {
            n.setVisible(other);
            n.setManaged(other);
        }
        AdverseEventDraft d = draft();
        List<String> signs = new ArrayList<>();
        if (d.type() != null && d.type().urgent()) {
            signs.add(d.type().label());
        }
        if (d.visionChange()) {
            signs.add("vision change");
        }
        if (d.breathingDifficulty()) {
            signs.add("breathing or swallowing difficulty");
        }
        // once an urgent event is saved, the red panel with the checklist says it all
        boolean urgentNow = !signs.isEmpty() && (event == null || !event.urgentOpen());
        urgentHint.setText(urgentNow ? "URGENT (" + String.join(", ", signs) + "): saving raises the red alert and shows"
                + " the clinic's checklist. Do not wait to finish the form: save now, complete it after." : "");
        urgentHint.setVisible(urgentNow);
        urgentHint.setManaged(urgentNow);
        Severity s = selectedSeverity();
        severityMeaning.setText(s == null ? "" : s.label() + ": " + s.meaning() + ".");
        boolean death = seriousChecks.get(SeriousOutcome.DEATH).isSelected();
        deathRow.setVisible(death);
        deathRow.setManaged(death);
        boolean resolved = outcome.getValue() != null && outcome.getValue().resolved();
        outcomeDate.setDisable(!resolved);
        outcomeDateLabel.setDisable(!resolved);
        drawMarkers();
        showProducts();
        updateButtons();
    }

    private Severity selectedSeverity() {
        return severity.getSelectedToggle() == null ? null : (Severity) severity.getSelectedToggle().getUserData();
    }

    /** The draft as typed; unreadable dates and weights are null (their own messages say why). */
    private AdverseEventDraft draft() {
        Set<SeriousOutcome> serious = EnumSet.noneOf(SeriousOutcome.class);
        seriousChecks.forEach((s, c) -> {
            if (c.isSelected()) {
                serious.add(s);
            }
        });
        boolean resolved = outcome.getValue() != null && outcome.getValue().resolved();
        return new AdverseEventDraft(patientId, chart == null ? 0 : chart.visit().id(), orderedChosen(),
                typed(reportedOn).orElse(null), typed(onsetDate).orElse(null), eventType.getValue(),
                eventType.getValue() == AdverseEventType.OTHER ? otherDescription.getText() : null, selectedSeverity(),
                visionChange.isSelected(), breathingDifficulty.isSelected(), serious,
                serious.contains(SeriousOutcome.DEATH) ? typed(deathDate).orElse(null) : null, description.getText(),
                actionsTaken.getText(), relevantHistory.getText(), weight().orElse(null), outcome.getValue(),
                resolved ? typed(outcomeDate).orElse(null) : null);
    }

    /** The selected points in the map's order (the chart's), for a stable record. */
    private List<String> orderedChosen() {
        if (chart == null) {
            return List.copyOf(chosen);
        }
        return chart.allPoints().stream().map(InjectionPoint::key).filter(chosen::contains).toList();
    }

    private static Optional<LocalDate> typed(TextField f) {
        return Dates.parse(f.getText());
    }

    private Optional<BigDecimal> weight() {
        return Decimals.parse(weightKg.getText());
    }

    /** What only the screen can tell: text that is not a date or a number. */
    private Map<String, String> localProblems() {
        Map<String, String> e = new LinkedHashMap<>();
        unreadable(e, "onsetDate", onsetDate);
        unreadable(e, "reportedOn", reportedOn);
        if (seriousChecks.get(SeriousOutcome.DEATH).isSelected()) {
            unreadable(e, "deathDate", deathDate);
        }
        if (outcome.getValue() != null && outcome.getValue().resolved()) {
            unreadable(e, "outcomeDate", outcomeDate);
        }
        if (!weightKg.getText().isBlank() && weight().isEmpty()) {
            e.put("weightKg", "Not a number: type the weight in kg, e.g. 64.5, or leave it empty.");
        }
        return e;
    }

    private static void unreadable(Map<String, String> e, String field, TextField f) {
        String t = f.getText().strip();
        if (!t.isEmpty() && Dates.parse(t).isEmpty()) {
            e.put(field, Dates.looksLikeDate(t) ? "There is no such date: " + t + "." : "Not a date: type MM/DD/YYYY.");
        }
    }

    /** Checks the form by the service's rules in the background; a slower earlier check is ignored. */
    private void validate() {
        if (chart == null) {
            return;
        }
        AdverseEventDraft d = draft();
        Map<String, String> local = localProblems();
        long seq = ++validations;
        background.run(() -> events.problems(d), found -> {
            if (seq != validations) {
                return;
            }
            Map<String, String> all = new LinkedHashMap<>(found);
            all.putAll(local);
            problems = all;
            showProblems();
        }, error -> {
            if (seq == validations) {
                Forms.showError(aeError, Forms.message(error));
            }
        });
    }

    private void showProblems() {
        Map<String, String> shown = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            if (saveAttempted || touched.contains(field) || (field.equals("serious") && touched.contains("severity"))) {
                shown.put(field, message);
            }
        });
        Forms.markAll(fields, shown);
        inlineErrors(shown);
    }

    private void inlineErrors(Map<String, String> shown) {
        Forms.showError(pointsError, shown.get("points"));
        String serious = shown.containsKey("serious") ? shown.get("serious") : shown.get("severity");
        Forms.showError(seriousError, serious);
        if (shown.containsKey("visit") || shown.containsKey("patient")) {
            Forms.showError(aeError, shown.containsKey("visit") ? shown.get("visit") : shown.get("patient"));
        }
    }

    private List<Object> formState() {
        List<Object> s = new ArrayList<>(Arrays.asList(new ArrayList<>(orderedChosen()), onsetDate.getText(),
                reportedOn.getText(), eventType.getValue(), otherDescription.getText(), selectedSeverity(),
                visionChange.isSelected(), breathingDifficulty.isSelected(), deathDate.getText(),
                description.getText(), actionsTaken.getText(), relevantHistory.getText(), weightKg.getText(),
                outcome.getValue(), outcomeDate.getText()));
        seriousChecks.values().forEach(c -> s.add(c.isSelected()));
        return s;
    }

    @Override
    public boolean isDirty() {
        return chart != null && baseline != null && !formState().equals(baseline);
    }

    @Override
    public boolean confirmDiscard() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The side effect's changes are not saved.",
                new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE),
                new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setHeaderText("Discard unsaved changes?");
        owner(a);
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private void updateButtons() {
        boolean form = chart != null && formPane.isVisible();
        boolean dirty = isDirty();
        // not disabled while saving (the guard in save() is enough): a disabled focused button would move the focus
        aeSaveButton.setDisable(!form);
        boolean export = event != null && !dirty && !saving;
        for (Button b : List.of(medWatchPdfButton, medWatchTextButton, aeSaveButton)) {
            boolean shown = b == aeSaveButton ? form : event != null;
            b.setVisible(shown);
            b.setManaged(shown);
        }
        medWatchPdfButton.setDisable(!export);
        medWatchTextButton.setDisable(!export);
        String why = dirty ? "Save the changes first: the report shows the event as saved." : null;
        medWatchPdfButton.getTooltip().setText(why != null ? why
                : "The event as a MedWatch-ready report (FDA Form 3500), saved as a PDF");
        if (form && dirty && !saving) {
            aeSaveStatus.setText(event == null ? "Not saved yet" : "Changes not saved");
        }
    }

    // ---------------------------------------------------------------------------------- the map

    private void buildViewToggles() {
        aeViews.getChildren().clear();
        Map<DiagramView, Integer> counts = new EnumMap<>(DiagramView.class);
        chart.allPoints().forEach(p -> counts.merge(p.view(), 1, Integer::sum));
        ToggleGroup views = new ToggleGroup();
        for (DiagramView v : DiagramView.values()) {
            if (!counts.containsKey(v)) {
                continue;
            }
            ToggleButton b = new ToggleButton(v + " (" + counts.get(v) + ")");
            b.setId("aeView-" + v.name());
            b.setToggleGroup(views);
            b.getStyleClass().add("view-toggle");
            b.setOnAction(e -> {
                eventMap.setView(v);
                b.setSelected(true);
            });
            aeViews.getChildren().add(b);
        }
        selectViewToggle();
    }

    private void selectViewToggle() {
        aeViews.getChildren().forEach(n -> ((ToggleButton) n).setSelected(
                n.getId().equals("aeView-" + eventMap.getView().name())));
    }

    /** Selected points in their product's colour with a tick; the others pale, so the selection shows at a glance. */
    private void drawMarkers() {
        List<MapPoint> markers = new ArrayList<>();
        for (InjectionPoint p : chart.allPoints()) {
            boolean on = chosen.contains(p.key());
            String colour = colour(p.productId());
            String label = Amounts.plain(p.amount()) + (p.unit() == Unit.U ? " U" : "");
            markers.add(new MapPoint(p.key(), p.view(), p.x(), p.y(), on ? colour : pale(colour), on ? CHECK + label : label));
        }
        eventMap.points().setAll(markers);
    }

    /**
     * Zooms the map so that the current view's points fill it (at most 3x): points a few millimetres
     * apart, such as a glabellar pattern, become targets a gloved finger can tell apart. "Fit" shows
     * the whole drawing again.
     */
    private void fitToPoints() {
        if (chart == null) {
            return;
        }
        eventMap.applyCss();
        eventMap.layout();
        double w = eventMap.getWidth();
        double h = eventMap.getHeight();
        eventMap.resetZoom();
        List<javafx.geometry.Point2D> at = chart.allPoints().stream().filter(p -> p.view() == eventMap.getView())
                .map(p -> eventMap.toLocal(p.x(), p.y())).toList();
        if (at.size() < 2 || w <= 0 || h <= 0) {
            return;
        }
        double minX = at.stream().mapToDouble(javafx.geometry.Point2D::getX).min().orElse(0);
        double maxX = at.stream().mapToDouble(javafx.geometry.Point2D::getX).max().orElse(0);
        double minY = at.stream().mapToDouble(javafx.geometry.Point2D::getY).min().orElse(0);
        double maxY = at.stream().mapToDouble(javafx.geometry.Point2D::getY).max().orElse(0);
        // room for the markers at the edges and the zoom buttons on the right
        double f = Math.min(Math.min((w - 160) / Math.max(maxX - minX, 1), (h - 90) / Math.max(maxY - minY, 1)), 3);
        if (f < 1.15) {
            return;
        }
        // zoom about the point that brings the points' centre to the map's centre
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        eventMap.zoomBy(f, (f * cx - w / 2) / (f - 1), (f * cy - h / 2) / (f - 1));
    }

    private String colour(long productId) {
        return catalog.product(productId).map(Product::colour).filter(c -> c != null && !c.isBlank()).orElse(FALLBACK_COLOUR);
    }

    private static String pale(String hex) {
        Color c;
        try {
            c = Color.web(hex);
        } catch (IllegalArgumentException e) {
            c = Color.web(FALLBACK_COLOUR);
        }
        Color p = c.interpolate(Color.WHITE, 0.72);
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(p.getRed() * 255), Math.round(p.getGreen() * 255),
                Math.round(p.getBlue() * 255));
    }

    private void mapPressed(MouseEvent e) {
        pressedKey = null;
        if (e.getButton() != MouseButton.PRIMARY || chart == null) {
            return;
        }
        String key = markerKey(e);
        if (key != null) {
            pressedKey = key;
            pressX = e.getScreenX();
            pressY = e.getScreenY();
            eventMap.requestFocus();
            e.consume();
        }
    }

    private void mapReleased(MouseEvent e) {
        if (pressedKey == null) {
            return;
        }
        String key = pressedKey;
        pressedKey = null;
        e.consume();
        if (Math.hypot(e.getScreenX() - pressX, e.getScreenY() - pressY) <= SiteMap.CLICK_SLOP * 2) {
            toggle(key);
        }
    }

    /** The key of the marker under the pointer, if any (markers have the id "marker-" + key). */
    private String markerKey(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != eventMap; n = n.getParent()) {
            if (n.getStyleClass().contains("site-marker") && n.getId() != null && n.getId().startsWith("marker-")) {
                return n.getId().substring("marker-".length());
            }
        }
        return null;
    }

    private void toggle(String key) {
        if (!chosen.remove(key)) {
            chosen.add(key);
        }
        edited("points");
    }

    /** Selects the points with that product and lot, or unselects them when all are selected. */
    private void toggleGroup(long productId, Long lotId) {
        List<String> keys = chart.allPoints().stream().filter(p -> p.productId() == productId
                && Objects.equals(p.lotId(), lotId)).map(InjectionPoint::key).toList();
        if (chosen.containsAll(keys)) {
            keys.forEach(chosen::remove);
        } else {
            chosen.addAll(keys);
        }
        edited("points");
    }

    @FXML
    private void selectAllPoints() {
        if (chart != null) {
            chart.allPoints().forEach(p -> chosen.add(p.key()));
            edited("points");
        }
    }

    @FXML
    private void clearPoints() {
        if (chart != null) {
            chosen.clear();
            edited("points");
        }
    }

    /** One line per product and lot of the visit: its points, how many are selected, and a select-all button. */
    private void showProducts() {
        Map<String, List<InjectionPoint>> groups = new LinkedHashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            groups.computeIfAbsent(p.productId() + "/" + p.lotId(), k -> new ArrayList<>()).add(p);
        }
        List<Node> rows = new ArrayList<>();
        List<String> selectedLots = new ArrayList<>();
        for (List<InjectionPoint> g : groups.values()) {
            InjectionPoint first = g.get(0);
            Optional<Product> product = catalog.product(first.productId());
            Optional<Lot> lot = catalog.lot(first.lotId());
            String name = product.map(Product::name).orElse("Product " + first.productId());
            String lotText = lot.map(l -> "Lot " + l.lotNumber() + " \u00b7 exp. " + TYPED.format(l.expiry()))
                    .orElse("No lot recorded");
            List<InjectionPoint> on = g.stream().filter(p -> chosen.contains(p.key())).toList();
            BigDecimal amount = on.stream().map(InjectionPoint::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Circle dot = new Circle(8, Color.web(colour(first.productId())));
            Label title = new Label(name);
            title.getStyleClass().add("product-name");
            Label lotLabel = new Label(lotText);
            lotLabel.getStyleClass().add("product-lot");
            VBox text = new VBox(1, title, lotLabel);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label count = new Label(on.isEmpty() ? g.size() + (g.size() == 1 ? " point" : " points")
                    : on.size() + " of " + g.size() + " selected \u00b7 " + first.unit().format(amount));
            count.getStyleClass().add("product-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            boolean all = on.size() == g.size();
            Button b = new Button(all ? "Unselect" : "Select all");
            b.setId("selectLot-" + first.productId() + "-" + (first.lotId() == null ? "none" : first.lotId()));
            b.getStyleClass().add("big");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> toggleGroup(first.productId(), first.lotId()));
            HBox row = new HBox(10, dot, text, count, b);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(on.isEmpty() ? "product-row" : "product-row-selected");
            row.setId("lotRow-" + first.productId() + "-" + (first.lotId() == null ? "none" : first.lotId()));
            rows.add(row);
            if (!on.isEmpty()) {
                selectedLots.add(lot.map(Lot::lotNumber).orElse(name + " (no lot)"));
            }
        }
        productsBox.getChildren().setAll(rows);
        // room for three lines (56 px and a 4 px gap each) before the list scrolls; the map gets the rest
        productsScroll.setPrefViewportHeight(Math.min(rows.size(), 3) * 60 - 4);
        productsScroll.setMinViewportHeight(Math.min(rows.size(), 2) * 60 - 4);
        int n = chosen.size();
        pointsSummary.setText(n == 0 ? "Tap the points the side effect concerns (Select all for a general reaction)."
                : n + (n == 1 ? " point" : " points") + " selected: " + (selectedLots.size() == 1 ? "lot " : "lots ")
                + String.join(", ", selectedLots));
    }

    // ---------------------------------------------------------------------------------- saving

    @FXML
    private void save() {
        if (saving || chart == null || !formPane.isVisible()) {
            return;
        }
        saveAttempted = true;
        AdverseEventDraft d = draft();
        Map<String, String> local = localProblems();
        AdverseEvent before = event;
        PatientReport from = report;
        int fromVersion = reportVersion;
        saving = true;
        aeSaveStatus.setText("Saving\u2026");
        updateButtons();
        background.run(() -> {
            Map<String, String> found = new LinkedHashMap<>(events.problems(d));
            found.putAll(local);
            if (!found.isEmpty()) {
                throw new ValidationException(found);
            }
            AdverseEvent saved = before != null ? events.updateEvent(before.id(), before.version(), d)
                    : from != null ? events.recordEventFromReport(from.id(), fromVersion, d) : events.recordEvent(d);
            return new Loaded(chart, catalog, saved, events.history(saved.id()),
                    saved.urgentOpen() ? events.urgentChecklist() : null);
        }, l -> {
            saving = false;
            boolean created = before == null;
            if (from != null) {
                reportHeading.setText("Recorded from the patient's call of " + WHEN.format(from.phonedAt().atZone(zone))
                        + " (taken by " + from.takenByName() + ")");
                report = null;
            }
            showEvent(l.event(), l.history(), l.checklist());
            if (l.checklist() != null) {
                fieldsScroll.setVvalue(0); // the checklist is at the top of the form: in view at once
            }
            aeSaveStatus.setText("Saved " + WHEN.format(l.event().updatedAt().atZone(zone)));
            shell.status((created ? "Recorded the side effect " : "Saved the side effect ") + l.event().typeLabel()
                    + " for " + l.event().patientName());
            shell.followUpsChanged(); // the urgent banner, the review list and the worklist reload
        }, error -> {
            saving = false;
            aeSaveStatus.setText(event == null ? "Not saved" : "Changes not saved");
            if (error instanceof ValidationException v) {
                problems = new LinkedHashMap<>(v.fieldErrors());
                showProblems();
                Forms.showError(aeError, v.getMessage());
                focusFirst(v.fieldErrors().keySet());
            } else if (error instanceof StaleRecordException) {
                // the message names who changed it and says what to do: reload, then make the changes again
                Forms.showError(aeError, Forms.message(error));
                showReload(true);
            } else {
                Forms.showError(aeError, Forms.message(error));
            }
            updateButtons();
        });
    }

    private void focusFirst(Set<String> names) {
        for (String name : names) {
            Control c = fields.get(name);
            if (c != null) {
                c.requestFocus();
                return;
            }
        }
    }

    @FXML
    private void reload() {
        if (event != null) {
            showReload(false);
            openEvent(event.id());
        } else if (report != null) {
            Forms.showError(aeError, null);
            showReload(false);
        }
    }

    private void showReload(boolean on) {
        aeReloadButton.setVisible(on);
        aeReloadButton.setManaged(on);
    }

    private void showUrgent(String checklist, String what, boolean vision, boolean breathing) {
        boolean on = checklist != null;
        urgentPanel.setVisible(on);
        urgentPanel.setManaged(on);
        if (on) {
            urgentTitle.setText("URGENT: " + what + (vision ? "; vision change" : "") + (breathing
                    ? "; breathing or swallowing difficulty" : "") + ". Act now, in this order:");
            urgentChecklist.setText(checklist);
        }
    }

    private void showHistory(List<AuditEntry> history) {
        historyList.getChildren().clear();
        for (AuditEntry a : history) {
            Label l = new Label(WHEN.format(a.at().atZone(zone)) + " \u00b7 " + a.username() + ": " + a.summary());
            l.setWrapText(true);
            l.getStyleClass().add("history-line");
            historyList.getChildren().add(l);
        }
        historyBox.setVisible(!history.isEmpty());
        historyBox.setManaged(!history.isEmpty());
    }

    // ---------------------------------------------------------------------------------- MedWatch

    @FXML
    private void exportPdf() {
        if (event == null || isDirty()) {
            return;
        }
        AdverseEvent e = event;
        File file = saveDialog.get().ask(window(), "Save the MedWatch-ready report", "medwatch-chart" + e.chartNumber()
                + "-event" + e.id() + "-" + e.onsetDate() + ".pdf");
        if (file == null) {
            return;
        }
        java.nio.file.Path target = file.toPath().toAbsolutePath();
        aeSaveStatus.setText("Making the PDF\u2026");
        background.run(() -> reports.write(reports.medWatchPdf(e.id()), target.getParent(), target.getFileName().toString()),
                saved -> {
                    aeSaveStatus.setText("MedWatch PDF saved: " + saved.getFileName());
                    shell.status("Saved " + saved);
                }, this::failed);
    }

    @FXML
    private void copyText() {
        if (event == null || isDirty()) {
            return;
        }
        long id = event.id();
        background.run(() -> reports.medWatchText(id), text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            shell.status("The MedWatch-ready report is on the clipboard");
            preview(text);
        }, this::failed);
    }

    /** Shows the copied text, so the injector sees what will be pasted. */
    private void preview(String text) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle("MedWatch-ready report");
        d.setHeaderText("Copied to the clipboard. Paste it into the FDA's online MedWatch form (3500).");
        TextArea area = new TextArea(text);
        area.setId("medWatchPreviewText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(80);
        area.setPrefRowCount(24);
        area.getStyleClass().add("medwatch-preview");
        d.getDialogPane().setContent(area);
        d.getDialogPane().setId("medWatchPreview");
        ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().add(close);
        d.getDialogPane().lookupButton(close).setId("medWatchPreviewClose");
        owner(d);
        d.show();
    }

    // ---------------------------------------------------------------------------------- misc

    @FXML
    private void back() {
        if (isDirty() && !confirmDiscard()) {
            return;
        }
        baseline = formState();
        onClose.run();
    }

    private void failed(Throwable error) {
        if (aeSubtitle.getText().endsWith("\u2026")) {
            aeSubtitle.setText(patientLabel);
        }
        aeSaveStatus.setText("");
        Forms.showError(aeError, Forms.message(error));
        updateButtons();
    }

    private Window window() {
        return aeRoot.getScene() == null ? null : aeRoot.getScene().getWindow();
    }

    private void owner(Dialog<?> d) {
        if (window() != null) {
            d.initOwner(window());
        }
    }

    /** For tests: the recorded event as last saved or opened. */
    public Optional<AdverseEvent> event() {
        return Optional.ofNullable(event);
    }

    /** For tests: the keys of the selected points. */
    public List<String> selectedPoints() {
        return orderedChosen();
    }

    /** The coded types, the urgent ones marked. */
    private static final class TypeCell extends ListCell<AdverseEventType> {
        @Override
        protected void updateItem(AdverseEventType t, boolean empty) {
            super.updateItem(t, empty);
            getStyleClass().remove("type-urgent");
            if (empty || t == null) {
                setText(null);
                return;
            }
            setText(t.label() + (t.urgent() ? "  \u2014 URGENT" : ""));
            if (t.urgent()) {
                getStyleClass().add("type-urgent");
            }
        }
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
                    .collect(java.util.stream.Collectors.joining(", ")) + "  \u00b7  " + v.points()
                    + (v.points() == 1 ? " point" : " points"));
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    loadVisit(getItem().id());
                }
            });
        }
    }
}
