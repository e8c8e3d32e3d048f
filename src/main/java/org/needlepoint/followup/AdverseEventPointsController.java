package org.needlepoint.followup;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.needlepoint.chart.MapPoint;
import org.needlepoint.chart.SiteMap;
import org.needlepoint.ui.Forms;

/**
 * The side-effect form's points ({@code AdverseEventPointsView}): the visit's site map, read-only, in
 * {@link SiteMap.SelectionMode#TOGGLE} (a tap selects or unselects a point, no modifier key: gloves),
 * zoomed to the points; a toggle per view that has points; a line per product and lot with its
 * select-all. It binds these to an {@link AdverseEventPointsModel}, which holds the selection and says
 * what they show.
 */
public final class AdverseEventPointsController {
    /** The most the map zooms to fit the points: a glabellar pattern fills it, the face stays recognisable. */
    static final double FIT_ZOOM = 3;

    private final AdverseEventPointsModel model = new AdverseEventPointsModel();

    @FXML private HBox aeViews;
    @FXML private SiteMap eventMap;
    @FXML private Label pointsSummary;
    @FXML private Label pointsError;
    @FXML private ScrollPane productsScroll;
    @FXML private VBox productsBox;

    @FXML
    private void initialize() {
        eventMap.setReadOnly(true);
        eventMap.setSelectionMode(SiteMap.SelectionMode.TOGGLE);
        // all at once (not Bindings.bindContent, which removes, then adds): the map keeps the selection of
        // points that stay
        model.markers().addListener((ListChangeListener<MapPoint>) c -> eventMap.points().setAll(model.markers()));
        Bindings.bindContentBidirectional(eventMap.selectedKeys(), model.selected());
        pointsSummary.textProperty().bind(model.summaryProperty());
        model.errorProperty().addListener((o, was, now) -> Forms.showError(pointsError, now));
        Forms.showError(pointsError, null);
        model.lines().addListener((ListChangeListener<AdverseEventPointsModel.LotLine>) c -> showLines());
        eventMap.viewProperty().addListener((o, was, now) -> {
            selectViewToggle();
            Platform.runLater(() -> eventMap.zoomToPoints(FIT_ZOOM));
        });
    }

    public AdverseEventPointsModel model() {
        return model;
    }

    /** The model has a visit: its views, the first point's view, zoomed to its points, the map focused. */
    void visitShown() {
        buildViewToggles();
        model.firstView().ifPresent(eventMap::setView);
        Platform.runLater(() -> {
            eventMap.requestFocus();
            eventMap.zoomToPoints(FIT_ZOOM);
        });
    }

    @FXML
    private void selectAllPoints() {
        model.selectAll();
    }

    @FXML
    private void clearPoints() {
        model.clear();
    }

    private void buildViewToggles() {
        aeViews.getChildren().clear();
        ToggleGroup views = new ToggleGroup();
        for (AdverseEventPointsModel.ViewCount v : model.views()) {
            ToggleButton b = new ToggleButton(v.label());
            b.setId("aeView-" + v.view().name());
            b.setToggleGroup(views);
            b.getStyleClass().add("view-toggle");
            b.setOnAction(e -> {
                eventMap.setView(v.view());
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

    /** One row per product and lot: its colour, name and lot, how many points are selected, and its button. */
    private void showLines() {
        List<Node> rows = new ArrayList<>();
        for (AdverseEventPointsModel.LotLine line : model.lines()) {
            Circle dot = new Circle(8, colour(line.colour()));
            Label title = new Label(line.productName());
            title.getStyleClass().add("product-name");
            Label lotLabel = new Label(line.lotText());
            lotLabel.getStyleClass().add("product-lot");
            VBox text = new VBox(1, title, lotLabel);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label count = new Label(line.countText());
            count.getStyleClass().add("product-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            Button b = new Button(line.allSelected() ? "Unselect" : "Select all");
            b.setId("selectLot-" + line.idSuffix());
            b.getStyleClass().add("big");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> model.toggleLine(line.productId(), line.lotId()));
            HBox row = new HBox(10, dot, text, count, b);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(line.anySelected() ? "product-row-selected" : "product-row");
            row.setId("lotRow-" + line.idSuffix());
            rows.add(row);
        }
        productsBox.getChildren().setAll(rows);
        // room for three lines (56 px and a 4 px gap each) before the list scrolls; the map gets the rest
        productsScroll.setPrefViewportHeight(Math.min(rows.size(), 3) * 60 - 4);
        productsScroll.setMinViewportHeight(Math.min(rows.size(), 2) * 60 - 4);
    }

    private static Color colour(String hex) {
        try {
            return Color.web(hex);
        } catch (IllegalArgumentException e) {
            return Color.web(AdverseEventPointsModel.FALLBACK_COLOUR);
        }
    }
}
