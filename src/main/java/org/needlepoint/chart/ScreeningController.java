package org.needlepoint.chart;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The chart's screening and consent (ScreeningView.fxml), bound to a {@link ScreeningModel}. */
public final class ScreeningController {
    private final ScreeningModel model = new ScreeningModel();

    @FXML private CheckBox consentCheck;
    @FXML private CheckBox offLabelConsentCheck;
    @FXML private Button screeningAllNoButton;
    @FXML private VBox screeningList;
    @FXML private TextArea clinicalNotes;

    @FXML
    private void initialize() {
        consentCheck.selectedProperty().bindBidirectional(model.consentProperty());
        offLabelConsentCheck.selectedProperty().bindBidirectional(model.offLabelConsentProperty());
        offLabelConsentCheck.visibleProperty().bind(model.offLabelAskedProperty());
        offLabelConsentCheck.managedProperty().bind(model.offLabelAskedProperty());
        clinicalNotes.textProperty().bindBidirectional(model.notesProperty());
        for (var n : new javafx.scene.Node[] {consentCheck, offLabelConsentCheck, screeningAllNoButton, clinicalNotes}) {
            n.disableProperty().bind(model.lockedProperty());
        }
        model.entries().addListener((ListChangeListener<ScreeningEntry>) c -> rows());
        model.lockedProperty().addListener((o, was, is) -> rows());
        rows();
    }

    public ScreeningModel model() {
        return model;
    }

    /** One row per question: its label and big Yes / No toggles ("screen-ITEM-yes"). */
    private void rows() {
        screeningList.getChildren().clear();
        if (model.entries().isEmpty()) {
            Label none = new Label("Chart a product first: its questions appear here.");
            none.getStyleClass().add("text-muted");
            screeningList.getChildren().add(none);
        }
        boolean locked = model.lockedProperty().get();
        for (ScreeningEntry s : model.entries()) {
            Label label = new Label(ScreeningModel.label(s));
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            ToggleGroup g = new ToggleGroup();
            ToggleButton yes = toggle(s, true, g, locked);
            ToggleButton no = toggle(s, false, g, locked);
            HBox row = new HBox(6, label, yes, no);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(s.answer() == ScreeningAnswer.YES ? "screening-yes" : "screening-row");
            screeningList.getChildren().add(row);
        }
    }

    private ToggleButton toggle(ScreeningEntry s, boolean yes, ToggleGroup g, boolean locked) {
        ToggleButton b = new ToggleButton(yes ? "Yes" : "No");
        b.setId("screen-" + s.item().name() + (yes ? "-yes" : "-no"));
        b.setToggleGroup(g);
        b.setSelected(s.answer() == (yes ? ScreeningAnswer.YES : ScreeningAnswer.NO));
        b.setDisable(locked);
        b.setOnAction(e -> model.toggled(s.item(), yes, b.isSelected()));
        return b;
    }

    @FXML
    private void answerRestNo() {
        model.answerRestNo();
    }
}
