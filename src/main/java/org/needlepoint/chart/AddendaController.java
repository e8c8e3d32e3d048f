package org.needlepoint.chart;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;

/** The chart's addenda (AddendaView.fxml), bound to an {@link AddendaModel}; adds an addendum through the service. */
public final class AddendaController {
    private final ChartService charts;
    private final Background background;
    private final Shell shell;
    private final AddendaModel model;
    private Supplier<VisitChart> chart = () -> null;
    private Supplier<List<InjectionPoint>> onMap = List::of;
    private Consumer<VisitChart> onAdded = c -> { };
    private Consumer<String> onError = m -> { };

    @FXML private VBox addendaList;
    @FXML private TextArea addendumText;
    @FXML private Button addendumButton;

    public AddendaController(ChartService charts, Background background, Shell shell, Clock clock) {
        this.charts = charts;
        this.background = background;
        this.shell = shell;
        this.model = new AddendaModel(clock.getZone());
    }

    @FXML
    private void initialize() {
        addendumText.textProperty().bindBidirectional(model.textProperty());
        addendumButton.disableProperty().bind(model.busyProperty());
        model.addenda().addListener((ListChangeListener<String>) c -> addendaList.getChildren().setAll(
                model.addenda().stream().map(text -> {
                    Label l = new Label(text);
                    l.setWrapText(true);
                    l.getStyleClass().add("addendum");
                    return l;
                }).toList()));
    }

    public AddendaModel model() {
        return model;
    }

    /** The signed chart, the points on the map now, what to do with the chart once amended, where errors go. */
    public void wire(Supplier<VisitChart> signedChart, Supplier<List<InjectionPoint>> pointsOnMap,
                     Consumer<VisitChart> amended, Consumer<String> errors) {
        this.chart = signedChart;
        this.onMap = pointsOnMap;
        this.onAdded = amended;
        this.onError = errors;
    }

    @FXML
    private void addAddendum() {
        VisitChart c = chart.get();
        if (c == null) {
            return;
        }
        AddendaModel.Prepared p = AddendaModel.prepare(c, onMap.get());
        if (p.error() != null) {
            onError.accept(p.error());
            return;
        }
        String text = model.textProperty().get();
        long visitId = c.visit().id();
        model.busyProperty().set(true);
        background.run(() -> charts.addAddendum(visitId, text, p.added()), updated -> {
            model.busyProperty().set(false);
            model.textProperty().set("");
            onAdded.accept(updated);
            shell.status("Addendum added");
        }, error -> {
            model.busyProperty().set(false);
            onError.accept(Forms.message(error));
        });
    }
}
