package org.needlepoint.chart;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The chart's totals and warnings (SummaryView.fxml), as {@link ChartSummary} words them; a warning's id is "warning-CODE[-KEY]". */
public final class SummaryController {
    @FXML private Label totalsLabel;
    @FXML private VBox warningsBox;

    /** Shows the totals of {@code points} and the chart's warnings (a signed chart has none: it is locked). */
    public void show(List<InjectionPoint> points, Catalog catalog, List<ChartWarning> warnings, boolean signed) {
        totalsLabel.setText(ChartSummary.totals(points, catalog));
        warningsBox.getChildren().setAll(warnings.stream().map(w -> {
            Label l = new Label((w.error() ? "✖ " : "⚠ ") + w.message());
            l.setWrapText(true);
            l.getStyleClass().addAll("chart-warning", w.error() ? "chart-warning-error" : "chart-warning-warn");
            l.setId("warning-" + w.code() + (w.pointKey() == null ? "" : "-" + w.pointKey()));
            return l;
        }).toList());
        if (warnings.isEmpty()) {
            Label ok = new Label(signed ? "Signed: the chart is locked." : "No warnings.");
            ok.getStyleClass().add("text-muted");
            warningsBox.getChildren().add(ok);
        }
    }
}
