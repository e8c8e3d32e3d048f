package org.needlepoint.chart;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Forms;

/** The selected points' editor (SelectionView.fxml), bound to a {@link SelectionModel}. */
public final class SelectionController {
    private final SelectionModel model = new SelectionModel();
    private Consumer<UnaryOperator<Brush>> onApply = e -> { };

    @FXML private VBox selectionBox;
    @FXML private Label selectionTitle;
    @FXML private Label selectionLot;
    @FXML private VBox selectionEdit;
    @FXML private TextField selectionAmount;
    @FXML private ComboBox<Depth> selectionDepth;
    @FXML private ComboBox<Technique> selectionTechnique;
    @FXML private TextField selectionNote;

    @FXML
    private void initialize() {
        selectionBox.visibleProperty().bind(model.shownProperty());
        selectionBox.managedProperty().bind(model.shownProperty());
        selectionEdit.visibleProperty().bind(model.visibleProperty());
        selectionEdit.managedProperty().bind(model.visibleProperty());
        selectionTitle.textProperty().bind(model.titleProperty());
        selectionLot.textProperty().bind(model.lotLineProperty());
        selectionAmount.textProperty().bindBidirectional(model.amountProperty());
        selectionDepth.getItems().setAll(Depth.values());
        selectionDepth.valueProperty().bindBidirectional(model.depthProperty());
        selectionTechnique.getItems().setAll(Technique.values());
        selectionTechnique.valueProperty().bindBidirectional(model.techniqueProperty());
        selectionNote.textProperty().bindBidirectional(model.noteProperty());
        model.amountErrorProperty().addListener((o, old, error) -> Forms.mark(selectionAmount, error));
    }

    public SelectionModel model() {
        return model;
    }

    /** Where the edit of the selected points goes (the map's editor). */
    public void setOnApply(Consumer<UnaryOperator<Brush>> handler) {
        this.onApply = handler;
    }

    @FXML
    private void apply() {
        model.edit().ifPresent(onApply);
    }
}
