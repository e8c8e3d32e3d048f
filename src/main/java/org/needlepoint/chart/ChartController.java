package org.needlepoint.chart;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.PinLockedException;
import org.needlepoint.security.SigningMethod;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Unit;
import org.needlepoint.patient.Patient;
import org.needlepoint.photo.Pose;
import org.needlepoint.report.ReportService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.SaveDialog;
import org.needlepoint.ui.Shell;
import org.needlepoint.ui.View;

/**
 * The injector's charting screen, coordinating its parts: the site map and its editor (one click,
 * one point; undo, mirror, delete), and beside it the brush ({@link BrushController}), the vials at
 * the chair ({@link VialsController}), patterns ({@link PatternsController}), the selected points
 * ({@link SelectionController}), live totals and warnings ({@link SummaryController}); screening and
 * consent ({@link ScreeningController}); addenda once signed ({@link AddendaController}); the side
 * effects on a signed visit ({@link VisitEventsController}); and saving and signing
 * ({@link SigningModel}, {@link SignDialogController}). Every change saves itself as a draft. Each
 * part keeps its state and rules in its view-model; this class hands the chart between them.
 */
public final class ChartController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ENGLISH);

    private final ChartService charts;
    private final Clock clock;
    private final ReportService reports;
    private final Background background;
    private final Shell shell;
    private final Supplier<View<SignDialogController>> signDialog;
    private final Supplier<SaveDialog> saveDialog;
    private final SigningModel signing = new SigningModel();
    private final MapEditor<Brush> editor = new MapEditor<>(DiagramGeometry.standard(), this::kindOf);

    @FXML private BorderPane chartRoot;
    @FXML private Label chartPatient;
    @FXML private Label chartVisitInfo;
    @FXML private Label chartSaveStatus;
    @FXML private Label chartAllergies;
    @FXML private Label chartError;
    @FXML private Button signButton;
    @FXML private Button reportSideEffectButton;
    @FXML private HBox viewSelector;
    @FXML private SiteMap siteMap;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button mirrorButton;
    @FXML private Button deleteButton;
    @FXML private Label hoverSite;
    @FXML private Label selectedPointLine;
    @FXML private TabPane chartTabs;
    @FXML private Tab brushTab;
    @FXML private Tab screeningTab;
    @FXML private Tab addendumTab;
    @FXML private BrushController brushController;
    @FXML private VialsController vialsController;
    @FXML private VisitEventsController visitEventsController;
    @FXML private PatternsController patternsController;
    @FXML private SelectionController selectionController;
    @FXML private SummaryController summaryController;
    @FXML private ScreeningController screeningController;
    @FXML private AddendaController addendaController;

    private MapEditorBinding<Brush> binding;
    private long patientId;
    private Patient patient;
    private VisitChart chart;
    private boolean loading;

    /** @param saveDialog where exported PDFs go (the system's save dialog; a test hands back a path) */
    public ChartController(ChartService charts, Clock clock, ReportService reports, Background background, Shell shell,
                           Supplier<View<SignDialogController>> signDialog, Supplier<SaveDialog> saveDialog) {
        this.charts = charts;
        this.saveDialog = saveDialog;
        this.clock = clock;
        this.reports = reports;
        this.background = background;
        this.shell = shell;
        this.signDialog = signDialog;
    }

    @FXML
    private void initialize() {
        buildViewToggles();
        selectedPointLine.textProperty().bind(selectionController.model().pointLineProperty());
        selectedPointLine.visibleProperty().bind(selectionController.model().pointLineProperty().isNotEmpty());
        selectedPointLine.managedProperty().bind(selectedPointLine.visibleProperty());
        siteMap.hoverSiteProperty().addListener((o, old, s) -> hoverSite.setText(s == null ? "" : s.region().label()
                + (s.side() == Side.MIDLINE ? "" : ", " + s.side())));
        binding = MapEditorBinding.bind(siteMap, editor, this::marker);
        binding.setOnMirrored(r -> {
            if (r.skipped() > 0) {
                shell.status(r.skippedMidline() > 0 ? r.skippedMidline() + " point(s) on the midline were not mirrored"
                        : r.skipped() + " point(s) were already mirrored");
            }
        });
        // a point is charted on a named region: a click beside the face places nothing (the service refuses it too)
        binding.setPlaceable(s -> s.region() != Region.OTHER,
                s -> shell.status("No region there: place the point on the face or body."));
        editor.addListener(this::changed);
        siteMap.selectedKeys().addListener((SetChangeListener<String>) c -> showSelection());
        chartSaveStatus.textProperty().bind(signing.statusProperty());

        // the parts: the brush's product and lot choose the vials; the chosen vial goes on the brush
        BrushModel brush = brushController.model();
        VialsModel vials = vialsController.model();
        vials.catalogProperty().bindBidirectional(brush.catalogProperty());
        vials.productProperty().bind(brush.productProperty());
        vials.lotProperty().bind(brush.lotProperty());
        vials.setOnLotOfVial(brush::selectLot);
        brush.vialProperty().bind(vials.chartedProperty());
        binding.brushProperty().bind(brush.brushProperty());
        vialsController.wire(() -> chart == null ? null : chart.visit().id(), this::showError, this::refreshPanels);
        patternsController.wire(brush, () -> chart == null ? null : patientId, this::points,
                p -> editor.siteAt(p.view(), p.x(), p.y(), Brush.of(p)).region() != Region.OTHER, this::addAll,
                this::showError);
        selectionController.setOnApply(edit -> editor.updatePayload(Set.copyOf(siteMap.selectedKeys()), edit));
        screeningController.model().setOnChange(this::changed);
        addendaController.wire(() -> chart, this::points,
                amended -> show(new Loaded(patient, amended, catalog(), patternsController.model().patterns())),
                this::showError);

        // back from the side-effect form: show what was recorded there
        chartRoot.sceneProperty().addListener((o, was, is) -> {
            if (is != null && was == null) {
                showEvents();
            }
        });
        chartRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && siteMap.selectedKeys().isEmpty()) {
                back();
                e.consume();
            }
        });
    }

    private void buildViewToggles() {
        ToggleGroup views = new ToggleGroup();
        for (DiagramView v : DiagramView.values()) {
            ToggleButton b = new ToggleButton(shortLabel(v));
            b.setTooltip(new Tooltip(v.toString()));
            b.setId("view-" + v.name());
            b.setToggleGroup(views);
            b.getStyleClass().add("view-toggle");
            b.setOnAction(e -> {
                siteMap.setView(v);
                b.setSelected(true);
            });
            viewSelector.getChildren().add(b);
        }
        siteMap.viewProperty().addListener((o, old, v) -> selectViewToggle(v));
        selectViewToggle(siteMap.getView());
    }

    private static String shortLabel(DiagramView v) {
        return switch (v) {
            case FACE_FRONT -> "Front";
            case FACE_LEFT -> "Left profile";
            case FACE_RIGHT -> "Right profile";
            case NECK_CHEST -> "Neck & chest";
            case BODY_FRONT -> "Body front";
            case BODY_BACK -> "Body back";
        };
    }

    private void selectViewToggle(DiagramView v) {
        viewSelector.getChildren().forEach(n -> ((ToggleButton) n).setSelected(n.getId().equals("view-" + v.name())));
    }

    // ------------------------------------------------------------------------------ opening

    /**
     * Opens the patient's open draft (or a new visit) when {@code visitId} is null, else that visit;
     * the patient's header comes with it (one audited opening, the visit's).
     */
    public void open(long patientId, Long visitId) {
        this.patientId = patientId;
        signing.opening();
        background.run(() -> {
            ChartService.OpenedChart opened = charts.openChart(patientId, visitId);
            // the front desk sees signed charts read-only and has no use for (or right to) patterns
            signingMethod = charts.signingMethod();
            return new Loaded(opened.patient(), opened.chart(), charts.catalog(),
                    opened.chart().redacted() ? List.of() : charts.patterns());
        }, this::show, this::fail);
    }

    private record Loaded(Patient patient, VisitChart chart, Catalog catalog, List<ChartPattern> patterns) {
    }

    /** How the signed-in injector signs (read with the chart, off the FX thread; the service checks again). */
    private volatile SigningMethod signingMethod = SigningMethod.PASSWORD;

    private void show(Loaded l) {
        showPatient(l.patient());
        loading = true;
        try {
            chart = l.chart();
            brushController.model().catalogProperty().set(l.catalog());
            patternsController.model().patterns().setAll(List.copyOf(l.patterns()));
            List<InjectionPoint> all = chart.allPoints();
            editor.load(all.stream().map(ChartController::editable).toList());
            screeningController.model().load(chart);
            all.stream().map(InjectionPoint::view).findFirst().ifPresent(siteMap::setView);
            all.stream().max(Comparator.comparing(InjectionPoint::key)).ifPresent(last ->
                    catalog().product(last.productId()).ifPresent(brushController.model().productProperty()::set));
            editor.markSaved();
        } finally {
            loading = false;
        }
        applyMode();
        refreshPanels();
        signing.loaded(chart.visit().signed());
        showEvents();
    }

    private void showPatient(Patient p) {
        this.patient = p;
        chartPatient.setText(p.details().displayName() + " · chart " + p.chartNumber() + " · "
                + p.details().ageOn(charts.today()) + " years");
        String allergies = p.details().allergies();
        chartAllergies.setText(allergies == null ? "" : "ALLERGIES: " + allergies);
        chartAllergies.setVisible(allergies != null);
        chartAllergies.setManaged(allergies != null);
        screeningController.showPatient(p.id(), p.details().displayName() + " \u00b7 chart " + p.chartNumber());
    }

    private void applyMode() {
        Visit v = chart.visit();
        boolean signed = v.signed();
        boolean redacted = chart.redacted();
        chartVisitInfo.setText(WHEN.format(v.startedAt().atZone(ZoneId.systemDefault())) + " · " + v.injectorName()
                + " · " + (signed ? "SIGNED by " + v.signedByName() + " at "
                + WHEN.format(v.signedAt().atZone(ZoneId.systemDefault())) : "DRAFT (saves itself)"));
        signButton.setVisible(!signed);
        signButton.setManaged(!signed);
        // the front desk sees a redacted chart: side effects are the injectors' (the service refuses them too)
        reportSideEffectButton.setVisible(signed && !redacted);
        reportSideEffectButton.setManaged(signed && !redacted);
        // a signed chart keeps its points; new points placed now become an addendum's points
        siteMap.setReadOnly(redacted);
        brushTab.setDisable(redacted);
        screeningTab.setDisable(redacted);
        patternsController.setLocked(signed || redacted);
        mirrorButton.setDisable(redacted);
        deleteButton.setDisable(redacted);
        addendumTab.setDisable(!signed || redacted);
        if (signed && !redacted) {
            chartTabs.getSelectionModel().select(addendumTab);
        }
        addendaController.model().load(chart);
    }

    // ------------------------------------------------------------------------------ side effects

    /** The side effects recorded on this (signed) visit, as links to their forms. */
    private void showEvents() {
        visitEventsController.load(chart, this::showError);
    }

    @FXML
    private void reportSideEffect() {
        if (chart != null && chart.visit().signed() && !chart.redacted()) {
            shell.reportSideEffect(patientId, chart.visit().id());
        }
    }

    // ------------------------------------------------------------------------------ the map's points

    private Catalog catalog() {
        return brushController.model().catalogProperty().get();
    }

    private Region.Kind kindOf(Brush b) {
        Catalog c = catalog();
        return ChartRules.preferredKind(b == null || c == null ? null : c.product(b.productId()).orElse(null));
    }

    private static EditablePoint<Brush> editable(InjectionPoint p) {
        return new EditablePoint<>(p.key(), p.view(), p.x(), p.y(), new Site(p.region(), p.side()), Brush.of(p));
    }

    private InjectionPoint point(EditablePoint<Brush> e) {
        Unit unit = catalog().product(e.payload().productId()).map(Product::unit).orElse(Unit.U);
        return e.payload().point(e.key(), e.view(), e.x(), e.y(), e.site(), unit);
    }

    private List<InjectionPoint> points() {
        return editor.points().stream().map(this::point).toList();
    }

    private MapPoint marker(EditablePoint<Brush> e) {
        Product p = catalog() == null ? null : catalog().product(e.payload().productId()).orElse(null);
        String colour = p == null || p.colour() == null ? "#6b7280" : p.colour();
        String label = Amounts.plain(e.payload().amount()) + (p != null && p.unit() == Unit.U ? " U" : "");
        // points of one product from several lots are told apart (LotMarks)
        List<Long> lots = LotMarks.lotsInOrder(editor.points().stream()
                .filter(o -> o.payload().productId() == e.payload().productId()).map(o -> o.payload().lotId()).toList());
        Long lotId = e.payload().lotId();
        Lot lot = lotId == null || catalog() == null ? null : catalog().lot(lotId).orElse(null);
        return new MapPoint(e.key(), e.view(), e.x(), e.y(), LotMarks.colour(colour, lots.indexOf(lotId)),
                LotMarks.label(label, lot, lots.size() > 1));
    }

    /** Adds points as one undo step (a pattern, the last visit copied) and shows the view of the first. */
    private void addAll(String description, List<InjectionPoint> points) {
        editor.applyAll(description, batch -> {
            for (InjectionPoint p : points) {
                batch.add(p.view(), p.x(), p.y(), Brush.of(p));
            }
            return null;
        });
        points.stream().findFirst().ifPresent(p -> siteMap.setView(p.view()));
    }

    private void showSelection() {
        Set<String> keys = siteMap.selectedKeys();
        selectionController.model().show(editor.points().stream().filter(p -> keys.contains(p.key())).toList(),
                !siteMap.isReadOnly(), catalog());
    }

    @FXML
    private void undo() {
        editor.undo();
    }

    @FXML
    private void redo() {
        editor.redo();
    }

    @FXML
    private void mirror() {
        binding.mirrorSelection();
    }

    @FXML
    private void deleteSelected() {
        editor.delete(Set.copyOf(siteMap.selectedKeys()));
    }

    // ------------------------------------------------------------------------------ live panels

    private ChartDraft draft() {
        ScreeningModel s = screeningController.model();
        return new ChartDraft(s.notesProperty().get(), points(), s.answers(), s.consentProperty().get(),
                s.offLabelConsentProperty().get());
    }

    private void refreshPanels() {
        if (chart == null) {
            return;
        }
        List<InjectionPoint> pts = points();
        // a signed chart keeps its checklist; its consent step still shows the consents on file for its products
        screeningController.model().update(ChartRules.productsOf(pts, catalog()), patient.details());
        summaryController.show(pts, catalog(), ChartSummary.warnings(chart, draft(), catalog(), charts.today(),
                clock.instant(), vialsController.model().overridden()), chart.visit().signed());
        undoButton.setDisable(chart.redacted() || !editor.canUndo());
        redoButton.setDisable(chart.redacted() || !editor.canRedo());
    }

    // ------------------------------------------------------------------------------ saving and signing

    private void changed() {
        if (loading || chart == null) {
            return;
        }
        refreshPanels();
        if (chart.visit().signed()) {
            return;
        }
        Forms.showError(chartError, null);
        save();
    }

    /** Autosave: one save at a time; changes made meanwhile are saved right after. */
    private void save() {
        if (!signing.saveWanted()) {
            return;
        }
        ChartDraft d = draft();
        Visit v = chart.visit();
        background.run(() -> charts.saveDraft(v, d), saved -> {
            chart = new VisitChart(saved.visit(), chart.points(), chart.screening(), chart.addenda(), chart.redacted());
            switch (signing.saved(LocalTime.now(clock))) {
                case SAVE_AGAIN -> save();
                case SIGN -> runSign();
                case NOTHING -> { }
            }
        }, error -> {
            signing.saveFailed();
            showError(Forms.message(error));
        });
    }

    /** True while a change is not yet in the database. */
    public boolean isDirty() {
        return signing.dirty();
    }

    @FXML
    private void sign() {
        Map<String, String> problems = ChartRules.signProblems(draft(), catalog(), charts.today());
        if (!problems.isEmpty()) {
            showError(new ValidationException(problems).getMessage());
            if (SigningModel.onScreeningTab(problems)) {
                chartTabs.getSelectionModel().select(screeningTab);
            }
            return;
        }
        Optional<SignSecret> given = signDialog.get().controller().ask(SigningModel.dialogHeader(points().size(),
                patient.details().displayName()), owner(), signingMethod);
        if (given.isPresent() && given.get() != null && signing.signWanted(given.get().secret(), given.get().pin())) {
            runSign();
        }
    }

    private void runSign() {
        boolean pin = signing.signingWithPin();
        char[] pw = signing.startSigning();
        ChartDraft d = draft();
        Visit v = chart.visit();
        signButton.setDisable(true);
        background.run(() -> {
            VisitChart saved = charts.saveDraft(v, d);
            return pin ? charts.signWithPin(saved.visit().id(), saved.visit().version(), pw)
                    : charts.sign(saved.visit().id(), saved.visit().version(), pw);
        }, signed -> {
            signing.signingFinished(true);
            signButton.setDisable(false);
            show(new Loaded(patient, signed, catalog(), patternsController.model().patterns()));
            shell.status("Signed the chart of " + patient.details().displayName());
        }, error -> {
            signing.signingFinished(false);
            signButton.setDisable(false);
            showError(Forms.message(error));
            if (error instanceof PinLockedException) {
                shell.lockNow();
            }
        });
    }

    // ------------------------------------------------------------------------------ printing

    /** "No photos" in the treatment record's photo choice. */
    static final String NO_PHOTOS = "No photos";

    @FXML
    private void printSummary() {
        if (chart == null) {
            return;
        }
        // which view's before/after pair goes into the record: front unless the person chooses another
        Map<String, Pose> views = new LinkedHashMap<>();
        for (Pose p : Pose.values()) {
            if (p != Pose.BODY) {
                views.put(p.label(), p);
            }
        }
        List<String> options = new ArrayList<>(views.keySet());
        options.add(NO_PHOTOS);
        ChoiceDialog<String> ask = new ChoiceDialog<>(Pose.FRONT.label(), options);
        ask.initOwner(owner());
        ask.setTitle("Treatment record (PDF)");
        ask.setHeaderText("Photos in the treatment record");
        ask.setContentText("The visit's before and after photos of this view (only with the patient's photography"
                + " consent):");
        ask.getDialogPane().setId("recordPhotosDialog");
        ask.getDialogPane().lookup(".combo-box").setId("recordPhotosView");
        Optional<String> chosen = ask.showAndWait();
        if (chosen.isEmpty()) {
            return;
        }
        Pose view = views.get(chosen.get());
        export("treatment-record", id -> reports.visitSummary(id, view));
    }

    @FXML
    private void printAftercare() {
        export("aftercare", reports::aftercare);
    }

    /** Asks where to save, then makes the PDF in the background (the export is audited by the service). */
    private void export(String kind, java.util.function.LongFunction<byte[]> make) {
        if (chart == null) {
            return;
        }
        java.io.File file = saveDialog.get().ask(owner(), "Save PDF", kind + "-chart" + patient.chartNumber() + "-"
                + chart.visit().startedAt().atZone(ZoneId.systemDefault()).toLocalDate() + ".pdf");
        if (file == null) {
            return;
        }
        long visitId = chart.visit().id();
        java.nio.file.Path target = file.toPath();
        background.run(() -> reports.write(make.apply(visitId), target.getParent(), target.getFileName().toString()),
                saved -> shell.status("Saved " + saved), this::fail);
    }

    // ------------------------------------------------------------------------------ misc

    @FXML
    private void back() {
        shell.openPatient(patientId);
    }

    private void showError(String message) {
        Forms.showError(chartError, message);
    }

    private void fail(Throwable error) {
        signing.clear();
        showError(Forms.message(error));
    }

    private Window owner() {
        return chartRoot.getScene() == null ? null : chartRoot.getScene().getWindow();
    }
}
