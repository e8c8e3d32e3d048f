package org.needlepoint.testing;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.needlepoint.security.User;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Sql;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** What the Admin screen's UI tests share: getting there as the admin, and driving its controls. */
public abstract class AdminUiBase extends UiTest {

    /** Signs in as the admin and opens a tab of the Admin section. */
    protected void openAdmin(FxRobot robot, String tabId) {
        signIn(robot, "admin", TestClinic.PASSWORD);
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#" + tabId);
        settle();
    }

    /** Clicks the table cell showing exactly {@code text}. */
    protected void clickCell(FxRobot robot, String tableId, String text) {
        Node cell = robot.lookup("#" + tableId + " .table-cell").match(LabeledMatchers.hasText(text)).query();
        robot.clickOn(cell);
        settle();
    }

    /** Replaces what a text field holds, as a person would: select all, then type. */
    protected void retype(FxRobot robot, String fxId, String text) {
        robot.clickOn("#" + fxId).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    protected <T> void choose(FxRobot robot, String comboId, T value) {
        ComboBox<T> combo = node(robot, comboId);
        robot.interact(() -> combo.getSelectionModel().select(value));
    }

    protected <T> List<T> rows(FxRobot robot, String tableId) {
        TableView<T> table = node(robot, tableId);
        return List.copyOf(table.getItems());
    }

    protected long userCount() {
        return clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM app_user"));
    }

    protected User account(String username) {
        return clinic.db.read(c -> new UserStore().findByUsername(c, username)).orElseThrow();
    }
}
