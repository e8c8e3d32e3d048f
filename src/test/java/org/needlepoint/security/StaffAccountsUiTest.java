package org.needlepoint.security;

import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.AdminUiBase;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;
import static org.assertj.core.api.Assertions.assertThat;


class StaffAccountsUiTest extends AdminUiBase {

    private void fillNewAccount(FxRobot robot, String username, String fullName, Role role, String password, String confirm) {
        robot.clickOn("#addUserButton");
        robot.clickOn("#userUsername").write(username);
        robot.clickOn("#userFullName").write(fullName);
        choose(robot, "userRole", role);
        robot.clickOn("#newPassword").write(password);
        robot.clickOn("#confirmPassword").write(confirm);
        robot.clickOn("#saveUserButton");
        settle();
    }

    @Test
    void aNewFrontDeskAccountCanSignInAndHasNoAdmin(FxRobot robot) {
        openAdmin(robot, "usersTab");
        assertThat(text(robot, "userPanelTitle")).isEqualTo("New account");

        fillNewAccount(robot, "newdesk", "Nora Newdesk", Role.FRONT_DESK, "desk-pass-42", "desk-pass-42");

        List<User> shown = rows(robot, "usersTable");
        assertThat(shown).extracting(User::username).contains("newdesk");
        assertThat(text(robot, "userStatus")).contains("Created the Front desk account newdesk");
        assertThat(text(robot, "userPanelTitle")).isEqualTo("Editing Nora Newdesk (newdesk)");
        screenshot("admin-users");

        robot.clickOn("#signOutButton");
        settle();
        signIn(robot, "newdesk", "desk-pass-42");
        assertThat(text(robot, "statusUser")).contains("Nora Newdesk");
        assertThat(robot.lookup("#searchField").tryQuery()).isPresent();
        Node navAdmin = node(robot, "navAdmin");
        assertThat(navAdmin.isVisible()).isFalse();
    }

    @Test
    void aTakenUsernameOrShortPasswordIsRefusedOnTheForm(FxRobot robot) {
        openAdmin(robot, "usersTab");
        long before = userCount();

        fillNewAccount(robot, "Desk", "Second Desk", Role.FRONT_DESK, "long-enough-1", "long-enough-1");
        assertThat(text(robot, "userError")).isEqualTo("The username Desk is already taken.");
        assertThat(node(robot, "userUsername").getStyleClass()).contains("field-error");
        assertThat(userCount()).isEqualTo(before);

        fillNewAccount(robot, "desk2", "Second Desk", Role.FRONT_DESK, "short", "short");
        assertThat(text(robot, "userError")).isEqualTo("The password needs at least 8 characters.");
        assertThat(node(robot, "newPassword").getStyleClass()).contains("field-error");
        assertThat(node(robot, "userUsername").getStyleClass()).doesNotContain("field-error");
        assertThat(userCount()).isEqualTo(before);
        List<User> shown = rows(robot, "usersTable");
        assertThat(shown).extracting(User::username).doesNotContain("desk2");
        screenshot("admin-users-refused");
    }

    @Test
    void aDeactivatedAccountCannotSignIn(FxRobot robot) {
        openAdmin(robot, "usersTab");
        clickCell(robot, "usersTable", "desk");
        assertThat(text(robot, "userPanelTitle")).isEqualTo("Editing Dana Desk (desk)");

        robot.clickOn("#userActive");
        robot.clickOn("#saveUserButton");
        settle();
        assertThat(text(robot, "userStatus")).isEqualTo("Saved the changes to desk.");
        assertThat(account("desk").active()).isFalse();

        robot.clickOn("#signOutButton");
        settle();
        signIn(robot, "desk", TestClinic.PASSWORD);
        assertThat(text(robot, "signInError")).isEqualTo("This account has been deactivated. Ask an administrator.");
        assertThat(clinic.services.session().user()).isEmpty();
    }

    @Test
    void anEditSavedElsewhereMeanwhileIsAConflictNotALostUpdate(FxRobot robot) {
        openAdmin(robot, "usersTab");
        clickCell(robot, "usersTable", "desk");
        User desk = account("desk");
        clinic.services.users().update(desk, new UserDraft("desk", "Dana Desk-Smith", Role.FRONT_DESK, null, null), true);

        retype(robot, "userFullName", "Dana Deskworth");
        robot.clickOn("#saveUserButton");
        settle();

        assertThat(text(robot, "userError")).contains("This account was changed by Alex Admin")
                .contains("The form now shows the saved account.");
        assertThat(text(robot, "userFullName")).isEqualTo("Dana Desk-Smith");
        assertThat(account("desk").fullName()).isEqualTo("Dana Desk-Smith");
    }

    @Test
    void aPasswordResetUnlocksTheAccountAndTheNewPasswordWorks(FxRobot robot) {
        for (int i = 0; i < AuthService.MAX_FAILURES; i++) {
            try {
                clinic.services.auth().signIn("desk", "wrong-password".toCharArray());
            } catch (SignInException expected) {
                // five wrong passwords lock the account
            }
        }
        User desk = account("desk");
        openAdmin(robot, "usersTab");
        clickCell(robot, "usersTable", "desk");
        assertThat(text(robot, "userPanelHint")).contains("locked until 09:05");

        robot.clickOn("#newPassword").write("fresh-start-9");
        robot.clickOn("#confirmPassword").write("fresh-start-9");
        robot.clickOn("#saveUserButton");
        settle();
        assertThat(text(robot, "userError")).startsWith("Save changes leaves the password as it is.");
        assertThat(account("desk").version()).isEqualTo(desk.version());

        robot.clickOn("#resetPasswordButton");
        settle();
        assertThat(text(robot, "userStatus")).startsWith("New password set for desk");
        assertThat(text(robot, "userPanelHint")).doesNotContain("locked");

        retype(robot, "userTitle", "Receptionist");
        robot.clickOn("#saveUserButton");
        settle();
        assertThat(text(robot, "userError")).isEmpty();
        assertThat(account("desk").title()).isEqualTo("Receptionist");

        robot.clickOn("#signOutButton");
        settle();
        signIn(robot, "desk", "fresh-start-9");
        assertThat(text(robot, "statusUser")).contains("Dana Desk");
    }
}
