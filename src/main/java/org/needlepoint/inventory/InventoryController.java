package org.needlepoint.inventory;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Inventory section: the stock of lots and receiving deliveries, one tab each. Other inventory
 * views (the recall screen) are added as further tabs with {@link #addTab}. The stock is read again
 * whenever its tab is shown; the receive tab puts the cursor in the scan field.
 */
public final class InventoryController {
    @FXML private TabPane inventoryTabs;
    @FXML private Tab stockTab;
    @FXML private Tab receiveTab;
    @FXML private StockController stockController;
    @FXML private ReceiveController receiveController;

    @FXML
    private void initialize() {
        inventoryTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> shown(tab));
        refresh();
    }

    private void shown(Tab tab) {
        if (tab == stockTab) {
            stockController.refresh();
        } else if (tab == receiveTab) {
            receiveController.shown();
        }
    }

    /** Called each time the section is shown: refreshes the tab in view. */
    public void refresh() {
        shown(inventoryTabs.getSelectionModel().getSelectedItem());
    }

    /** Adds a view as a further tab (e.g. the recall screen) and returns the tab, for {@link #select(Tab)}. */
    public Tab addTab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        inventoryTabs.getTabs().add(tab);
        return tab;
    }

    public void select(Tab tab) {
        if (inventoryTabs.getSelectionModel().getSelectedItem() == tab) {
            shown(tab);
        } else {
            inventoryTabs.getSelectionModel().select(tab);
        }
    }

    public void showStock() {
        select(stockTab);
    }

    public void showReceive() {
        select(receiveTab);
    }
}
