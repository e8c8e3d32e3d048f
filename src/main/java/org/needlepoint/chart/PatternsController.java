package org.needlepoint.chart;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;

/**
 * The chart's patterns (PatternsView.fxml): a button per pattern ("pattern-ID"), applied with the
 * brush ({@link BrushModel#apply}); "Copy last visit" and "Save map as pattern…" through the service.
 */
public final class PatternsController {
    private final ChartService charts;
    private final Background background;
    private final Shell shell;
    private final PatternsModel model = new PatternsModel();
    private BrushModel brush;
    private Supplier<Long> patientId = () -> null;
    private Supplier<List<InjectionPoint>> onMap = List::of;
    private Predicate<InjectionPoint> onRegion = p -> true;
    private BiConsumer<String, List<InjectionPoint>> add = (d, p) -> { };
    private Consumer<String> onError = m -> { };

    @FXML private VBox patternsPane;
    @FXML private FlowPane patternButtons;
    @FXML private Button copyLastVisitButton;
    @FXML private Button savePatternButton;

    public PatternsController(ChartService charts, Background background, Shell shell) {
        this.charts = charts;
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        model.patterns().addListener((ListChangeListener<ChartPattern>) c -> buttons());
    }

    public PatternsModel model() {
        return model;
    }

    /**
     * The brush patterns are applied with; the patient whose last visit is copied; the points on the
     * map (a pattern saved from them) and which may be placed; where points are added; where errors go.
     */
    public void wire(BrushModel brushModel, Supplier<Long> patient, Supplier<List<InjectionPoint>> points,
                     Predicate<InjectionPoint> placeable, BiConsumer<String, List<InjectionPoint>> addPoints,
                     Consumer<String> errors) {
        this.brush = brushModel;
        this.patientId = patient;
        this.onMap = points;
        this.onRegion = placeable;
        this.add = addPoints;
        this.onError = errors;
    }

    /** Locks the patterns (a signed chart, one the front desk reads). */
    public void setLocked(boolean locked) {
        patternsPane.setDisable(locked);
    }

    private void buttons() {
        patternButtons.getChildren().setAll(model.patterns().stream().map(pattern -> {
            Button b = new Button(PatternsModel.shortName(pattern));
            b.setId("pattern-" + pattern.id());
            b.getStyleClass().add("pattern-button");
            b.setTooltip(new Tooltip(PatternsModel.description(pattern)));
            // a pattern no product in stock fits is not offered: the buttons stay few and within reach
            boolean usable = brush != null && brush.productFor(pattern).isPresent();
            b.setDisable(!usable);
            b.setVisible(usable);
            b.setManaged(usable);
            b.setOnAction(e -> apply(pattern));
            return b;
        }).toList());
    }

    private void apply(ChartPattern pattern) {
        Optional<List<InjectionPoint>> points = brush.apply(pattern, ChartService::newKey);
        if (points.isEmpty()) {
            onError.accept("No product in stock fits " + pattern.name() + ".");
            return;
        }
        add.accept(pattern.name(), points.get());
    }

    @FXML
    private void copyLastVisit() {
        Long patient = patientId.get();
        if (patient == null) {
            return;
        }
        background.run(() -> charts.lastVisitPoints(patient), points -> {
            if (points.isEmpty()) {
                onError.accept("This patient has no signed treatment to copy yet.");
                return;
            }
            PatternsModel.Copy copy = PatternsModel.copy(points, brush.catalogProperty().get(), charts.today(), onRegion);
            add.accept("Copy last visit", copy.points());
            shell.status(PatternsModel.copied(copy));
        }, error -> onError.accept(Forms.message(error)));
    }

    @FXML
    private void saveAsPattern() {
        List<InjectionPoint> points = onMap.get();
        if (points.isEmpty()) {
            onError.accept("Place the points first; the map is saved as the pattern.");
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Save as pattern");
        d.setHeaderText("Save these " + points.size() + " points as a clinic pattern");
        d.setContentText("Pattern name");
        d.getEditor().setId("patternName");
        if (patternsPane.getScene() != null) {
            d.initOwner(patternsPane.getScene().getWindow());
        }
        d.showAndWait().ifPresent(name -> background.run(() -> charts.saveAsPattern(name, points), saved -> {
            model.saved(saved);
            shell.status("Saved the pattern " + saved.name());
        }, error -> onError.accept(Forms.message(error))));
    }
}
