package org.needlepoint.security;

import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.needlepoint.backup.BackupsController;

/**
 * The Admin section: staff accounts, the audit log, the follow-up rules, products, backups and clinic settings,
 * one tab each. The account list, the audit log, the rules, the products and the backups are read again whenever
 * their tab is shown, so they include lockouts and what the admin has just done.
 */
public final class AdminController {
    @FXML private TabPane adminTabs;
    @FXML private Tab usersTab;
    @FXML private Tab auditTab;
    @FXML private Tab followUpRulesTab;
    @FXML private UserAdminController userAdminController;
    @FXML private AuditLogController auditLogController;
    @FXML private org.needlepoint.followup.FollowUpRulesController followUpRulesController;
    @FXML private Tab productsTab;
    @FXML private org.needlepoint.inventory.ProductsAdminController productsAdminController;
    @FXML private Tab backupsTab;
    @FXML private BackupsController backupsController;

    @FXML
    private void initialize() {
        adminTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == usersTab) {
                userAdminController.refresh();
            } else if (tab == auditTab) {
                auditLogController.refresh();
            } else if (tab == followUpRulesTab) {
                followUpRulesController.refresh();
            } else if (tab == productsTab) {
                productsAdminController.refresh();
            } else if (tab == backupsTab) {
                backupsController.refresh();
            }
        });
    }
}
