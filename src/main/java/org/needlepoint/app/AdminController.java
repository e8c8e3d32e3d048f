package org.needlepoint.app;

import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Screens;
import org.needlepoint.ui.View;

/**
 * The Admin section: one tab for each tab a feature registered ({@link Screens#adminTab}): staff
 * accounts, the audit log, follow-up rules, products, backups, clinic settings. A tab's records are
 * read again whenever it is shown, so they include lockouts and what the admin has just done.
 */
public final class AdminController {
    private final Screens screens;

    @FXML private TabPane adminTabs;

    public AdminController(Screens screens) {
        this.screens = screens;
    }

    @FXML
    private void initialize() {
        for (Screens.AdminTabEntry entry : screens.adminTabs()) {
            View<? extends AdminTab> view = screens.load(entry.controller());
            Tab tab = new Tab(entry.title(), view.root());
            tab.setId(entry.id());
            tab.setGraphic(new FontIcon(entry.icon()));
            tab.setUserData(view.controller());
            adminTabs.getTabs().add(tab);
        }
        adminTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null) {
                ((AdminTab) tab.getUserData()).refresh();
            }
        });
    }
}
