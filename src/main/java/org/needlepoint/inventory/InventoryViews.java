package org.needlepoint.inventory;

import java.time.Clock;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Session;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.Shell;

/** Inventory's screens (stock, receiving, recall), its Today card and its Admin tab (products). */
public final class InventoryViews {
    private InventoryViews() {
    }

    public static void register(Screens screens, Background background, Shell shell, InventoryService inventory,
                                ReportService reports, Session session, Clock clock) {
        screens.register(InventoryController.class, InventoryController::new)
                .register(StockController.class, () -> new StockController(inventory, background, session.require(), clock,
                        screens.changes()))
                .register(ReceiveController.class, () -> new ReceiveController(inventory, background, session.require()))
                .register(StockCardController.class, () -> new StockCardController(inventory, background,
                        shell::showInventoryStock, screens.changes()))
                .register(RecallController.class, () -> new RecallController(inventory, reports, session, background,
                        shell, clock, screens.changes()))
                .register(ProductsAdminController.class, () -> new ProductsAdminController(inventory, background))
                .todayCard(10, StockCardController.class)
                .adminTab(40, "productsTab", "Products", "mdal-category", ProductsAdminController.class);
    }
}
