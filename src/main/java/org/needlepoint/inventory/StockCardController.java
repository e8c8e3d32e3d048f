package org.needlepoint.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.TodayCard;

/**
 * The home screen's stock card: lots expiring within the clinic's setting, products under their
 * reorder level, lots needing a count. With nothing to report it says so in quiet text, so staff
 * can trust that it looked. Clicking it opens Inventory, Stock. It follows the other PCs' changes to
 * the stock while on screen.
 */
public final class StockCardController implements TodayCard {
    static final int MAX_LINES = 6;

    private final InventoryService inventory;
    private final Background background;
    private final Runnable openStock;
    private final Changes changes;

    @FXML private VBox stockCard;
    @FXML private Label stockCardQuiet;
    @FXML private VBox stockCardLines;

    public StockCardController(InventoryService inventory, Background background, Runnable openStock, Changes changes) {
        this.inventory = inventory;
        this.background = background;
        this.openStock = openStock;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        stockCard.setOnMouseClicked(e -> {
            if (!e.isConsumed()) {
                openStock.run();
            }
        });
        LiveRefresh.followLoads(stockCard, changes, Set.of(ChangeFeed.STOCK, ChangeFeed.PRODUCT, ChangeFeed.CLINIC),
                this::refresh);
    }

    @FXML
    private void open(javafx.event.ActionEvent e) {
        e.consume();
        openStock.run();
    }

    private record Figures(int days, List<String> expiring, List<String> reorder, List<String> count) {
    }

    @Override
    public void refresh() {
        refresh(() -> { });
    }

    private void refresh(Runnable done) {
        background.run(this::read, f -> {
            show(f);
            done.run();
        }, e -> {
            stockCardLines.getChildren().clear();
            Forms.showStatus(stockCardQuiet, "The stock could not be read: " + Forms.message(e));
            done.run();
        });
    }

    private Figures read() {
        Map<Long, Product> products = inventory.products().stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        LocalDate today = inventory.today();
        int days = inventory.expiringWithinDays();
        List<String> expiring = inventory.expiringLots().stream().map(l -> {
            Product p = products.get(l.productId());
            long in = java.time.temporal.ChronoUnit.DAYS.between(today, l.expiry());
            return p.name() + " lot " + l.lotNumber() + " expires " + (in == 0 ? "today" : in == 1 ? "tomorrow"
                    : "in " + in + " days") + " (" + ReceiveController.DAY.format(l.expiry()) + "), "
                    + p.packs(l.onHand()) + " on hand";
        }).toList();
        List<String> reorder = inventory.belowReorder().stream().map(r -> r.product().name() + ": "
                + r.onHand() + " on hand, reorder at " + r.reorderLevel()).toList();
        List<String> count = inventory.needingCount().stream().map(l -> products.get(l.productId()).name() + " lot "
                + l.lotNumber() + " needs a stock count").toList();
        return new Figures(days, expiring, reorder, count);
    }

    private void show(Figures f) {
        stockCardLines.getChildren().clear();
        List<Label> lines = new ArrayList<>();
        f.expiring().forEach(t -> lines.add(line(t, "stock-card-warn")));
        f.reorder().forEach(t -> lines.add(line("Reorder " + t, "stock-card-danger")));
        f.count().forEach(t -> lines.add(line(t, "stock-card-danger")));
        int total = lines.size();
        stockCardLines.getChildren().setAll(lines.subList(0, Math.min(MAX_LINES, total)));
        if (total > MAX_LINES) {
            stockCardLines.getChildren().add(line("and " + (total - MAX_LINES) + " more: open the stock", "text-muted"));
        }
        if (total == 0) {
            Forms.showStatus(stockCardQuiet, "Stock: nothing expiring within " + f.days() + " days, nothing to reorder.");
        } else {
            Forms.showStatus(stockCardQuiet, null);
        }
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }
}
