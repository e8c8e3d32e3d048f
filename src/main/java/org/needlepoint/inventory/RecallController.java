package org.needlepoint.inventory;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.Shell;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;

/**
 * The recall view: pick, type or scan a lot, and at once everyone who received it, with the
 * contact details the front desk needs to call them; export CSV or PDF; mark the lot recalled. The
 * list shown follows the other PCs' changes (a chart signed with the lot, a patient's new phone, the
 * lot recalled elsewhere); the lot field and its suggestions are left alone.
 */
public final class RecallController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);

    /** Where to save a file: a save dialog in the app; a fixed path in tests. Null = cancelled. */
    public interface SaveAs {
        Path choose(javafx.stage.Window owner, String title, String fileName, String description, String pattern);
    }

    private final InventoryService inventory;
    private final ReportService reports;
    private final Session session;
    private final Background background;
    private final Shell shell;
    private final Clock clock;
    private final Changes changes;
    private SaveAs saveAs = RecallController::chooseFile;

    @FXML private VBox recallRoot;
    @FXML private TextField recallLotField;
    @FXML private Button recallFindButton;
    @FXML private Label recallError;
    @FXML private ListView<Lot> recallSuggestions;
    @FXML private VBox recallHeader;
    @FXML private Label recallTitle;
    @FXML private Label recallState;
    @FXML private Label recallExpiry;
    @FXML private Label recallReceived;
    @FXML private Label recallOnHand;
    @FXML private Label recallStatusNote;
    @FXML private Label recallTotals;
    @FXML private Label recallNoticesLabel;
    @FXML private Button exportCsvButton;
    @FXML private Button printPdfButton;
    @FXML private Button markRecalledButton;
    @FXML private VBox recallRows;

    private Map<Long, Product> products = Map.of();
    private RecallList shown;
    private long searchSeq;
    /** Counts the lots asked for: a reload of the lot shown before is dropped when another was asked for meanwhile. */
    private long listSeq;

    public RecallController(InventoryService inventory, ReportService reports, Session session, Background background,
                            Shell shell, Clock clock, Changes changes) {
        this.inventory = inventory;
        this.reports = reports;
        this.session = session;
        this.background = background;
        this.shell = shell;
        this.clock = clock;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        recallRoot.getProperties().put(RecallController.class, this);
        recallSuggestions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Lot lot, boolean empty) {
                super.updateItem(lot, empty);
                setText(empty || lot == null ? null : describe(lot));
                setId(empty || lot == null ? null : "lotSuggestion-" + lot.lotNumber());
            }
        });
        recallSuggestions.setOnMouseClicked(e -> {
            Lot l = recallSuggestions.getSelectionModel().getSelectedItem();
            if (l != null) {
                showLot(l.id());
            }
        });
        recallSuggestions.setOnKeyPressed(e -> {
            Lot l = recallSuggestions.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && l != null) {
                showLot(l.id());
            }
        });
        recallLotField.textProperty().addListener((o, old, t) -> suggest(t));
        recallLotField.setOnAction(e -> find());
        boolean mayRecall = session.user().map(u -> u.role() == Role.ADMIN || u.role() == Role.INJECTOR).orElse(false);
        markRecalledButton.setVisible(mayRecall);
        markRecalledButton.setManaged(mayRecall);
        showSuggestions(List.of());
        showList(null);
        background.run(inventory::products, ps -> products = ps.stream()
                .collect(Collectors.toMap(Product::id, p -> p)), this::fail);
        LiveRefresh.followLoads(recallRoot, changes, Set.of(ChangeFeed.RECALL, ChangeFeed.STOCK, ChangeFeed.CHART,
                ChangeFeed.PATIENT, ChangeFeed.FOLLOWUP), this::reload);
    }

    /** For tests: where files are saved. */
    public void setSaveAs(SaveAs saveAs) {
        this.saveAs = saveAs;
    }

    public void focus() {
        recallLotField.requestFocus();
    }

    // ------------------------------------------------------------------------------ finding a lot

    private void suggest(String typed) {
        long seq = ++searchSeq;
        Forms.showError(recallError, null);
        if (typed == null || typed.isBlank()) {
            showSuggestions(List.of());
            return;
        }
        background.run(() -> inventory.findLots(typed), lots -> {
            if (seq == searchSeq) {
                showSuggestions(lots);
            }
        }, this::fail);
    }

    private void showSuggestions(List<Lot> lots) {
        recallSuggestions.getItems().setAll(lots);
        boolean show = !lots.isEmpty();
        recallSuggestions.setVisible(show);
        recallSuggestions.setManaged(show);
        recallSuggestions.setPrefHeight(Math.min(lots.size(), 5) * 40 + 4);
    }

    /** Enter in the field: the lot of a scanned pack's code or of a typed lot number, or the lots to choose from. */
    @FXML
    private void find() {
        String text = recallLotField.getText();
        long seq = ++searchSeq;
        background.run(() -> inventory.lotForRecall(text), found -> {
            if (seq != searchSeq) {
                return;
            }
            if (found.found()) {
                recallLotField.setText(found.lot().lotNumber());
                searchSeq++; // the suggestions the new text asks for are not wanted
                showSuggestions(List.of());
                showLot(found.lot().id());
            } else {
                showSuggestions(found.choices());
                Forms.showError(recallError, found.message());
            }
        }, error -> {
            showSuggestions(List.of());
            fail(error);
        });
    }

    private String describe(Lot lot) {
        Product p = products.get(lot.productId());
        return "Lot " + lot.lotNumber() + "  ·  " + (p == null ? "product " + lot.productId() : p.name())
                + "  ·  expires " + DAY.format(lot.expiry()) + "  ·  " + lot.state(today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ the list

    /** Shows the recall list of a lot (null: none yet). */
    public void showLot(Long lotId) {
        if (lotId == null) {
            listSeq++;
            showList(null);
            return;
        }
        Forms.showError(recallError, null);
        long mine = ++listSeq;
        background.run(() -> new Loaded(inventory.recallList(lotId), inventory.recallNotices(lotId, false)),
                l -> {
                    if (mine == listSeq) {
                        showSuggestions(List.of());
                        showList(l);
                    }
                }, this::fail);
    }

    /**
     * Reads the list shown again after a change elsewhere; dropped when another lot was asked for meanwhile. A
     * failure leaves the list as shown (the next change tries again).
     */
    private void reload(Runnable done) {
        if (shown == null) {
            done.run();
            return;
        }
        long lotId = shown.lot().id();
        long mine = listSeq;
        background.run(() -> new Loaded(inventory.recallList(lotId), inventory.recallNotices(lotId, false)), l -> {
            if (mine == listSeq && shown != null && shown.lot().id() == lotId) {
                showList(l);
            }
            done.run();
        }, e -> done.run());
    }

    private record Loaded(RecallList list, List<RecallNotice> notices) {
    }

    private void showList(Loaded loaded) {
        shown = loaded == null ? null : loaded.list();
        boolean has = shown != null;
        recallHeader.setVisible(has);
        recallHeader.setManaged(has);
        recallRows.getChildren().clear();
        if (!has) {
            Label hint = new Label("Type the lot number from the manufacturer's notice, or scan a pack of the lot. "
                    + "Everyone who received it appears here with their phone numbers.");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            hint.setId("recallHint");
            recallRows.getChildren().add(hint);
            return;
        }
        Lot lot = shown.lot();
        Product p = shown.product();
        LotState state = lot.state(today());
        recallTitle.setText(p.name() + "  ·  lot " + lot.lotNumber());
        recallState.setText(state.toString().toUpperCase(Locale.ENGLISH));
        recallState.getStyleClass().removeAll("chip-alert", "chip-calm", "chip-ok");
        recallState.getStyleClass().add(state == LotState.ACTIVE ? "chip-ok" : state == LotState.DEPLETED
                ? "chip-calm" : "chip-alert");
        recallExpiry.setText("Expires " + DAY.format(lot.expiry()));
        recallReceived.setText("Received " + (lot.receivedOn() == null ? "—" : DAY.format(lot.receivedOn()))
                + " (" + lot.quantityReceived() + " packs)");
        recallOnHand.setText("On hand: " + lot.onHand() + (lot.onHand() == 1 ? " pack" : " packs")
                + (lot.openVials() > 0 ? ", " + lot.openVials() + " open vial(s)" : ""));
        String note = lot.refusal(p.name(), today());
        recallStatusNote.setText(note == null ? "" : note);
        recallStatusNote.setVisible(note != null);
        recallStatusNote.setManaged(note != null);
        int n = shown.patients().size();
        recallTotals.setText(n + (n == 1 ? " patient" : " patients") + "  ·  " + shown.visits()
                + (shown.visits() == 1 ? " visit" : " visits") + "  ·  " + shown.points()
                + (shown.points() == 1 ? " point" : " points") + "  ·  " + p.unit().format(shown.amount()) + " in total");
        long tasks = loaded.notices().stream().filter(RecallNotice::taskCreated).count();
        int notices = loaded.notices().size();
        String noticeText = notices == 0 ? "" : tasks == notices
                ? tasks + (tasks == 1 ? " call task" : " call tasks") + " in Follow-ups (one per patient)"
                : tasks + " of " + notices + " patients have a call task in Follow-ups; "
                + (notices - tasks) + " still waiting for one";
        recallNoticesLabel.setText(noticeText);
        recallNoticesLabel.setVisible(notices > 0);
        recallNoticesLabel.setManaged(notices > 0);
        markRecalledButton.setDisable(lot.status() == LotStatus.RECALLED);
        exportCsvButton.setDisable(false);
        printPdfButton.setDisable(false);
        if (n == 0) {
            Label none = new Label("Nobody was charted with this lot.");
            none.setId("recallNobody");
            none.getStyleClass().add("recall-none");
            recallRows.getChildren().add(none);
        }
        for (RecallList.Patient rp : shown.patients()) {
            recallRows.getChildren().add(row(rp, p));
        }
    }

    private HBox row(RecallList.Patient rp, Product p) {
        Label name = new Label(rp.name());
        name.getStyleClass().add("recall-name");
        name.setId("recallName-" + rp.patientId());
        Label ids = new Label("Chart " + rp.chartNumber() + "   ·   born "
                + (rp.birthDate() == null ? "—" : DAY.format(rp.birthDate())));
        ids.getStyleClass().add("text-muted");
        Label phones = new Label(rp.phones().isEmpty() ? "No phone on record" : "☎  " + rp.phones());
        phones.getStyleClass().add("recall-phone");
        phones.setId("recallPhones-" + rp.patientId());
        Label email = new Label(rp.email() == null ? "No email on record" : "✉  " + rp.email());
        email.getStyleClass().add("recall-email");
        VBox contact = new VBox(4, name, ids, phones, email);
        contact.setPrefWidth(380);
        contact.setMinWidth(300);

        VBox visits = new VBox(6);
        for (RecallList.Visit v : rp.visits()) {
            String places = v.points().stream().map(RecallList.Point::place).distinct().limit(4)
                    .collect(Collectors.joining(", "));
            long distinct = v.points().stream().map(RecallList.Point::place).distinct().count();
            Label l = new Label(DAY.format(v.date()) + "  ·  " + v.points().size()
                    + (v.points().size() == 1 ? " point" : " points") + ", " + p.unit().format(v.amount())
                    + "  ·  " + (v.injectorName() == null ? "" : v.injectorName())
                    + "\n" + places + (distinct > 4 ? ", …" : ""));
            l.setWrapText(true);
            l.getStyleClass().add("recall-visit");
            HBox line = new HBox(8);
            line.setAlignment(Pos.TOP_LEFT);
            if (v.draft()) {
                Label draft = new Label("DRAFT, not signed");
                draft.getStyleClass().addAll("chip", "chip-warn");
                draft.setId("recallDraft-" + v.visitId());
                line.getChildren().add(draft);
            }
            line.getChildren().add(0, l);
            visits.getChildren().add(line);
        }
        Label total = new Label(rp.points() + (rp.points() == 1 ? " point" : " points") + ", "
                + p.unit().format(rp.amount()));
        total.getStyleClass().add("recall-amount");
        visits.getChildren().add(total);
        HBox.setHgrow(visits, Priority.ALWAYS);

        Button open = new Button("Open patient");
        open.getStyleClass().add("big");
        open.setId("openPatient-" + rp.patientId());
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> shell.openPatient(rp.patientId()));

        HBox row = new HBox(18, contact, visits, open);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("card", "recall-row");
        row.setId("recallRow-" + rp.patientId());
        return row;
    }

    /** For tests: the patients shown, by id. */
    public List<Long> shownPatientIds() {
        return shown == null ? List.of() : shown.patients().stream().map(RecallList.Patient::patientId).toList();
    }

    // ------------------------------------------------------------------------------ actions

    @FXML
    private void exportCsv() {
        if (shown == null) {
            return;
        }
        long lotId = shown.lot().id();
        Path file = saveAs.choose(window(), "Export recall list (CSV)", fileName("csv"), "CSV", "*.csv");
        if (file == null) {
            return;
        }
        background.run(() -> inventory.exportRecallCsv(lotId, file), saved -> shell.status("Saved " + saved),
                this::fail);
    }

    @FXML
    private void printPdf() {
        if (shown == null) {
            return;
        }
        long lotId = shown.lot().id();
        Path file = saveAs.choose(window(), "Save recall list (PDF)", fileName("pdf"), "PDF", "*.pdf");
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        background.run(() -> reports.write(reports.recallList(lotId), folder, name),
                saved -> shell.status("Saved " + saved), this::fail);
    }

    private String fileName(String ext) {
        return "recall-" + shown.lot().lotNumber().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + today() + "." + ext;
    }

    @FXML
    private void markRecalled() {
        if (shown == null) {
            return;
        }
        Lot lot = shown.lot();
        int n = shown.patients().size();
        Dialog<String> d = new Dialog<>();
        d.setTitle("Mark lot recalled");
        d.setHeaderText("Mark lot " + lot.lotNumber() + " of " + shown.product().name() + " recalled?\n"
                + (n == 0 ? "Nobody was charted with it, so no calls are needed."
                : n + (n == 1 ? " patient" : " patients") + " will get a call task in Follow-ups.")
                + "\nThe lot can then never be charted again. This cannot be undone.");
        TextArea reason = new TextArea();
        reason.setId("recallReasonField");
        reason.setPromptText("Reason, e.g. the manufacturer's recall notice number");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, new Label("Reason (required)"), reason));
        ButtonType ok = new ButtonType("Mark recalled", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("confirmRecallButton");
        okButton.disableProperty().bind(reason.textProperty().isEmpty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty())));
        d.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        if (recallRoot.getScene() != null) {
            d.initOwner(recallRoot.getScene().getWindow());
        }
        Optional<String> why = d.showAndWait();
        if (why.isEmpty() || why.get() == null) {
            return;
        }
        markRecalledButton.setDisable(true);
        long lotId = lot.id();
        background.run(() -> inventory.markRecalled(lotId, why.get()), r -> {
            shell.status("Lot " + lot.lotNumber() + " marked recalled: " + r.patientIds().size() + " patient(s) to call");
            showLot(lotId);
        }, e -> {
            markRecalledButton.setDisable(false);
            fail(e);
        });
    }

    private javafx.stage.Window window() {
        return recallRoot.getScene() == null ? null : recallRoot.getScene().getWindow();
    }

    private void fail(Throwable error) {
        Forms.showError(recallError, Forms.message(error));
    }

    private static Path chooseFile(javafx.stage.Window owner, String title, String fileName, String description,
                                   String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }
}
