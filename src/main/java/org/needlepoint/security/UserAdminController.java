package org.needlepoint.security;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/** Staff accounts: the list, and a panel beside it to create an account or edit the selected one. */
public final class UserAdminController implements AdminTab {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final UserService users;
    private final Background background;
    private final Clock clock;

    @FXML private Button addUserButton;
    @FXML private TableView<User> usersTable;
    @FXML private TableColumn<User, String> usernameColumn;
    @FXML private TableColumn<User, String> fullNameColumn;
    @FXML private TableColumn<User, String> roleColumn;
    @FXML private TableColumn<User, String> licenceColumn;
    @FXML private TableColumn<User, String> statusColumn;
    @FXML private Label usersPlaceholder;
    @FXML private Label userPanelTitle;
    @FXML private Label userPanelHint;
    @FXML private TextField userUsername;
    @FXML private TextField userFullName;
    @FXML private ComboBox<Role> userRole;
    @FXML private TextField userTitle;
    @FXML private Label licenceLabel;
    @FXML private TextField userLicence;
    @FXML private Label injectorHint;
    @FXML private CheckBox userActive;
    @FXML private Label passwordTitle;
    @FXML private Label newPasswordLabel;
    @FXML private PasswordField newPassword;
    @FXML private PasswordField confirmPassword;
    @FXML private Button resetPasswordButton;
    @FXML private Label userError;
    @FXML private Label userStatus;
    @FXML private Button saveUserButton;

    private Map<String, Control> fields;
    /** The account in the panel, as last read; null while creating a new one. */
    private User current;

    public UserAdminController(UserService users, Background background, Clock clock) {
        this.users = users;
        this.background = background;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        usernameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().username()));
        fullNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullName()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().role().label()));
        licenceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Stream.of(c.getValue().title(),
                c.getValue().licenceNumber()).filter(Objects::nonNull).collect(Collectors.joining(" · "))));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(status(c.getValue())));
        userRole.setItems(FXCollections.observableArrayList(Role.values()));
        userRole.valueProperty().addListener((obs, old, role) -> showInjectorHint(role));
        showInjectorHint(null);
        usersTable.getSelectionModel().selectedItemProperty().addListener((obs, old, u) -> {
            if (u != null && (current == null || u.id() != current.id())) {
                edit(u);
            }
        });
        fields = Map.of("username", userUsername, "fullName", userFullName, "role", userRole,
                "licenceNumber", userLicence, "password", newPassword, "confirm", confirmPassword);
        startNew();
        refresh();
    }

    /** Reads the account list again; the panel keeps what is typed in it. */
    @Override
    public void refresh() {
        reload(() -> { });
    }

    /** Clears the panel for a new account. */
    @FXML
    private void startNew() {
        current = null;
        usersTable.getSelectionModel().clearSelection();
        userUsername.clear();
        userFullName.clear();
        userRole.setValue(null);
        userTitle.clear();
        userLicence.clear();
        userActive.setSelected(true);
        resetPanel();
        Platform.runLater(userUsername::requestFocus);
    }

    private void edit(User u) {
        current = u;
        userUsername.setText(u.username());
        userFullName.setText(u.fullName());
        userRole.setValue(u.role());
        userTitle.setText(u.title());
        userLicence.setText(u.licenceNumber());
        userActive.setSelected(u.active());
        resetPanel();
    }

    private void resetPanel() {
        newPassword.clear();
        confirmPassword.clear();
        clearMessages();
        showMode();
    }

    /** Makes plain whether the panel creates an account or edits whose. */
    private void showMode() {
        boolean creating = current == null;
        userPanelTitle.setText(creating ? "New account" : "Editing " + current.fullName() + " (" + current.username() + ")");
        userPanelHint.setText(creating ? "Fill in the details and a first password, then press Create account."
                : "Account status: " + status(current) + "."
                + (current.isLockedAt(clock.instant()) ? " Resetting the password unlocks it now." : ""));
        setShown(userActive, !creating);
        passwordTitle.setText(creating ? "Password" : "Reset password");
        newPasswordLabel.setText(creating ? "Password *" : "New password");
        setShown(resetPasswordButton, !creating);
        saveUserButton.setText(creating ? "Create account" : "Save changes");
    }

    private void showInjectorHint(Role role) {
        boolean injector = role == Role.INJECTOR;
        licenceLabel.setText(injector ? "Licence number *" : "Licence number");
        injectorHint.setText(injector ? "Injectors need a licence number. The title is shown before their name."
                : "Title and licence are for injectors; other roles can leave them blank.");
    }

    @FXML
    private void save() {
        UserDraft draft = new UserDraft(userUsername.getText(), userFullName.getText(), userRole.getValue(),
                userTitle.getText(), userLicence.getText());
        User original = current;
        boolean active = userActive.isSelected();
        char[] password = newPassword.getText().toCharArray();
        char[] confirm = confirmPassword.getText().toCharArray();
        clearMessages();
        if (original != null && (password.length > 0 || confirm.length > 0)) {
            String message = "Save changes leaves the password as it is. Press Reset password to set the new one,"
                    + " or clear the password fields.";
            Forms.markAll(fields, Map.of("password", message));
            Forms.showError(userError, message);
            return;
        }
        setBusy(true);
        background.run(() -> original == null ? users.create(draft, password, confirm) : users.update(original, draft, active),
                saved -> {
                    setBusy(false);
                    edit(saved);
                    Forms.showStatus(userStatus, original == null
                            ? "Created the " + saved.role().label() + " account " + saved.username() + ". They can sign in now."
                            : "Saved the changes to " + saved.username() + ".");
                    refresh();
                }, this::showFailure);
    }

    @FXML
    private void resetPassword() {
        User target = current;
        char[] password = newPassword.getText().toCharArray();
        char[] confirm = confirmPassword.getText().toCharArray();
        clearMessages();
        setBusy(true);
        background.run(() -> {
            users.resetPassword(target, password, confirm);
            return null;
        }, ok -> {
            setBusy(false);
            newPassword.clear();
            confirmPassword.clear();
            Forms.showStatus(userStatus, "New password set for " + target.username()
                    + ", and any lockout cleared. Give it to them in person.");
            reload(() -> {
                // The reset moved the version on by one; take it, so that saving the panel next is not refused
                // as a conflict with this admin's own reset. Any other change in between still conflicts.
                User fresh = usersTable.getSelectionModel().getSelectedItem();
                if (fresh != null && current == target && fresh.version() == target.version() + 1) {
                    current = fresh;
                    showMode();
                }
            });
        }, this::showFailure);
    }

    private void showFailure(Throwable error) {
        setBusy(false);
        if (error instanceof ValidationException v) {
            Forms.markAll(fields, v.fieldErrors());
            Forms.showError(userError, v.getMessage());
        } else if (error instanceof StaleRecordException) {
            reload(() -> {
                User fresh = usersTable.getSelectionModel().getSelectedItem();
                if (fresh != null) {
                    edit(fresh);
                }
                Forms.showError(userError, Forms.message(error) + (fresh != null ? " The form now shows the saved account." : ""));
            });
        } else {
            Forms.showError(userError, Forms.message(error));
        }
    }

    /** Reads the accounts again, keeps the panel's account selected without refilling the panel, then runs {@code then}. */
    private void reload(Runnable then) {
        background.run(users::list, list -> {
            usersTable.getItems().setAll(list);
            usersTable.getSelectionModel().clearSelection();
            if (current != null) {
                list.stream().filter(u -> u.id() == current.id()).findFirst()
                        .ifPresent(u -> usersTable.getSelectionModel().select(u));
            }
            usersPlaceholder.setText("No accounts yet.");
            then.run();
        }, error -> usersPlaceholder.setText(Forms.message(error)));
    }

    private void clearMessages() {
        Forms.markAll(fields, Map.of());
        Forms.showError(userError, null);
        Forms.showStatus(userStatus, null);
    }

    private void setBusy(boolean busy) {
        saveUserButton.setDisable(busy);
        resetPasswordButton.setDisable(busy);
    }

    private String status(User u) {
        String s = u.active() ? "Active" : "Deactivated";
        return u.isLockedAt(clock.instant())
                ? s + ", locked until " + TIME.format(u.lockedUntil().atZone(clock.getZone())) : s;
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
