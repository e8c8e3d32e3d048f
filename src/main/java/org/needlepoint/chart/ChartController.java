package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Decimals;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Concentration;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.Gs1Exception;
import org.needlepoint.inventory.Gs1Parser;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.inventory.Vial;
import org.needlepoint.inventory.VialState;
import org.needlepoint.patient.Patient;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;

/**
 * The injector's charting screen: the site map with a brush (one click, one point), patterns,
 * live totals and warnings, the screening checklist and consent, signing with the password,
 * and addenda once signed. Every change saves itself as a draft.
 */
public final class ChartController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** What each click places: set once, used for every point until changed. {@code vialId} may be null. */
    public record Brush(long productId, Long lotId, Long vialId, BigDecimal amount, Depth depth, Technique technique,
                        String note) {
    }

    private final ChartService charts;
    private final InventoryService inventory;
    private final java.time.Clock clock;
    private final org.needlepoint.report.ReportService reports;
    private final org.needlepoint.followup.AdverseEventService events;
    private final Background background;
    private final Shell shell;

    @FXML private BorderPane chartRoot;
    @FXML private Label chartPatient;
    @FXML private Label chartVisitInfo;
    @FXML private Label chartSaveStatus;
    @FXML private Label chartAllergies;
    @FXML private Label chartError;
    @FXML private Button signButton;
    @FXML private Button reportSideEffectButton;
    @FXML private FlowPane chartEvents;
    @FXML private HBox viewSelector;
    @FXML private SiteMap siteMap;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button mirrorButton;
    @FXML private Button deleteButton;
    @FXML private Label hoverSite;
    @FXML private TabPane chartTabs;
    @FXML private Tab brushTab;
    @FXML private Tab screeningTab;
    @FXML private Tab addendumTab;
    @FXML private ComboBox<Product> brushProduct;
    @FXML private ComboBox<Lot> brushLot;
    @FXML private TextField chartScanField;
    @FXML private Label chartScanError;
    @FXML private Label chartScanStatus;
    @FXML private VBox vialBox;
    @FXML private ComboBox<Vial> brushVial;
    @FXML private Label vialInfo;
    @FXML private Button openVialButton;
    @FXML private TextField brushAmount;
    @FXML private Label brushUnit;
    @FXML private ComboBox<Depth> brushDepth;
    @FXML private ComboBox<Technique> brushTechnique;
    @FXML private FlowPane patternButtons;
    @FXML private Button copyLastVisitButton;
    @FXML private Button savePatternButton;
    @FXML private VBox selectionBox;
    @FXML private Label selectionTitle;
    @FXML private TextField selectionAmount;
    @FXML private ComboBox<Depth> selectionDepth;
    @FXML private ComboBox<Technique> selectionTechnique;
    @FXML private TextField selectionNote;
    @FXML private Label totalsLabel;
    @FXML private VBox warningsBox;
    @FXML private VBox screeningList;
    @FXML private Button screeningAllNoButton;
    @FXML private CheckBox consentCheck;
    @FXML private CheckBox offLabelConsentCheck;
    @FXML private TextArea clinicalNotes;
    @FXML private VBox addendaList;
    @FXML private TextArea addendumText;
    @FXML private Button addendumButton;

    private final MapEditor<Brush> editor = new MapEditor<>(DiagramGeometry.standard(), this::kindOf);
    private MapEditorBinding<Brush> binding;
    private long patientId;
    private Patient patient;
    private VisitChart chart;
    private Catalog catalog;
    private List<ChartPattern> patterns = List.of();
    private List<ScreeningEntry> screening = List.of();
    private Set<String> signedKeys = Set.of();
    private boolean loading;
    private boolean saving;
    private boolean savePending;
    private char[] signRequest;
    /** Vials past their usable hours the injector overrode for this visit (audited by the service). */
    private final Set<Long> overriddenVials = new HashSet<>();
    private boolean choosingVial;

    public ChartController(ChartService charts, InventoryService inventory, java.time.Clock clock,
                           org.needlepoint.report.ReportService reports,
                           org.needlepoint.followup.AdverseEventService events, Background background, Shell shell) {
        this.charts = charts;
        this.inventory = inventory;
        this.clock = clock;
        this.reports = reports;
        this.events = events;
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        ToggleGroup views = new ToggleGroup();
        for (DiagramView v : DiagramView.values()) {
            ToggleButton b = new ToggleButton(shortLabel(v));
            b.setTooltip(new javafx.scene.control.Tooltip(v.toString()));
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
        siteMap.hoverSiteProperty().addListener((o, old, s) -> hoverSite.setText(s == null ? "" : s.region().label()
                + (s.side() == Side.MIDLINE ? "" : ", " + s.side())));
        binding = MapEditorBinding.bind(siteMap, editor, this::marker);
        binding.setOnMirrored(r -> {
            if (r.skipped() > 0) {
                shell.status(r.skippedMidline() > 0 ? r.skippedMidline() + " point(s) on the midline were not mirrored"
                        : r.skipped() + " point(s) were already mirrored");
            }
        });
        editor.addListener(this::changed);
        siteMap.selectedKeys().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        brushProduct.valueProperty().addListener((o, old, p) -> productChosen(p));
        brushLot.valueProperty().addListener((o, old, l) -> lotChosen(l));
        brushVial.valueProperty().addListener((o, old, v) -> vialChosen(v));
        brushVial.setCellFactory(l -> vialCell(false));
        brushVial.setButtonCell(vialCell(true));
        chartScanField.setOnAction(e -> scanned());
        brushAmount.textProperty().addListener((o, old, t) -> updateBrush());
        brushDepth.valueProperty().addListener((o, old, d) -> updateBrush());
        brushTechnique.valueProperty().addListener((o, old, t) -> updateBrush());
        brushDepth.getItems().setAll(Depth.values());
        brushTechnique.getItems().setAll(Technique.values());
        selectionDepth.getItems().setAll(Depth.values());
        selectionTechnique.getItems().setAll(Technique.values());
        consentCheck.selectedProperty().addListener((o, was, is) -> changed());
        offLabelConsentCheck.selectedProperty().addListener((o, was, is) -> changed());
        clinicalNotes.textProperty().addListener((o, old, t) -> changed());
        // back from the side-effect form: show what was recorded there
        chartRoot.sceneProperty().addListener((o, was, is) -> {
            if (is != null && was == null) {
                showEvents();
            }
        });
        chartRoot.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && siteMap.selectedKeys().isEmpty()) {
                back();
                e.consume();
            }
        });
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

    // ------------------------------------------------------------------------------ opening

    /**
     * Opens the patient's open draft (or a new visit) when {@code visitId} is null, else that visit;
     * the patient's header comes with it (one audited opening, the visit's).
     */
    public void open(long patientId, Long visitId) {
        this.patientId = patientId;
        chartSaveStatus.setText("Opening…");
        background.run(() -> {
            ChartService.OpenedChart opened = charts.openChart(patientId, visitId);
            // the front desk sees signed charts read-only and has no use for (or right to) patterns
            return new Loaded(opened.patient(), opened.chart(), charts.catalog(),
                    opened.chart().redacted() ? List.of() : charts.patterns());
        }, this::show, this::fail);
    }

    private record Loaded(Patient patient, VisitChart chart, Catalog catalog, List<ChartPattern> patterns) {
    }

    private void showPatient(Patient p) {
        this.patient = p;
        chartPatient.setText(p.details().displayName() + " · chart " + p.chartNumber() + " · "
                + p.details().ageOn(charts.today()) + " years");
        String allergies = p.details().allergies();
        chartAllergies.setText(allergies == null ? "" : "ALLERGIES: " + allergies);
        chartAllergies.setVisible(allergies != null);
        chartAllergies.setManaged(allergies != null);
    }

    private void show(Loaded l) {
        showPatient(l.patient());
        loading = true;
        try {
            chart = l.chart();
            catalog = l.catalog();
            patterns = l.patterns();
            brushProduct.getItems().setAll(catalog.products().stream().filter(Product::active).toList());
            buildPatternButtons();
            List<InjectionPoint> all = chart.allPoints();
            editor.load(all.stream().map(this::editable).toList());
            signedKeys = chart.visit().signed() ? all.stream().map(InjectionPoint::key).collect(Collectors.toSet())
                    : Set.of();
            screening = chart.screening();
            clinicalNotes.setText(chart.visit().notes() == null ? "" : chart.visit().notes());
            consentCheck.setSelected(chart.visit().consentConfirmed());
            offLabelConsentCheck.setSelected(chart.visit().offLabelConsentConfirmed());
            all.stream().map(InjectionPoint::view).findFirst().ifPresent(siteMap::setView);
            all.stream().max(Comparator.comparing(InjectionPoint::key)).ifPresent(last ->
                    catalog.product(last.productId()).ifPresent(brushProduct::setValue));
            editor.markSaved();
        } finally {
            loading = false;
        }
        applyMode();
        refreshPanels();
        chartSaveStatus.setText(chart.visit().signed() ? "" : "Draft saved");
        showEvents();
    }

    // ------------------------------------------------------------------------------ side effects

    /** The side effects recorded on this (signed) visit, as links to their forms. */
    private void showEvents() {
        if (chart == null || !chart.visit().signed() || chart.redacted()) {
            chartEvents.getChildren().clear();
            chartEvents.setVisible(false);
            chartEvents.setManaged(false);
            return;
        }
        long visitId = chart.visit().id();
        background.run(() -> events.visitEvents(visitId), list -> {
            if (chart == null || chart.visit().id() != visitId) {
                return;
            }
            List<javafx.scene.Node> links = new ArrayList<>();
            if (!list.isEmpty()) {
                Label title = new Label(list.size() == 1 ? "Side effect on this visit:" : list.size() + " side effects on this visit:");
                title.getStyleClass().add("chart-events-title");
                links.add(title);
            }
            for (org.needlepoint.followup.AdverseEventSummary e : list) {
                Button b = new Button((e.urgentOpen() ? "URGENT \u00b7 " : "") + e.headline() + " \u00b7 onset "
                        + e.onsetDate().format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)) + " \u00b7 grade "
                        + e.severity().grade() + " \u00b7 " + e.outcome().label());
                b.setId("chartEvent-" + e.id());
                b.getStyleClass().addAll("chart-event", e.urgentOpen() ? "chart-event-urgent"
                        : e.outcome().resolved() ? "chart-event-resolved" : "chart-event-open");
                b.setOnAction(a -> shell.openAdverseEvent(e.id()));
                links.add(b);
            }
            chartEvents.getChildren().setAll(links);
            chartEvents.setVisible(!list.isEmpty());
            chartEvents.setManaged(!list.isEmpty());
        }, this::fail);
    }

    @FXML
    private void reportSideEffect() {
        if (chart != null && chart.visit().signed() && !chart.redacted()) {
            shell.reportSideEffect(patientId, chart.visit().id());
        }
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
        for (var n : List.of(screeningAllNoButton, consentCheck, offLabelConsentCheck, clinicalNotes,
                copyLastVisitButton, savePatternButton)) {
            n.setDisable(signed || redacted);
        }
        patternButtons.setDisable(signed || redacted);
        mirrorButton.setDisable(redacted);
        deleteButton.setDisable(redacted);
        addendumTab.setDisable(!signed || redacted);
        if (signed && !redacted) {
            chartTabs.getSelectionModel().select(addendumTab);
        }
        showAddenda();
    }

    // ------------------------------------------------------------------------------ the brush

    private Region.Kind kindOf(Brush b) {
        if (b == null || catalog == null) {
            return Region.Kind.MUSCLE;
        }
        return catalog.product(b.productId()).map(p -> p.kind() == ProductKind.TOXIN ? Region.Kind.MUSCLE : Region.Kind.AREA)
                .orElse(Region.Kind.MUSCLE);
    }

    private void productChosen(Product p) {
        if (p == null) {
            binding.setBrush(null);
            return;
        }
        List<Lot> lots = catalog.usableLots(p.id(), charts.today()).stream()
                .sorted(Comparator.comparing(Lot::expiry)).toList();
        brushLot.getItems().setAll(lots);
        brushLot.setValue(lots.isEmpty() ? null : lots.get(0));
        brushLot.setPromptText(lots.isEmpty() ? "No usable lot in stock" : "Choose the lot");
        showVials(p, null);
        brushUnit.setText(p.unit().symbol() + " per point");
        boolean same = binding.brushProperty().get() != null && binding.brushProperty().get().productId() == p.id();
        if (!same) {
            // the product's usual point, from the catalogue (Admin > Products)
            brushAmount.setText(Amounts.plain(p.defaultAmount()));
            brushDepth.setValue(p.defaultDepth());
            brushTechnique.setValue(p.defaultTechnique());
        }
        updateBrush();
    }

    private void updateBrush() {
        Product p = brushProduct.getValue();
        Optional<BigDecimal> amount = parseAmount(brushAmount.getText());
        Forms.mark(brushAmount, amount.isEmpty() && p != null ? "Type the amount per point, e.g. 10 or 0.1" : null);
        if (p == null || amount.isEmpty()) {
            binding.setBrush(null);
            return;
        }
        Lot lot = brushLot.getValue();
        Vial vial = brushVial.getValue();
        Long vialId = vial != null && lot != null && vial.lotId() == lot.id() && vial.productId() == p.id()
                && (vial.usableAt(clock.instant()) || overriddenVials.contains(vial.id())) ? vial.id() : null;
        binding.setBrush(new Brush(p.id(), lot == null ? null : lot.id(), vialId, amount.get(), brushDepth.getValue(),
                brushTechnique.getValue(), null));
    }

    private void lotChosen(Lot lot) {
        Vial vial = brushVial.getValue();
        if (vial != null && (lot == null || vial.lotId() != lot.id())) {
            brushVial.setValue(null);
        }
        updateBrush();
    }

    // ------------------------------------------------------------------------------ scanning a pack

    /** The pack's barcode scanned (or typed + Enter): its lot, refused with the reason when it must not be used. */
    private void scanned() {
        String text = chartScanField.getText();
        Forms.showError(chartScanStatus, null);
        if (text == null || text.isBlank()) {
            return;
        }
        chartScanField.clear();
        Gs1Code code;
        try {
            code = Gs1Parser.parse(text, charts.today());
        } catch (Gs1Exception e) {
            Forms.showError(chartScanError, "✖ " + e.getMessage());
            return;
        }
        Product chosen = brushProduct.getValue();
        Long productId = chosen == null ? null : chosen.id();
        background.run(() -> {
            Lot lot = charts.lotForCode(code, productId);
            return new Scanned(lot, charts.catalog());
        }, this::scanAccepted, error -> Forms.showError(chartScanError, "✖ " + Forms.message(error)));
    }

    private record Scanned(Lot lot, Catalog catalog) {
    }

    private void scanAccepted(Scanned s) {
        Forms.showError(chartScanError, null);
        catalog = s.catalog();
        Product p = catalog.product(s.lot().productId()).orElseThrow();
        if (brushProduct.getValue() == null || brushProduct.getValue().id() != p.id()) {
            brushProduct.getItems().setAll(catalog.products().stream().filter(Product::active).toList());
            brushProduct.setValue(p);
        } else {
            productChosen(p);
        }
        selectLot(s.lot());
        Forms.showStatus(chartScanStatus, "✔ Lot " + s.lot().lotNumber() + " of " + p.name()
                + " (expires " + s.lot().expiry() + ") for the next points");
    }

    private void selectLot(Lot lot) {
        Optional<Lot> listed = brushLot.getItems().stream().filter(l -> l.id() == lot.id()).findFirst();
        if (listed.isEmpty()) {
            brushLot.getItems().add(lot);
        }
        brushLot.setValue(listed.orElse(lot));
    }

    // ------------------------------------------------------------------------------ open vials

    /** Shows the open vials of a reconstituted product (toxins, Sculptra); selects {@code select} when given. */
    private void showVials(Product p, Long select) {
        boolean show = p != null && p.reconstituted();
        vialBox.setVisible(show);
        vialBox.setManaged(show);
        choosingVial = true;
        try {
            List<Vial> vials = !show || catalog == null ? List.of() : catalog.vials().stream()
                    .filter(v -> v.productId() == p.id() && v.discardedAt() == null)
                    .sorted(Comparator.comparing(Vial::openedAt).thenComparing(Vial::id)).toList();
            Vial current = brushVial.getValue();
            brushVial.getItems().setAll(vials);
            Long keep = select != null ? select : current == null ? null : current.id();
            brushVial.setValue(vials.stream().filter(v -> keep != null && v.id() == keep).findFirst().orElse(null));
            brushVial.setPromptText(vials.isEmpty() ? "No open vial: open one below" : "Choose the vial the next points come from");
        } finally {
            choosingVial = false;
        }
        showVialInfo(brushVial.getValue());
    }

    /** A vial in the list; {@code compact}: the chosen one in the box (its details show below it). */
    private javafx.scene.control.ListCell<Vial> vialCell(boolean compact) {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Vial v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().remove("vial-expired");
                if (empty || v == null) {
                    setText(null);
                    return;
                }
                boolean past = v.state(clock.instant()) == VialState.EXPIRED_AFTER_RECONSTITUTION;
                if (compact) {
                    setText((past ? "⚠ " : "") + "Vial " + v.id() + " · " + (v.concentration() == null ? ""
                            : v.concentration().text()) + (past ? " · PAST ITS HOURS" : ""));
                    setStyle(past ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;" : "");
                    return;
                }
                setText((past ? "⚠ PAST ITS USABLE HOURS · " : "") + "Vial " + v.id() + " · lot " + v.lotNumber()
                        + " · " + (v.concentration() == null ? "" : v.concentration().text()) + " · opened "
                        + clockTime(v.openedAt()) + (v.usableUntil() == null ? "" : " · usable until "
                        + clockTime(v.usableUntil())));
                setStyle(past ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;" : "");
            }
        };
    }

    private String clockTime(java.time.Instant t) {
        java.time.ZonedDateTime z = t.atZone(clock.getZone());
        return z.toLocalDate().equals(charts.today()) ? DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(z)
                : WHEN.format(z);
    }

    private void showVialInfo(Vial v) {
        if (v == null) {
            vialInfo.setText("Points are charted from the lot; choose a vial to record which one they come from.");
            vialInfo.setStyle("");
            return;
        }
        boolean past = v.state(clock.instant()) == VialState.EXPIRED_AFTER_RECONSTITUTION;
        vialInfo.setText(v.describe() + "\nOpened " + clockTime(v.openedAt()) + " by " + v.openedBy()
                + (v.usableUntil() == null ? "" : " · usable until " + clockTime(v.usableUntil()))
                + (past ? overriddenVials.contains(v.id()) ? "\nPast its usable hours: override recorded for this visit."
                : "\nPAST ITS USABLE HOURS." : ""));
        vialInfo.setStyle(past ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;" : "");
    }

    private void vialChosen(Vial v) {
        if (choosingVial) {
            return;
        }
        if (v != null) {
            Lot lot = brushLot.getValue();
            if (lot == null || lot.id() != v.lotId()) {
                catalog.lot(v.lotId()).ifPresent(this::selectLot);
            }
            if (v.state(clock.instant()) == VialState.EXPIRED_AFTER_RECONSTITUTION && !overriddenVials.contains(v.id())) {
                javafx.application.Platform.runLater(() -> askOverride(v));
            }
        }
        showVialInfo(v);
        updateBrush();
    }

    /** A vial past its usable hours: charting from it needs the injector's reason, recorded and audited. */
    private void askOverride(Vial v) {
        if (brushVial.getValue() == null || brushVial.getValue().id() != v.id() || chart == null) {
            return;
        }
        Dialog<String> d = new Dialog<>();
        d.setTitle("Vial past its usable hours");
        d.setHeaderText("Vial " + v.id() + " of " + v.productName() + " (lot " + v.lotNumber() + ") was opened "
                + clockTime(v.openedAt()) + " and was usable until " + clockTime(v.usableUntil())
                + ".\nOpen a new vial, or record why this one may still be used for this visit.");
        TextArea reason = new TextArea();
        reason.setId("vialOverrideReason");
        reason.setPromptText("Reason (required): recorded in the audit log");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, new Label("Reason for using it"), reason));
        ButtonType ok = new ButtonType("Use this vial", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("confirmVialOverrideButton");
        okButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> reason.getText().isBlank(), reason.textProperty()));
        d.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        owner(d);
        Optional<String> why = d.showAndWait();
        if (why.isEmpty() || why.get() == null) {
            brushVial.setValue(null);
            return;
        }
        long visitId = chart.visit().id();
        background.run(() -> {
            inventory.overrideVialExpiry(v.id(), visitId, why.get());
            return v.id();
        }, id -> {
            overriddenVials.add(id);
            shell.status("Override recorded for vial " + id);
            showVialInfo(brushVial.getValue());
            updateBrush();
            refreshPanels();
        }, error -> {
            if (error instanceof org.needlepoint.inventory.VialOverrideExistsException) {
                overriddenVials.add(v.id());
                showVialInfo(brushVial.getValue());
                updateBrush();
                return;
            }
            brushVial.setValue(null);
            Forms.showError(chartError, Forms.message(error));
        });
    }

    /** Reconstitutes a vial: lot, diluent, volume, with the concentration shown as it is typed. */
    @FXML
    private void openVialDialog() {
        Product p = brushProduct.getValue();
        if (p == null || !p.reconstituted()) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Open a vial");
        d.setHeaderText("Open (reconstitute) a vial of " + p.name());
        ComboBox<Lot> lot = new ComboBox<>();
        lot.setId("vialLotChoice");
        lot.getItems().setAll(catalog.usableLots(p.id(), charts.today()));
        lot.setValue(brushLot.getValue() != null && lot.getItems().contains(brushLot.getValue()) ? brushLot.getValue()
                : lot.getItems().isEmpty() ? null : lot.getItems().get(0));
        lot.setMaxWidth(Double.MAX_VALUE);
        TextField diluent = new TextField(p.defaultDiluent() == null ? "" : p.defaultDiluent());
        diluent.setId("vialDiluentField");
        TextField volume = new TextField(p.defaultDiluentMl() == null ? "" : Amounts.plain(p.defaultDiluentMl()));
        volume.setId("vialVolumeField");
        volume.setPrefColumnCount(6);
        Label concentration = new Label();
        concentration.setId("vialConcentration");
        concentration.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Runnable live = () -> {
            Optional<BigDecimal> ml = parseAmount(volume.getText());
            Concentration c = ml.map(v -> Concentration.of(p, v)).orElse(null);
            concentration.setText(c == null ? "Type the volume in mL" : "= " + c.text());
        };
        volume.textProperty().addListener((o, a, b) -> live.run());
        live.run();
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Lot"), lot);
        g.addRow(1, new Label("Diluent"), diluent);
        g.addRow(2, new Label("Volume (mL)"), volume);
        g.addRow(3, new Label("Concentration"), concentration);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        Forms.showError(error, null);
        d.getDialogPane().setContent(new VBox(10, g, error));
        d.getDialogPane().setPrefWidth(520);
        ButtonType open = new ButtonType("Open vial", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        Button openButton = (Button) d.getDialogPane().lookupButton(open);
        openButton.setId("confirmOpenVialButton");
        openButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (lot.getValue() == null) {
                Forms.showError(error, "Choose the lot of the vial.");
                e.consume();
            } else if (parseAmount(volume.getText()).isEmpty()) {
                Forms.showError(error, "Type the diluent volume in mL, e.g. 2.5.");
                e.consume();
            }
        });
        owner(d);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != open) {
            return;
        }
        long lotId = lot.getValue().id();
        String dil = diluent.getText();
        BigDecimal ml = parseAmount(volume.getText()).orElseThrow();
        openVialButton.setDisable(true);
        background.run(() -> {
            Vial v = inventory.openVial(lotId, dil, ml);
            return new Opened(v, charts.catalog());
        }, o -> {
            openVialButton.setDisable(false);
            catalog = o.catalog();
            selectLot(catalog.lot(o.vial().lotId()).orElseThrow());
            showVials(p, o.vial().id());
            updateBrush();
            shell.status("Opened " + o.vial().describe());
        }, e -> {
            openVialButton.setDisable(false);
            Forms.showError(chartError, Forms.message(e));
        });
    }

    private record Opened(Vial vial, Catalog catalog) {
    }

    private static Optional<BigDecimal> parseAmount(String text) {
        return Decimals.parse(text).filter(a -> a.signum() > 0 && a.scale() <= 3);
    }

    // ------------------------------------------------------------------------------ patterns

    private void buildPatternButtons() {
        patternButtons.getChildren().clear();
        for (ChartPattern pattern : patterns) {
            Button b = new Button(shortName(pattern));
            b.setId("pattern-" + pattern.id());
            b.getStyleClass().add("pattern-button");
            b.setTooltip(new javafx.scene.control.Tooltip(pattern.name() + " — " + pattern.points().size()
                    + " points, " + pattern.unit().format(pattern.total())));
            b.setDisable(productFor(pattern).isEmpty());
            b.setOnAction(e -> applyPattern(pattern));
            patternButtons.getChildren().add(b);
        }
    }

    private static String shortName(ChartPattern p) {
        String n = p.name();
        int paren = n.indexOf(" (");
        return paren > 0 ? n.substring(0, paren) : n;
    }

    /** The brush's product when the pattern fits it, else the fitting product whose lot expires first. */
    private Optional<Product> productFor(ChartPattern pattern) {
        Product current = brushProduct.getValue();
        if (current != null && pattern.fits(current)) {
            return Optional.of(current);
        }
        LocalDate today = charts.today();
        return catalog.products().stream().filter(Product::active).filter(pattern::fits)
                .filter(p -> !catalog.usableLots(p.id(), today).isEmpty())
                .min(Comparator.comparing(p -> catalog.usableLots(p.id(), today).stream().map(Lot::expiry)
                        .min(Comparator.naturalOrder()).orElse(LocalDate.MAX)));
    }

    private void applyPattern(ChartPattern pattern) {
        Optional<Product> product = productFor(pattern);
        if (product.isEmpty()) {
            Forms.showError(chartError, "No product in stock fits " + pattern.name() + ".");
            return;
        }
        if (brushProduct.getValue() == null || brushProduct.getValue().id() != product.get().id()) {
            brushProduct.setValue(product.get());
        }
        Lot lot = brushLot.getValue();
        List<InjectionPoint> applied = ChartRules.apply(pattern, product.get(), lot == null ? null : lot.id(),
                ChartService::newKey);
        Brush brush = binding.brushProperty().get();
        Long vialId = brush == null || lot == null || !java.util.Objects.equals(brush.lotId(), lot.id()) ? null
                : brush.vialId();
        List<InjectionPoint> points = vialId == null ? applied
                : applied.stream().map(pt -> pt.withVial(pt.lotId(), vialId)).toList();
        addAll(pattern.name(), points);
        siteMap.setView(points.isEmpty() ? siteMap.getView() : points.get(0).view());
    }

    private void addAll(String description, List<InjectionPoint> points) {
        editor.applyAll(description, batch -> {
            for (InjectionPoint p : points) {
                batch.add(p.view(), p.x(), p.y(), brushOf(p));
            }
            return null;
        });
    }

    @FXML
    private void copyLastVisit() {
        background.run(() -> charts.lastVisitPoints(patientId), points -> {
            if (points.isEmpty()) {
                Forms.showError(chartError, "This patient has no signed treatment to copy yet.");
                return;
            }
            LocalDate today = charts.today();
            List<InjectionPoint> withLots = points.stream().map(p -> p.withLot(catalog.usableLots(p.productId(), today)
                    .stream().min(Comparator.comparing(Lot::expiry)).map(Lot::id).orElse(null))).toList();
            addAll("Copy last visit", withLots);
            shell.status("Copied " + points.size() + " points from the last visit: check amounts and lots");
        }, this::fail);
    }

    @FXML
    private void saveAsPattern() {
        List<InjectionPoint> points = points();
        if (points.isEmpty()) {
            Forms.showError(chartError, "Place the points first; the map is saved as the pattern.");
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Save as pattern");
        d.setHeaderText("Save these " + points.size() + " points as a clinic pattern");
        d.setContentText("Pattern name");
        d.getEditor().setId("patternName");
        owner(d);
        d.showAndWait().ifPresent(name -> background.run(() -> charts.saveAsPattern(name, points), saved -> {
            patterns = new ArrayList<>(patterns);
            patterns.add(saved);
            buildPatternButtons();
            shell.status("Saved the pattern " + saved.name());
        }, this::fail));
    }

    // ------------------------------------------------------------------------------ selection

    private void showSelection() {
        Set<String> keys = siteMap.selectedKeys();
        boolean any = !keys.isEmpty() && !siteMap.isReadOnly();
        selectionBox.setVisible(any);
        selectionBox.setManaged(any);
        if (!any) {
            return;
        }
        List<EditablePoint<Brush>> selected = editor.points().stream().filter(p -> keys.contains(p.key())).toList();
        if (selected.isEmpty()) {
            return;
        }
        EditablePoint<Brush> first = selected.get(0);
        selectionTitle.setText(selected.size() == 1 ? "Selected: " + first.site().region().label()
                + (first.site().side() == Side.MIDLINE ? "" : ", " + first.site().side())
                : selected.size() + " points selected");
        selectionAmount.setText(Amounts.plain(first.payload().amount()));
        selectionDepth.setValue(first.payload().depth());
        selectionTechnique.setValue(first.payload().technique());
        selectionNote.setText(first.payload().note() == null ? "" : first.payload().note());
    }

    @FXML
    private void applySelection() {
        Optional<BigDecimal> amount = parseAmount(selectionAmount.getText());
        Forms.mark(selectionAmount, amount.isEmpty() ? "Type the amount, e.g. 10 or 0.1" : null);
        if (amount.isEmpty()) {
            return;
        }
        String note = selectionNote.getText().isBlank() ? null : selectionNote.getText().strip();
        editor.updatePayload(Set.copyOf(siteMap.selectedKeys()), b -> new Brush(b.productId(), b.lotId(), b.vialId(),
                amount.get(), selectionDepth.getValue(), selectionTechnique.getValue(), note));
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

    // ------------------------------------------------------------------------------ model <-> view

    private EditablePoint<Brush> editable(InjectionPoint p) {
        return new EditablePoint<>(p.key(), p.view(), p.x(), p.y(), new Site(p.region(), p.side()), brushOf(p));
    }

    private static Brush brushOf(InjectionPoint p) {
        return new Brush(p.productId(), p.lotId(), p.vialId(), p.amount(), p.depth(), p.technique(), p.note());
    }

    private InjectionPoint point(EditablePoint<Brush> e) {
        Brush b = e.payload();
        Unit unit = catalog.product(b.productId()).map(Product::unit).orElse(Unit.U);
        return new InjectionPoint(e.key(), e.view(), e.x(), e.y(), e.site().region(), e.site().side(), b.productId(),
                b.lotId(), b.vialId(), b.amount(), unit, b.depth(), b.technique(), b.note(), null);
    }

    private List<InjectionPoint> points() {
        return editor.points().stream().map(this::point).toList();
    }

    private MapPoint marker(EditablePoint<Brush> e) {
        Product p = catalog == null ? null : catalog.product(e.payload().productId()).orElse(null);
        String colour = p == null || p.colour() == null ? "#6b7280" : p.colour();
        String label = Amounts.plain(e.payload().amount()) + (p != null && p.unit() == Unit.U ? " U" : "");
        return new MapPoint(e.key(), e.view(), e.x(), e.y(), colour, label);
    }

    private void selectViewToggle(DiagramView v) {
        viewSelector.getChildren().forEach(n -> ((ToggleButton) n).setSelected(n.getId().equals("view-" + v.name())));
    }

    // ------------------------------------------------------------------------------ live panels

    private ChartDraft draft() {
        return new ChartDraft(clinicalNotes.getText(), points(), screening, consentCheck.isSelected(),
                offLabelConsentCheck.isSelected());
    }

    private void refreshPanels() {
        if (chart == null) {
            return;
        }
        List<InjectionPoint> pts = points();
        ChartTotals totals = ChartRules.totals(pts, catalog);
        StringBuilder t = new StringBuilder();
        for (ChartTotals.ProductTotal pt : totals.byProduct()) {
            t.append(pt.productName()).append(": ").append(pt.describe()).append('\n');
        }
        if (!totals.byRegion().isEmpty()) {
            t.append('\n');
            for (ChartTotals.RegionTotal rt : totals.byRegion()) {
                t.append(rt.region().label()).append(": ").append(rt.unit().format(rt.amount())).append(" (")
                        .append(rt.points()).append(rt.points() == 1 ? " point)" : " points)").append('\n');
            }
        }
        totalsLabel.setText(pts.isEmpty() ? "No points yet. Choose a product, then click the face, or use a pattern."
                : pts.size() + (pts.size() == 1 ? " point\n" : " points\n") + t.toString().strip());
        if (!chart.visit().signed()) {
            List<Product> products = ChartRules.productsOf(pts, catalog);
            screening = ChartRules.screening(products, patient.details(), screening);
            showScreening();
            boolean offLabel = !ChartRules.offLabelPllaRegions(pts, catalog).isEmpty();
            offLabelConsentCheck.setVisible(offLabel || offLabelConsentCheck.isSelected());
            offLabelConsentCheck.setManaged(offLabelConsentCheck.isVisible());
        } else {
            showScreening();
        }
        List<ChartWarning> warnings = new ArrayList<>(chart.visit().signed() ? List.of()
                : ChartRules.warnings(draft(), catalog, charts.today()));
        if (!chart.visit().signed()) {
            // a vial past its hours, newly charted from without an override: saving it would be refused
            Map<String, Long> savedVials = new java.util.HashMap<>();
            chart.allPoints().stream().filter(p -> p.vialId() != null).forEach(p -> savedVials.put(p.key(), p.vialId()));
            for (InjectionPoint p : pts) {
                if (p.vialId() != null && !p.vialId().equals(savedVials.get(p.key()))) {
                    ChartRules.vialWarning(p, catalog, clock.instant(), overriddenVials).ifPresent(warnings::add);
                }
            }
        }
        warningsBox.getChildren().setAll(warnings.stream().map(w -> {
            Label l = new Label((w.error() ? "✖ " : "⚠ ") + w.message());
            l.setWrapText(true);
            l.getStyleClass().addAll("chart-warning", w.error() ? "chart-warning-error" : "chart-warning-warn");
            l.setId("warning-" + w.code() + (w.pointKey() == null ? "" : "-" + w.pointKey()));
            return l;
        }).toList());
        if (warnings.isEmpty()) {
            Label ok = new Label(chart.visit().signed() ? "Signed: the chart is locked." : "No warnings.");
            ok.getStyleClass().add("text-muted");
            warningsBox.getChildren().add(ok);
        }
        undoButton.setDisable(chart.redacted() || !editor.canUndo());
        redoButton.setDisable(chart.redacted() || !editor.canRedo());
    }

    private void showScreening() {
        screeningList.getChildren().clear();
        if (screening.isEmpty()) {
            Label none = new Label("Chart a product first: its questions appear here.");
            none.getStyleClass().add("text-muted");
            screeningList.getChildren().add(none);
        }
        for (ScreeningEntry s : screening) {
            Label label = new Label(s.item().label() + (s.flaggedByRecord() ? "  (on the patient's record)" : ""));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            ToggleGroup g = new ToggleGroup();
            ToggleButton yes = new ToggleButton("Yes");
            ToggleButton no = new ToggleButton("No");
            yes.setId("screen-" + s.item().name() + "-yes");
            no.setId("screen-" + s.item().name() + "-no");
            yes.setToggleGroup(g);
            no.setToggleGroup(g);
            yes.setSelected(s.answer() == ScreeningAnswer.YES);
            no.setSelected(s.answer() == ScreeningAnswer.NO);
            boolean locked = chart.visit().signed();
            yes.setDisable(locked);
            no.setDisable(locked);
            yes.setOnAction(e -> answer(s.item(), yes.isSelected() ? ScreeningAnswer.YES : ScreeningAnswer.UNANSWERED));
            no.setOnAction(e -> answer(s.item(), no.isSelected() ? ScreeningAnswer.NO : ScreeningAnswer.UNANSWERED));
            HBox row = new HBox(6, label, yes, no);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(s.answer() == ScreeningAnswer.YES ? "screening-yes" : "screening-row");
            screeningList.getChildren().add(row);
        }
    }

    private void answer(ScreeningItem item, ScreeningAnswer a) {
        screening = screening.stream().map(s -> s.item() == item ? s.answered(a, s.note()) : s).toList();
        changed();
    }

    @FXML
    private void answerRestNo() {
        screening = screening.stream().map(s -> s.answer() == ScreeningAnswer.UNANSWERED ? s.answered(ScreeningAnswer.NO,
                s.note()) : s).toList();
        changed();
    }

    // ------------------------------------------------------------------------------ saving

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
        if (saving) {
            savePending = true;
            return;
        }
        saving = true;
        savePending = false;
        ChartDraft d = draft();
        Visit v = chart.visit();
        chartSaveStatus.setText("Saving…");
        background.run(() -> charts.saveDraft(v, d), saved -> {
            saving = false;
            chart = new VisitChart(saved.visit(), chart.points(), chart.screening(), chart.addenda(), chart.redacted());
            chartSaveStatus.setText("Draft saved " + TIME.format(java.time.LocalTime.now()));
            if (savePending) {
                save();
            } else if (signRequest != null) {
                runSign();
            }
        }, error -> {
            saving = false;
            signRequest = null;
            chartSaveStatus.setText("NOT SAVED");
            Forms.showError(chartError, Forms.message(error));
        });
    }

    /** True while a change is not yet in the database. */
    public boolean isDirty() {
        return saving || savePending;
    }

    // ------------------------------------------------------------------------------ signing

    @FXML
    private void sign() {
        Map<String, String> problems = ChartRules.signProblems(draft(), catalog, charts.today());
        if (!problems.isEmpty()) {
            Forms.showError(chartError, new ValidationException(problems).getMessage());
            if (problems.keySet().stream().anyMatch(k -> k.startsWith("consent") || k.startsWith("offLabel")
                    || k.startsWith("screening"))) {
                chartTabs.getSelectionModel().select(screeningTab);
            }
            return;
        }
        Dialog<char[]> d = new Dialog<>();
        d.setTitle("Sign chart");
        d.setHeaderText("Sign " + points().size() + " points for " + patient.details().displayName()
                + ". The chart is then locked; corrections become addenda.");
        PasswordField pw = new PasswordField();
        pw.setId("signPassword");
        pw.setPromptText("Your password");
        d.getDialogPane().setContent(new VBox(8, new Label("Password"), pw));
        ButtonType signType = new ButtonType("Sign", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(signType, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(signType).setId("confirmSignButton");
        d.setResultConverter(b -> b == signType ? pw.getText().toCharArray() : null);
        owner(d);
        d.setOnShown(e -> javafx.application.Platform.runLater(pw::requestFocus));
        Optional<char[]> password = d.showAndWait();
        if (password.isEmpty() || password.get() == null) {
            return;
        }
        signRequest = password.get();
        if (!saving) {
            runSign();
        }
    }

    private void runSign() {
        char[] pw = signRequest;
        signRequest = null;
        saving = true;
        ChartDraft d = draft();
        Visit v = chart.visit();
        signButton.setDisable(true);
        chartSaveStatus.setText("Signing…");
        background.run(() -> {
            VisitChart saved = charts.saveDraft(v, d);
            return charts.sign(saved.visit().id(), saved.visit().version(), pw);
        }, signed -> {
            saving = false;
            signButton.setDisable(false);
            Loaded l = new Loaded(patient, signed, catalog, patterns);
            show(l);
            shell.status("Signed the chart of " + patient.details().displayName());
        }, error -> {
            saving = false;
            signButton.setDisable(false);
            chartSaveStatus.setText("Draft saved, not signed");
            Forms.showError(chartError, Forms.message(error));
        });
    }

    // ------------------------------------------------------------------------------ addenda

    private void showAddenda() {
        addendaList.getChildren().clear();
        for (Addendum a : chart.addenda()) {
            Label l = new Label(WHEN.format(a.createdAt().atZone(ZoneId.systemDefault())) + " · " + a.authorName()
                    + (a.points().isEmpty() ? "" : " · " + a.points().size() + " point(s) added") + "\n"
                    + (a.text() == null ? "" : a.text()));
            l.setWrapText(true);
            l.getStyleClass().add("addendum");
            addendaList.getChildren().add(l);
        }
    }

    @FXML
    private void addAddendum() {
        Map<String, EditablePoint<Brush>> now = new java.util.HashMap<>();
        editor.points().forEach(p -> now.put(p.key(), p));
        Set<String> missing = new HashSet<>(signedKeys);
        missing.removeAll(now.keySet());
        boolean changedSigned = !missing.isEmpty() || chart.allPoints().stream().anyMatch(p -> {
            EditablePoint<Brush> e = now.get(p.key());
            return e != null && !point(e).equals(p.withAddendum(null));
        });
        if (changedSigned) {
            Forms.showError(chartError, "Signed points cannot be moved, changed or deleted. Undo that change; "
                    + "describe the correction in the addendum text instead.");
            return;
        }
        List<InjectionPoint> added = new ArrayList<>();
        for (EditablePoint<Brush> e : editor.points()) {
            if (!signedKeys.contains(e.key())) {
                added.add(point(e));
            }
        }
        String text = addendumText.getText();
        long visitId = chart.visit().id();
        addendumButton.setDisable(true);
        background.run(() -> charts.addAddendum(visitId, text, added), updated -> {
            addendumButton.setDisable(false);
            addendumText.clear();
            show(new Loaded(patient, updated, catalog, patterns));
            shell.status("Addendum added");
        }, error -> {
            addendumButton.setDisable(false);
            Forms.showError(chartError, Forms.message(error));
        });
    }

    // ------------------------------------------------------------------------------ printing

    @FXML
    private void printSummary() {
        export("treatment-record", reports::visitSummary);
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
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save PDF");
        chooser.setInitialFileName(kind + "-chart" + patient.chartNumber() + "-"
                + chart.visit().startedAt().atZone(ZoneId.systemDefault()).toLocalDate() + ".pdf");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File file = chooser.showSaveDialog(chartRoot.getScene().getWindow());
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

    private void fail(Throwable error) {
        chartSaveStatus.setText("");
        Forms.showError(chartError, Forms.message(error));
    }

    private void owner(Dialog<?> d) {
        if (chartRoot.getScene() != null) {
            d.initOwner(chartRoot.getScene().getWindow());
        }
    }

    /** For tests: the map's editor. */
    MapEditor<Brush> editor() {
        return editor;
    }

    /** For tests: the visit as last saved. */
    public Optional<VisitChart> chart() {
        return Optional.ofNullable(chart);
    }
}
