package org.needlepoint.server;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Admin ▸ Clinic server: where this PC's records are; on an embedded PC, turning it into the clinic
 * server ({@code turnIntoServer}, the window's part: close, serve, open again, sign in again); on
 * the server and on joined PCs, join codes and the clinic's PCs, and removing one
 * ({@link ServerAdminModel}).
 */
public final class ServerAdminController implements AdminTab {
    private final ServerAdminModel model;
    private final Background background;
    private final Runnable turnIntoServer;

    @FXML private Label serverHeadline;
    @FXML private Label serverExplanation;
    @FXML private GridPane serverFacts;
    @FXML private Label serverAddressCaption;
    @FXML private Label serverAddress;
    @FXML private Label serverFingerprint;
    @FXML private VBox becomeServerBox;
    @FXML private Button becomeServerButton;
    @FXML private HBox serverBusy;
    @FXML private Label serverProgress;
    @FXML private Label serverError;
    @FXML private Label serverStatus;
    @FXML private HBox serverPcsBox;
    @FXML private Button makeCodeButton;
    @FXML private VBox joinCodeBox;
    @FXML private Label joinCodeText;
    @FXML private Label joinCodeUntil;
    @FXML private TableView<ServerAdminModel.PcRow> pcsTable;
    @FXML private TableColumn<ServerAdminModel.PcRow, String> pcNameColumn;
    @FXML private TableColumn<ServerAdminModel.PcRow, String> pcJoinedColumn;
    @FXML private TableColumn<ServerAdminModel.PcRow, String> pcLastSeenColumn;
    @FXML private TableColumn<ServerAdminModel.PcRow, String> pcStateColumn;
    @FXML private Label pcsPlaceholder;
    @FXML private Button removePcButton;
    @FXML private Label removePcHint;

    private ServerAdminModel.Mode mode;

    public ServerAdminController(ServerAdminModel model, Background background, Runnable turnIntoServer) {
        this.model = model;
        this.background = background;
        this.turnIntoServer = turnIntoServer;
    }

    @FXML
    private void initialize() {
        pcNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()
                + (c.getValue().thisPc() ? "  (this PC)" : "")));
        pcNameColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        pcJoinedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().joined()));
        pcLastSeenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lastSeen()));
        pcStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        pcStateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
                getStyleClass().removeAll("pc-removed", "pc-connected");
                ServerAdminModel.PcRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.pc().revoked()) {
                    getStyleClass().add("pc-removed");
                } else if (row != null && row.connected()) {
                    getStyleClass().add("pc-connected");
                }
            }
        });
        pcsTable.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> enableRemove());
        show(serverFacts, false);
        show(becomeServerBox, false);
        show(serverPcsBox, false);
        refresh();
    }

    /** Reads where the records are and the clinic's PCs again (the tab was shown, or something was done). */
    @Override
    public void refresh() {
        background.run(() -> {
            ServerAdminModel.Situation s = model.situation();
            List<ServerAdminModel.PcRow> rows = s.mode() == ServerAdminModel.Mode.EMBEDDED ? List.of() : model.pcs();
            return new Page(s, rows);
        }, this::show, error -> Forms.showError(serverError, Forms.message(error)));
    }

    private record Page(ServerAdminModel.Situation situation, List<ServerAdminModel.PcRow> rows) {
    }

    private void show(Page p) {
        ServerAdminModel.Situation s = p.situation();
        mode = s.mode();
        serverHeadline.setText(s.headline());
        serverExplanation.setText(s.explanation());
        boolean embedded = s.mode() == ServerAdminModel.Mode.EMBEDDED;
        show(serverFacts, !embedded);
        serverAddressCaption.setText(s.addressCaption() == null ? "" : s.addressCaption());
        serverAddress.setText(s.address() == null ? "" : s.address());
        serverFingerprint.setText(JoinForm.forReading(s.fingerprint()));
        show(becomeServerBox, embedded);
        show(serverPcsBox, !embedded);
        ServerAdminModel.PcRow selected = pcsTable.getSelectionModel().getSelectedItem();
        pcsTable.getItems().setAll(p.rows());
        if (selected != null) {
            p.rows().stream().filter(r -> r.pc().id() == selected.pc().id()).findFirst()
                    .ifPresent(r -> pcsTable.getSelectionModel().select(r));
        }
        pcsPlaceholder.setText("No PC has joined yet.");
        enableRemove();
    }

    private void enableRemove() {
        ServerAdminModel.PcRow row = pcsTable.getSelectionModel().getSelectedItem();
        String why = row == null ? null : model.whyNotRemovable(row);
        removePcButton.setDisable(row == null || why != null);
        Forms.showStatus(removePcHint, why);
    }

    @FXML
    private void makeCode() {
        clearMessages();
        makeCodeButton.setDisable(true);
        background.run(model::makeCode, code -> {
            makeCodeButton.setDisable(false);
            joinCodeText.setText(code.code());
            joinCodeUntil.setText("Valid until " + code.validUntil() + ", for one PC");
            show(joinCodeBox, true);
        }, error -> {
            makeCodeButton.setDisable(false);
            Forms.showError(serverError, Forms.message(error));
        });
    }

    @FXML
    private void refreshPcs() {
        clearMessages();
        refresh();
    }

    @FXML
    private void removePc() {
        ServerAdminModel.PcRow row = pcsTable.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        Optional<String> reason = askReason(row);
        if (reason.isEmpty()) {
            return;
        }
        clearMessages();
        removePcButton.setDisable(true);
        background.run(() -> {
            model.remove(row, reason.get());
            return null;
        }, ok -> {
            Forms.showStatus(serverStatus, "\"" + row.name() + "\" was removed: it can no longer open or save the"
                    + " clinic's records.");
            refresh();
        }, error -> {
            Forms.showError(serverError, Forms.message(error));
            refresh();
        });
    }

    /** Says what removing a PC does and asks why; empty when the admin cancels. */
    private Optional<String> askReason(ServerAdminModel.PcRow row) {
        Dialog<String> d = new Dialog<>();
        d.setTitle("Remove a PC");
        d.setHeaderText("Remove \"" + row.name() + "\" from the clinic?");
        Label what = new Label("• It can no longer open or save the clinic's records, within a second, even if it is"
                + " switched on now.\n"
                + "• Nothing already saved is lost.\n"
                + "• To use it again, it must join again with a new join code.");
        what.setWrapText(true);
        what.setMaxWidth(520);
        TextField reason = new TextField();
        reason.setId("removePcReason");
        reason.setPromptText("for example: laptop stolen");
        d.getDialogPane().setContent(new VBox(10, what, new Label("Why is it removed? (kept in the audit log)"), reason));
        d.getDialogPane().getStylesheets().addAll(pcsTable.getScene().getStylesheets());
        ButtonType remove = new ButtonType("Remove this PC", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(remove, ButtonType.CANCEL);
        Node removeButton = d.getDialogPane().lookupButton(remove);
        removeButton.setId("confirmRemovePcButton");
        removeButton.getStyleClass().add("danger");
        removeButton.disableProperty().bind(reason.textProperty().map(String::isBlank));
        d.setResultConverter(b -> b == remove ? reason.getText() : null);
        d.initOwner(pcsTable.getScene().getWindow());
        d.setOnShown(e -> Platform.runLater(reason::requestFocus));
        return d.showAndWait().filter(r -> r != null && !r.isBlank());
    }

    @FXML
    private void becomeServer() {
        if (mode != ServerAdminModel.Mode.EMBEDDED || !confirmBecomeServer()) {
            return;
        }
        clearMessages();
        becomeServerButton.setDisable(true);
        serverProgress.setText("Starting the clinic server…");
        show(serverBusy, true);
        turnIntoServer.run();
    }

    private boolean confirmBecomeServer() {
        Dialog<Boolean> d = new Dialog<>();
        d.setTitle("Turn this PC into the clinic server");
        d.setHeaderText("Turn this PC into the clinic server?");
        Label what = new Label("• The other PCs of the clinic can then join it and work on these same records at the"
                + " same time.\n"
                + "• The clinic server runs in the background, also when Needlepoint is closed. Keep this PC switched on"
                + " while the others work.\n"
                + "• Needlepoint closes the records for a moment, starts the clinic server, and then asks you to sign"
                + " in again.\n"
                + "• When this PC restarts, the clinic server must be started again, or set up to start with the PC"
                + " (Needlepoint's README says how).");
        what.setWrapText(true);
        what.setMaxWidth(560);
        d.getDialogPane().setContent(what);
        d.getDialogPane().getStylesheets().addAll(pcsTable.getScene().getStylesheets());
        ButtonType go = new ButtonType("Turn into the clinic server", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(go).setId("confirmBecomeServerButton");
        d.setResultConverter(b -> b == go);
        d.initOwner(pcsTable.getScene().getWindow());
        return d.showAndWait().orElse(false);
    }

    private void clearMessages() {
        Forms.showError(serverError, null);
        Forms.showStatus(serverStatus, null);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
