package org.needlepoint.schedule;

import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.needlepoint.common.Changes;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;

/** Admin ▸ Consents (ConsentTextsView.fxml), bound to a {@link ConsentTextsModel}. */
public final class ConsentTextsController implements AdminTab {
    private final ConsentService consents;
    private final Background background;
    private final Changes changes;
    private final ConsentTextsModel model = new ConsentTextsModel();
    private boolean showing;

    @FXML private VBox consentTextsRoot;
    @FXML private ListView<ConsentKind> consentKindList;
    @FXML private ComboBox<ConsentText> consentVersionChoice;
    @FXML private Label consentVersionNote;
    @FXML private TextField consentTitleField;
    @FXML private TextArea consentBodyArea;
    @FXML private Label consentTextsError;
    @FXML private Label consentTextsStatus;
    @FXML private Button saveConsentTextButton;
    @FXML private Button revertConsentTextButton;
    @FXML private TextField consentValidMonths;
    @FXML private Button saveValidityButton;

    public ConsentTextsController(ConsentService consents, Background background, Changes changes) {
        this.consents = consents;
        this.background = background;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        consentKindList.getItems().setAll(ConsentKind.values());
        consentKindList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConsentKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.label());
                setId(empty || k == null ? null : "consentKindRow-" + k.name());
                setStyle("-fx-padding: 10 10; -fx-font-size: 15px;");
            }
        });
        consentKindList.getSelectionModel().selectedItemProperty().addListener((o, was, k) -> {
            if (k != null) {
                loadKind(k);
            }
        });
        consentVersionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConsentText t) {
                return t == null ? "" : ConsentTextsModel.label(t, !model.versions().isEmpty()
                        && model.versions().get(0).id() == t.id(), ZoneId.systemDefault());
            }

            @Override
            public ConsentText fromString(String s) {
                return null;
            }
        });
        consentVersionChoice.valueProperty().addListener((o, was, t) -> {
            if (t != null && !showing) {
                model.select(t);
                showSelected();
            }
        });
        consentTitleField.textProperty().addListener((o, was, is) -> edited());
        consentBodyArea.textProperty().addListener((o, was, is) -> edited());
        LiveRefresh.follow(consentKindList, changes, Set.of(ChangeFeed.CONSENT, ChangeFeed.CLINIC), this::refreshQuietly);
    }

    @Override
    public void refresh() {
        if (consentKindList.getSelectionModel().getSelectedItem() == null) {
            consentKindList.getSelectionModel().selectFirst();
        } else {
            loadKind(consentKindList.getSelectionModel().getSelectedItem());
        }
        background.run(consents::validityMonths,
                m -> {
                    String shown = model.monthsRead(consentValidMonths.getText(), m);
                    if (!shown.equals(consentValidMonths.getText())) { // setting the same text moves the caret
                        consentValidMonths.setText(shown);
                    }
                },
                error -> Forms.showError(consentTextsError, Forms.message(error)));
    }

    /** A change on another PC: reload unless the admin is typing an edit here. */
    private void refreshQuietly() {
        if (!model.changed(consentTitleField.getText(), consentBodyArea.getText())) {
            refresh();
        }
    }

    private void loadKind(ConsentKind k) {
        background.run(() -> consents.versions(k), versions -> {
            if (k != consentKindList.getSelectionModel().getSelectedItem()) {
                return;
            }
            if (versions.equals(model.versions()) && model.selected() != null && model.selected().kind() == k) {
                return; // nothing new (the feed's echo of this PC's own save): keep the version the admin is reading
            }
            model.load(versions);
            showing = true;
            try {
                consentVersionChoice.getItems().setAll(versions);
                consentVersionChoice.setValue(model.selected());
            } finally {
                showing = false;
            }
            showSelected();
        }, error -> Forms.showError(consentTextsError, Forms.message(error)));
    }

    private void showSelected() {
        ConsentText t = model.selected();
        showing = true;
        try {
            consentTitleField.setText(t == null ? "" : t.title());
            consentBodyArea.setText(t == null ? "" : t.body());
        } finally {
            showing = false;
        }
        boolean editable = model.editable();
        consentTitleField.setEditable(editable);
        consentBodyArea.setEditable(editable);
        consentVersionNote.setText(editable ? "Editing the current version: saving keeps it and makes version "
                + (t.textVersion() + 1) + "."
                : "An older version, as patients signed it: read only. Choose the current version to edit.");
        Forms.markAll(java.util.Map.of("title", consentTitleField, "body", consentBodyArea), java.util.Map.of());
        edited();
    }

    private void edited() {
        if (showing) {
            return;
        }
        boolean changed = model.changed(consentTitleField.getText(), consentBodyArea.getText());
        saveConsentTextButton.setDisable(!changed);
        revertConsentTextButton.setDisable(!changed);
    }

    @FXML
    private void revert() {
        showSelected();
    }

    @FXML
    private void saveText() {
        ConsentText base = model.selected();
        if (base == null) {
            return;
        }
        String title = consentTitleField.getText();
        String body = consentBodyArea.getText();
        saveConsentTextButton.setDisable(true);
        Forms.showError(consentTextsError, null);
        background.run(() -> consents.editText(base.kind(), base.textVersion(), title, body), saved -> {
            Forms.showStatus(consentTextsStatus, "Saved version " + saved.textVersion() + " of the "
                    + saved.kind().label() + " consent.");
            loadKind(saved.kind());
        }, error -> {
            saveConsentTextButton.setDisable(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(java.util.Map.of("title", consentTitleField, "body", consentBodyArea), v.fieldErrors());
            }
            Forms.showError(consentTextsError, Forms.message(error));
        });
    }

    @FXML
    private void saveValidity() {
        OptionalInt months = ConsentTextsModel.months(consentValidMonths.getText());
        Forms.showError(consentTextsError, null);
        if (months.isEmpty()) {
            Forms.mark(consentValidMonths, "Type a whole number of months, 1 to 120.");
            Forms.showError(consentTextsError, "Type a whole number of months, 1 to 120.");
            return;
        }
        background.run(() -> {
            consents.setValidityMonths(months.getAsInt());
            return months.getAsInt();
        }, m -> {
            model.monthsSaved(m);
            Forms.mark(consentValidMonths, null);
            Forms.showStatus(consentTextsStatus, "Signed consents are now valid for " + m + " months.");
        }, error -> {
            Forms.mark(consentValidMonths, Forms.message(error));
            Forms.showError(consentTextsError, Forms.message(error));
        });
    }
}
