package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Changes;
import org.needlepoint.common.Decimals;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;

/**
 * The stock of lots: alert strips (expiring soon, under reorder level, needing a count), a table of
 * lots with their state and packs on hand, and a detail pane with the lot's actions (waste, count,
 * open a vial, quarantine, release), its ledger and its receipts. Quantities are never edited: each
 * action writes a ledger entry through {@link InventoryService}. The stock follows the other PCs'
 * changes while on screen, the filters and the selected lot kept; not while a lot's action is being
 * filled in (a reload would close it): it catches up once the action is saved or cancelled.
 */
public final class StockController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yy, HH:mm", Locale.ENGLISH);
    private static final Product ALL_PRODUCTS = new Product(0, "All products", null, ProductKind.TOXIN, Unit.U,
            BigDecimal.ONE, PackUnit.U, null, null, null, null, null, null, null, false, false, "#000000", 0, List.of(),
            true, 0);

    private final InventoryService inventory;
    private final Background background;
    private final User user;
    private final Clock clock;
    private final Changes changes;

    @FXML private Label expiringAlert;
    @FXML private Label reorderAlert;
    @FXML private Label countAlert;
    @FXML private ComboBox<Product> productFilter;
    @FXML private TextField lotSearch;
    @FXML private CheckBox showAllLots;
    @FXML private Label stockError;
    @FXML private TableView<LotRow> lotsTable;
    @FXML private TableColumn<LotRow, String> productColumn;
    @FXML private TableColumn<LotRow, String> lotColumn;
    @FXML private TableColumn<LotRow, String> expiryColumn;
    @FXML private TableColumn<LotRow, LotRow> stateColumn;
    @FXML private TableColumn<LotRow, Integer> onHandColumn;
    @FXML private TableColumn<LotRow, Integer> vialsColumn;
    @FXML private Label noLotSelected;
    @FXML private VBox lotDetail;
    @FXML private Label lotTitle;
    @FXML private Label lotFacts;
    @FXML private Label lotStatusNote;
    @FXML private Button wasteButton;
    @FXML private Button countButton;
    @FXML private Button openVialButton;
    @FXML private Button quarantineButton;
    @FXML private Button releaseButton;
    @FXML private Label rolesNote;
    @FXML private VBox actionForm;
    @FXML private Label actionTitle;
    @FXML private HBox quantityRow;
    @FXML private Label actionQuantityLabel;
    @FXML private TextField actionQuantity;
    @FXML private HBox diluentRow;
    @FXML private TextField diluentField;
    @FXML private HBox volumeRow;
    @FXML private TextField volumeField;
    @FXML private Label concentrationText;
    @FXML private HBox reasonRow;
    @FXML private Label reasonLabel;
    @FXML private TextField actionReason;
    @FXML private Label actionError;
    @FXML private Button actionSave;
    @FXML private Label lotMessage;
    @FXML private TableView<LedgerEntry> ledgerTable;
    @FXML private TableColumn<LedgerEntry, String> ledgerWhen;
    @FXML private TableColumn<LedgerEntry, String> ledgerKind;
    @FXML private TableColumn<LedgerEntry, Integer> ledgerBalance;
    @FXML private TableColumn<LedgerEntry, String> ledgerBy;
    @FXML private TableColumn<LedgerEntry, String> ledgerReason;
    @FXML private TableView<Receipt> receiptsTable;
    @FXML private TableColumn<Receipt, String> receiptDay;
    @FXML private TableColumn<Receipt, Integer> receiptQuantity;
    @FXML private TableColumn<Receipt, String> receiptSupplier;
    @FXML private TableColumn<Receipt, String> receiptInvoice;
    @FXML private TableColumn<Receipt, String> receiptSerial;
    @FXML private TableColumn<Receipt, String> receiptBy;

    private Stock stock;
    private Action action;
    private Map<String, Control> actionFields;

    public StockController(InventoryService inventory, Background background, User user, Clock clock, Changes changes) {
        this.inventory = inventory;
        this.background = background;
        this.user = user;
        this.clock = clock;
        this.changes = changes;
    }

    /** A lot as the table shows it: with its product and the state in words. */
    record LotRow(Lot lot, Product product, String state, String styleClass) {
    }

    /** What one read of the stock found. */
    private record Stock(List<Product> products, List<LotRow> rows, int days, List<LotRow> expiring,
                         List<ReorderLine> reorder, List<LotRow> needingCount) {
    }

    /** The lot action being filled in on the detail pane. */
    private enum Action {
        WASTE, COUNT, OPEN_VIAL, QUARANTINE, RELEASE
    }

    @FXML
    private void initialize() {
        actionFields = Map.of("packs", actionQuantity, "counted", actionQuantity, "reason", actionReason,
                "diluent", diluentField, "volumeMl", volumeField);
        productColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().product().name()));
        lotColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lot().lotNumber()));
        expiryColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ReceiveController.DAY.format(
                c.getValue().lot().expiry())));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LotRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                if (empty || row == null) {
                    setText(null);
                } else {
                    setText(row.state());
                    getStyleClass().add(row.styleClass());
                }
            }
        });
        onHandColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lot().onHand()));
        vialsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lot().openVials()));
        ledgerWhen.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(WHEN.format(ZonedDateTime.ofInstant(
                c.getValue().at(), clock.getZone()))));
        ledgerKind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind() + " "
                + (c.getValue().quantity() > 0 ? "+" : "") + c.getValue().quantity()));
        ledgerBalance.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().balance()));
        ledgerBy.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().byName()));
        ledgerReason.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ledgerReason(c.getValue())));
        receiptDay.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(ReceiveController.DAY.format(
                c.getValue().receivedOn())));
        receiptQuantity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().quantity()));
        receiptSupplier.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().supplier()));
        receiptInvoice.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().invoice()));
        receiptSerial.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().serial()));
        receiptBy.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().receivedByName()));

        productFilter.getItems().setAll(ALL_PRODUCTS);
        productFilter.setValue(ALL_PRODUCTS);
        productFilter.valueProperty().addListener((o, a, b) -> applyFilters());
        lotSearch.textProperty().addListener((o, a, b) -> applyFilters());
        showAllLots.selectedProperty().addListener((o, a, b) -> applyFilters());
        lotsTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showLot(row));
        volumeField.textProperty().addListener((o, a, b) -> showConcentration());
        boolean clinical = user.role() != Role.FRONT_DESK;
        shown(rolesNote, !clinical);
        LiveRefresh.followLoads(lotsTable, changes, Set.of(ChangeFeed.STOCK, ChangeFeed.PRODUCT, ChangeFeed.CLINIC),
                this::reload).pausedWhile(actionForm.visibleProperty());
    }

    private static String ledgerReason(LedgerEntry e) {
        return switch (e.kind()) {
            case USED -> e.reason() != null ? e.reason() : e.visitId() == null ? "Signed chart" : "Signed chart (visit "
                    + e.visitId() + ")";
            case ADJUSTED -> "Counted " + e.counted() + (e.reason() == null ? "" : ": " + e.reason());
            case RECEIVED -> e.reason() != null ? e.reason() : "Delivery";
            case WASTED -> e.reason();
        };
    }

    // ------------------------------------------------------------------------------------ reading

    /** Reads the stock again (each time the tab is shown), keeping the filters and the selected lot. */
    public void refresh() {
        refresh(null, null);
    }

    private void refresh(String message, String error) {
        Long selected = selectedLotId();
        background.run(this::read, s -> {
            show(s, selected);
            Forms.showStatus(lotMessage, message);
            Forms.showError(stockError, error);
        }, e -> Forms.showError(stockError, Forms.message(e)));
    }

    /**
     * Reads the stock again after a change elsewhere: the filters and the selected lot are kept, and the
     * messages on screen too (a failure leaves the stock as shown; the next change tries again).
     */
    private void reload(Runnable done) {
        Long selected = selectedLotId();
        background.run(this::read, s -> {
            show(s, selected);
            done.run();
        }, e -> done.run());
    }

    private Stock read() {
        LocalDate today = inventory.today();
        List<Product> products = inventory.products();
        Map<Long, Product> byId = products.stream().collect(Collectors.toMap(Product::id, Function.identity()));
        int days = inventory.expiringWithinDays();
        Function<Lot, LotRow> row = l -> row(l, byId.get(l.productId()), today, days);
        return new Stock(products, inventory.lots(null).stream().map(row).toList(), days,
                inventory.expiringLots().stream().map(row).toList(), inventory.belowReorder(),
                inventory.needingCount().stream().map(row).toList());
    }

    static LotRow row(Lot l, Product p, LocalDate today, int days) {
        LotState state = l.state(today);
        if (l.needsCount()) {
            return new LotRow(l, p, "Count needed", "state-count");
        }
        if (state == LotState.ACTIVE && !l.expiry().isAfter(today.plusDays(days))) {
            return new LotRow(l, p, "Expiring soon", "state-soon");
        }
        return new LotRow(l, p, state.toString(), "state-" + state.name().toLowerCase(Locale.ROOT));
    }

    private void show(Stock s, Long selectLotId) {
        stock = s;
        Product filter = productFilter.getValue();
        productFilter.getItems().setAll(ALL_PRODUCTS);
        productFilter.getItems().addAll(s.products());
        productFilter.setValue(filter == null || filter == ALL_PRODUCTS ? ALL_PRODUCTS : s.products().stream()
                .filter(p -> p.id() == filter.id()).findFirst().orElse(ALL_PRODUCTS));
        alert(expiringAlert, s.expiring().isEmpty() ? null : "Expiring within " + s.days() + " days: " + s.expiring()
                .stream().map(r -> r.product().name() + " lot " + r.lot().lotNumber() + " ("
                        + ReceiveController.DAY.format(r.lot().expiry()) + ", " + r.product().packs(r.lot().onHand()) + ")")
                .collect(Collectors.joining("; ")) + ". Use these first.");
        alert(reorderAlert, s.reorder().isEmpty() ? null : "Under the reorder level: " + s.reorder().stream()
                .map(r -> r.product().name() + " (" + r.onHand() + " on hand, reorder at " + r.reorderLevel() + ")")
                .collect(Collectors.joining("; ")) + ".");
        alert(countAlert, s.needingCount().isEmpty() ? null : "Count needed (the books show fewer than zero): "
                + s.needingCount().stream().map(r -> r.product().name() + " lot " + r.lot().lotNumber())
                .collect(Collectors.joining("; ")) + ". Choose the lot and record a stock count.");
        applyFilters();
        if (selectLotId != null) {
            lotsTable.getItems().stream().filter(r -> r.lot().id() == selectLotId).findFirst()
                    .ifPresent(r -> lotsTable.getSelectionModel().select(r));
        }
    }

    private static void alert(Label label, String text) {
        Forms.showError(label, text);
    }

    private void applyFilters() {
        if (stock == null) {
            return;
        }
        Long selected = selectedLotId();
        Product p = productFilter.getValue();
        String typed = lotSearch.getText() == null ? "" : lotSearch.getText().strip().toUpperCase(Locale.ROOT);
        boolean all = showAllLots.isSelected();
        LocalDate today = inventory.today();
        List<LotRow> rows = stock.rows().stream()
                .filter(r -> p == null || p == ALL_PRODUCTS || r.product().id() == p.id())
                .filter(r -> typed.isEmpty() || r.lot().lotNumber().toUpperCase(Locale.ROOT).contains(typed))
                .filter(r -> all || !typed.isEmpty() || r.lot().needsCount() || switch (r.lot().state(today)) {
                    case DEPLETED, EXPIRED -> false;
                    default -> true;
                })
                .toList();
        lotsTable.getItems().setAll(rows);
        rows.stream().filter(r -> Objects.equals(r.lot().id(), selected)).findFirst()
                .ifPresentOrElse(r -> lotsTable.getSelectionModel().select(r), () -> showLot(null));
    }

    private Long selectedLotId() {
        LotRow r = lotsTable.getSelectionModel().getSelectedItem();
        return r == null ? null : r.lot().id();
    }

    private LotRow selected() {
        return lotsTable.getSelectionModel().getSelectedItem();
    }

    private void showLot(LotRow row) {
        lotDetail.setVisible(row != null);
        noLotSelected.setVisible(row == null);
        if (row == null) {
            closeAction();
            return;
        }
        Lot l = row.lot();
        Product p = row.product();
        lotTitle.setText(p.name() + " — lot " + l.lotNumber());
        lotFacts.setText(row.state() + ". Expires " + ReceiveController.DAY.format(l.expiry()) + ". "
                + p.packs(l.onHand()) + " on hand" + (l.openVials() > 0 ? ", " + l.openVials() + " open" : "")
                + ". Received " + p.packs(l.quantityReceived()) + " in all, first on "
                + ReceiveController.DAY.format(l.receivedOn()) + "." + (p.storage() == null ? "" : " Store " + p.storage()
                + "."));
        String note = l.statusReason() == null || l.statusReason().isEmpty() ? null : l.status() + (l.statusBy() == null
                ? "" : " by " + l.statusBy()) + (l.statusOn() == null ? "" : " on " + ReceiveController.DAY.format(
                l.statusOn())) + ": " + l.statusReason();
        Forms.showStatus(lotStatusNote, note);
        boolean clinical = user.role() != Role.FRONT_DESK;
        boolean recalled = l.status() == LotStatus.RECALLED;
        wasteButton.setDisable(l.onHand() <= 0);
        openVialButton.setDisable(!clinical || !p.reconstituted() || !l.usableOn(inventory.today()) || l.onHand() <= 0);
        openVialButton.setVisible(p.reconstituted());
        openVialButton.setManaged(p.reconstituted());
        quarantineButton.setDisable(!clinical || recalled || l.status() != LotStatus.ACTIVE);
        releaseButton.setDisable(!clinical || l.status() != LotStatus.QUARANTINED);
        if (action != null && row != null) {
            closeAction();
        }
        long id = l.id();
        background.run(() -> new History(inventory.ledger(id), inventory.receipts(id)), h -> {
            if (Objects.equals(selectedLotId(), id)) {
                List<LedgerEntry> newestFirst = new java.util.ArrayList<>(h.ledger());
                java.util.Collections.reverse(newestFirst);
                ledgerTable.getItems().setAll(newestFirst);
                receiptsTable.getItems().setAll(h.receipts());
            }
        }, e -> Forms.showError(stockError, Forms.message(e)));
    }

    private record History(List<LedgerEntry> ledger, List<Receipt> receipts) {
    }

    // ------------------------------------------------------------------------------------ actions

    @FXML
    private void startWaste() {
        LotRow r = selected();
        open(Action.WASTE, "Record waste: packs of lot " + r.lot().lotNumber() + " thrown away", "Packs wasted", "1",
                "Reason", "e.g. dropped, broken, out of the fridge");
    }

    @FXML
    private void startCount() {
        LotRow r = selected();
        open(Action.COUNT, "Stock count: how many packs of lot " + r.lot().lotNumber() + " are on the shelf? The books say "
                + r.lot().onHand() + ".", "Packs counted", "", "Reason", "Needed when the count differs from the books");
    }

    @FXML
    private void startQuarantine() {
        LotRow r = selected();
        open(Action.QUARANTINE, "Quarantine lot " + r.lot().lotNumber() + ": it cannot be charted until released.", null,
                null, "Reason", "e.g. fridge alarm overnight, supplier query");
    }

    @FXML
    private void startRelease() {
        LotRow r = selected();
        open(Action.RELEASE, "Release lot " + r.lot().lotNumber() + ": it may be charted again.", null, null, "Reason",
                "e.g. fridge log checked, within range");
    }

    @FXML
    private void startOpenVial() {
        LotRow r = selected();
        Product p = r.product();
        open(Action.OPEN_VIAL, "Open (reconstitute) a vial of " + p.name() + ", lot " + r.lot().lotNumber()
                + (p.usableHours() == null ? "" : ": usable for " + p.usableHours() + " hours"), null, null, null, null);
        diluentField.setText(p.defaultDiluent() == null ? "" : p.defaultDiluent());
        volumeField.setText(p.defaultDiluentMl() == null ? "" : Amounts.plain(p.defaultDiluentMl()));
        showConcentration();
        volumeField.requestFocus();
        volumeField.selectAll();
    }

    private void open(Action a, String title, String quantityLabel, String quantity, String reason, String reasonPrompt) {
        action = a;
        lotsTable.setDisable(true);
        Forms.showStatus(lotMessage, null);
        Forms.showError(actionError, null);
        Forms.markAll(actionFields, Map.of());
        actionTitle.setText(title);
        shown(actionForm, true);
        shown(quantityRow, quantityLabel != null);
        actionQuantityLabel.setText(quantityLabel == null ? "" : quantityLabel);
        actionQuantity.setText(quantity == null ? "" : quantity);
        shown(reasonRow, reason != null);
        actionReason.clear();
        actionReason.setPromptText(reasonPrompt);
        shown(diluentRow, a == Action.OPEN_VIAL);
        shown(volumeRow, a == Action.OPEN_VIAL);
        actionSave.setText(switch (a) {
            case WASTE -> "Record waste";
            case COUNT -> "Save count";
            case OPEN_VIAL -> "Open vial";
            case QUARANTINE -> "Quarantine";
            case RELEASE -> "Release";
        });
        (quantityLabel != null ? actionQuantity : actionReason).requestFocus();
    }

    private static void shown(javafx.scene.Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
    }

    private void showConcentration() {
        LotRow r = selected();
        if (r == null || action != Action.OPEN_VIAL) {
            return;
        }
        BigDecimal ml = decimal(volumeField.getText());
        Concentration c = ml == null ? null : Concentration.of(r.product(), ml);
        concentrationText.setText(c == null ? "" : "= " + c.text());
    }

    private static BigDecimal decimal(String text) {
        return Decimals.parse(text).orElse(null);
    }

    @FXML
    private void cancelAction() {
        closeAction();
    }

    private void closeAction() {
        action = null;
        lotsTable.setDisable(false);
        shown(actionForm, false);
        Forms.showError(actionError, null);
    }

    @FXML
    private void saveAction() {
        LotRow r = selected();
        if (r == null || action == null) {
            return;
        }
        Forms.showError(actionError, null);
        Forms.markAll(actionFields, Map.of());
        long id = r.lot().id();
        Product p = r.product();
        String reason = actionReason.getText();
        Action a = action;
        Integer n = null;
        if (a == Action.WASTE || a == Action.COUNT) {
            try {
                n = Integer.parseInt(actionQuantity.getText().strip());
            } catch (NumberFormatException e) {
                refused(new ValidationException(a == Action.WASTE ? "packs" : "counted", "Type the number of packs as a"
                        + " whole number."));
                return;
            }
        }
        BigDecimal ml = decimal(volumeField.getText());
        if (a == Action.OPEN_VIAL && ml == null) {
            refused(new ValidationException("volumeMl", "Type the diluent volume in mL, e.g. 2.5."));
            return;
        }
        int packs = n == null ? 0 : n;
        String diluent = diluentField.getText();
        actionSave.setDisable(true);
        background.run(() -> switch (a) {
            case WASTE -> {
                Lot l = inventory.recordWaste(id, packs, reason);
                yield "Recorded " + p.packs(packs) + " wasted. Lot " + l.lotNumber() + " now has " + p.packs(l.onHand())
                        + " on hand.";
            }
            case COUNT -> {
                int before = r.lot().onHand();
                Lot l = inventory.countStock(id, packs, reason);
                yield packs == before ? "Count saved: " + p.packs(packs) + ", as the books said." : "Count saved: lot "
                        + l.lotNumber() + " now has " + p.packs(l.onHand()) + " on hand.";
            }
            case OPEN_VIAL -> {
                Vial v = inventory.openVial(id, diluent, ml);
                yield "Vial opened: " + v.describe() + (v.usableUntil() == null ? "." : ", usable until "
                        + WHEN.format(ZonedDateTime.ofInstant(v.usableUntil(), clock.getZone())) + ".");
            }
            case QUARANTINE -> "Lot " + inventory.quarantine(id, reason).lotNumber() + " is quarantined: it cannot be"
                    + " charted until released.";
            case RELEASE -> "Lot " + inventory.release(id, reason).lotNumber() + " is released and may be charted again.";
        }, message -> {
            actionSave.setDisable(false);
            closeAction();
            refresh(message, null);
        }, error -> {
            actionSave.setDisable(false);
            if (error instanceof ValidationException v) {
                refused(v);
            } else if (error instanceof StaleRecordException) {
                closeAction();
                refresh(null, Forms.message(error) + " The stock now shows what is saved.");
            } else {
                Forms.showError(actionError, Forms.message(error));
            }
        });
    }

    private void refused(ValidationException v) {
        Forms.markAll(actionFields, v.fieldErrors());
        Forms.showError(actionError, v.getMessage() + " Nothing was saved.");
    }
}
