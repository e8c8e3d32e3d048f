package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.needlepoint.followup.AdverseEventService;
import org.needlepoint.followup.AdverseEventSummary;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.Shell;

/** The side effects on the visit (VisitEventsView.fxml): links ("chartEvent-ID") to their forms. */
public final class VisitEventsController {
    private final AdverseEventService events;
    private final Background background;
    private final Shell shell;
    private final VisitEventsModel model = new VisitEventsModel();

    @FXML private FlowPane chartEvents;

    public VisitEventsController(AdverseEventService events, Background background, Shell shell) {
        this.events = events;
        this.background = background;
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        model.events().addListener((ListChangeListener<AdverseEventSummary>) c -> links());
    }

    private void links() {
        List<Node> links = new ArrayList<>();
        if (!model.events().isEmpty()) {
            Label title = new Label(model.title());
            title.getStyleClass().add("chart-events-title");
            links.add(title);
        }
        for (AdverseEventSummary e : model.events()) {
            Button b = new Button(VisitEventsModel.label(e));
            b.setId("chartEvent-" + e.id());
            b.getStyleClass().addAll("chart-event", VisitEventsModel.style(e));
            b.setOnAction(a -> shell.openAdverseEvent(e.id()));
            links.add(b);
        }
        chartEvents.getChildren().setAll(links);
        chartEvents.setVisible(!links.isEmpty());
        chartEvents.setManaged(!links.isEmpty());
    }

    /** Reads the side effects of the chart's visit (none shown for a draft or a redacted chart). */
    public void load(VisitChart chart, Consumer<String> errors) {
        if (!VisitEventsModel.shown(chart)) {
            model.clear();
            return;
        }
        long visitId = chart.visit().id();
        background.run(() -> events.visitEvents(visitId), model::show, error -> errors.accept(Forms.message(error)));
    }
}
