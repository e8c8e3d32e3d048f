package org.needlepoint.followup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.Forms;

/**
 * The side-effect form's fields ({@code AdverseEventFormView}), bound to an
 * {@link AdverseEventFormModel}: the model checks what is typed and says what shows; this controller
 * builds the grade buttons and outcome ticks, marks the problems on their fields, and keeps the
 * field with the focus in view while the person tabs through.
 */
public final class AdverseEventFormController {
    private final AdverseEventFormModel model = new AdverseEventFormModel();
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final ToggleGroup severity = new ToggleGroup();
    private final ChangeListener<Node> followFocus = (o, was, now) -> reveal(now);

    @FXML private ScrollPane fieldsScroll;
    @FXML private VBox fieldsBox;
    @FXML private VBox urgentPanel;
    @FXML private Label urgentTitle;
    @FXML private Label urgentChecklist;
    @FXML private TextField onsetDate;
    @FXML private TextField reportedOn;
    @FXML private Label timingLabel;
    @FXML private ComboBox<AdverseEventType> eventType;
    @FXML private Label otherLabel;
    @FXML private TextField otherDescription;
    private static final javafx.css.PseudoClass EXPECTED = javafx.css.PseudoClass.getPseudoClass("expected");
    @FXML private Label urgentHint;
    @FXML private Label expectedNote;
    @FXML private VBox expectedBox;
    @FXML private Label expectedStatus;
    @FXML private CheckBox notExpected;
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

    private boolean isExpected() {
        return model.expectedFitsProperty().get() && !model.notExpectedProperty().get();
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
            model.severityProperty().set(now == null ? null : (Severity) now.getUserData());
        });
        model.severityProperty().addListener((o, was, now) -> selectGrade(now));
        for (SeriousOutcome s : SeriousOutcome.values()) {
            CheckBox c = new CheckBox(s.label());
            c.setId("serious-" + s.name());
            c.setWrapText(true);
            c.getStyleClass().add("big-check");
            c.selectedProperty().bindBidirectional(model.seriousProperty(s));
            seriousBox.getChildren().add(c);
        }
        onsetDate.textProperty().bindBidirectional(model.onsetDateProperty());
        reportedOn.textProperty().bindBidirectional(model.reportedOnProperty());
        eventType.valueProperty().bindBidirectional(model.typeProperty());
        otherDescription.textProperty().bindBidirectional(model.otherDescriptionProperty());
        visionChange.selectedProperty().bindBidirectional(model.visionChangeProperty());
        breathingDifficulty.selectedProperty().bindBidirectional(model.breathingDifficultyProperty());
        deathDate.textProperty().bindBidirectional(model.deathDateProperty());
        description.textProperty().bindBidirectional(model.descriptionProperty());
        actionsTaken.textProperty().bindBidirectional(model.actionsTakenProperty());
        relevantHistory.textProperty().bindBidirectional(model.relevantHistoryProperty());
        weightKg.textProperty().bindBidirectional(model.weightKgProperty());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        outcomeDate.textProperty().bindBidirectional(model.outcomeDateProperty());

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

        timingLabel.textProperty().bind(model.timingProperty());
        show(model.otherShownProperty().get(), otherLabel, otherDescription);
        model.otherShownProperty().addListener((o, was, on) -> show(on, otherLabel, otherDescription));
        expectedNote.setText(ExpectedReaction.NOTE);
        notExpected.selectedProperty().bindBidirectional(model.notExpectedProperty());
        expectedStatus.textProperty().bind(model.expectedStatusProperty());
        notExpected.disableProperty().bind(model.expectedFitsProperty().not());
        expectedStatus.pseudoClassStateChanged(EXPECTED, isExpected());
        model.expectedStatusProperty().addListener((o, was, now) -> expectedStatus.pseudoClassStateChanged(EXPECTED,
                isExpected()));
        urgentHint.textProperty().bind(model.urgentHintProperty());
        urgentHint.visibleProperty().bind(model.urgentHintProperty().isNotEmpty());
        urgentHint.managedProperty().bind(urgentHint.visibleProperty());
        severityMeaning.textProperty().bind(model.severityMeaningProperty());
        deathRow.visibleProperty().bind(model.deathShownProperty());
        deathRow.managedProperty().bind(model.deathShownProperty());
        outcomeDate.disableProperty().bind(model.outcomeDateEnabledProperty().not());
        outcomeDateLabel.disableProperty().bind(model.outcomeDateEnabledProperty().not());
        model.shownProblems().addListener((MapChangeListener<String, String>) c -> Forms.markAll(fields,
                model.shownProblems()));
        model.seriousErrorProperty().addListener((o, was, now) -> Forms.showError(seriousError, now));
        Forms.showError(seriousError, null);

        urgentTitle.textProperty().bind(model.urgentTitleProperty());
        urgentChecklist.textProperty().bind(model.urgentChecklistProperty());
        urgentPanel.visibleProperty().bind(model.urgentChecklistProperty().isNotNull());
        urgentPanel.managedProperty().bind(urgentPanel.visibleProperty());
        model.history().addListener((ListChangeListener<String>) c -> showHistory());
        showHistory();

        // Tab through the fields: the one with the focus scrolls into view
        fieldsScroll.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.focusOwnerProperty().removeListener(followFocus);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(followFocus);
            }
        });
    }

    public AdverseEventFormModel model() {
        return model;
    }

    /** True while a list of the form is open: Escape closes it rather than the form. */
    boolean popupShowing() {
        return eventType.isShowing() || outcome.isShowing();
    }

    /** Puts the focus on the field named in {@code names} that comes first in the form. */
    void focusFirst(Collection<String> names) {
        for (Map.Entry<String, Control> f : fields.entrySet()) {
            if (names.contains(f.getKey())) {
                f.getValue().requestFocus();
                return;
            }
        }
    }

    /** Scrolls to the top of the form, where the red checklist of an urgent event shows. */
    void scrollToTop() {
        fieldsScroll.setVvalue(0);
    }

    private void selectGrade(Severity s) {
        for (Toggle t : severity.getToggles()) {
            if (t.getUserData() == s && !t.isSelected()) {
                t.setSelected(true);
            }
        }
        if (s == null && severity.getSelectedToggle() != null) {
            severity.getSelectedToggle().setSelected(false);
        }
    }

    private static void show(boolean on, Node... nodes) {
        for (Node n : nodes) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private void showHistory() {
        historyList.getChildren().clear();
        for (String line : model.history()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("history-line");
            historyList.getChildren().add(l);
        }
        show(!model.history().isEmpty(), historyBox);
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
        Bounds b = fieldsBox.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
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

    private static String shortName(Severity s) {
        String label = s.label();
        return label.substring(label.indexOf('\u2013') + 2);
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
}
