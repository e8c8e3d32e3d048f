package org.needlepoint.backup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.ui.AdminTab;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * Admin → Backups: the backups in the backup folder with "Back up now" and "Restore…", and the
 * settings (folder, when, how many are kept). A restore asks for the admin's password after saying
 * what will happen; when it is done everyone is signed out ({@code onRestored}), because the
 * records, and the staff accounts, are now those of the backup.
 */
public final class BackupsController implements AdminTab {
    private final BackupService backups;
    private final Background background;
    private final Clock clock;
    private final Consumer<String> onRestored;

    @FXML private Button backUpNowButton;
    @FXML private Label backupLastLabel;
    @FXML private Label backupsError;
    @FXML private Label backupsStatus;
    @FXML private HBox backupsBusy;
    @FXML private Label backupsProgress;
    @FXML private TableView<BackupFile> backupsTable;
    @FXML private TableColumn<BackupFile, String> backupMadeColumn;
    @FXML private TableColumn<BackupFile, String> backupSizeColumn;
    @FXML private TableColumn<BackupFile, String> backupFileColumn;
    @FXML private Label backupsPlaceholder;
    @FXML private Button restoreButton;
    @FXML private Button restoreFileButton;
    @FXML private TextField backupFolder;
    @FXML private Button chooseBackupFolderButton;
    @FXML private Label backupFolderHint;
    @FXML private CheckBox backupOnStart;
    @FXML private CheckBox backupOnExit;
    @FXML private TextField keepDaily;
    @FXML private TextField keepWeekly;
    @FXML private Label backupSettingsError;
    @FXML private Label backupSettingsStatus;
    @FXML private Button saveBackupSettingsButton;

    private BackupSettings saved;
    private boolean busy;

    public BackupsController(BackupService backups, Background background, Clock clock, Consumer<String> onRestored) {
        this.backups = backups;
        this.background = background;
        this.clock = clock;
        this.onRestored = onRestored;
    }

    @FXML
    private void initialize() {
        backupMadeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(BackupTimes.when(c.getValue().createdAt(), clock)));
        backupSizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(BackupService.size(c.getValue().size())));
        backupFileColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        backupsTable.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> enable());
        loadSettings(null);
        refresh();
    }

    /** Reads the status and the folder's backups again (the tab was shown, or something was done). */
    @Override
    public void refresh() {
        background.run(() -> {
            BackupStatus status = backups.status();
            List<BackupFile> files;
            String listError = null;
            try {
                files = backups.list();
            } catch (RuntimeException e) {
                files = List.of();
                listError = Forms.message(e);
            }
            return new Page(status, files, listError);
        }, this::show, error -> Forms.showError(backupsError, Forms.message(error)));
    }

    private record Page(BackupStatus status, List<BackupFile> files, String listError) {
    }

    private void show(Page p) {
        BackupStatus s = p.status();
        StringBuilder b = new StringBuilder();
        if (s.lastSuccess() == null) {
            b.append("No backup has been made yet.");
        } else {
            BackupRun ok = s.lastSuccess();
            b.append("Last backup ").append(BackupTimes.when(ok.finishedAt(), clock)).append(" (")
                    .append(ok.trigger().label()).append(").");
        }
        if (s.lastFailed()) {
            b.append(" The last attempt failed ").append(BackupTimes.when(s.lastFailure().finishedAt(), clock)).append(": ")
                    .append(s.lastFailure().message());
        }
        backupLastLabel.setText(b.toString());
        backupLastLabel.getStyleClass().remove("form-error");
        if (s.warning()) {
            backupLastLabel.getStyleClass().add("form-error");
        }
        BackupFile selected = backupsTable.getSelectionModel().getSelectedItem();
        backupsTable.getItems().setAll(p.files());
        if (selected != null) {
            p.files().stream().filter(f -> f.path().equals(selected.path())).findFirst()
                    .ifPresent(f -> backupsTable.getSelectionModel().select(f));
        }
        backupsPlaceholder.setText(p.listError() != null ? p.listError()
                : "No backups in " + s.folder() + " yet. Press Back up now to make one.");
        enable();
    }

    private void enable() {
        backUpNowButton.setDisable(busy);
        restoreButton.setDisable(busy || backupsTable.getSelectionModel().getSelectedItem() == null);
        restoreFileButton.setDisable(busy);
    }

    private void busy(String what) {
        busy = what != null;
        backupsBusy.setVisible(busy);
        backupsBusy.setManaged(busy);
        backupsProgress.setText(what == null ? "" : what);
        enable();
    }

    /** A progress callback from a background thread, shown on the FX thread. */
    private BackupProgress progress() {
        return step -> {
            if (!step.isEmpty() && Character.isUpperCase(step.charAt(0))) {
                Platform.runLater(() -> backupsProgress.setText(step));
            }
        };
    }

    @FXML
    private void backUpNow() {
        Forms.showError(backupsError, null);
        Forms.showStatus(backupsStatus, null);
        busy("Backing up the clinic's records…");
        background.run(() -> backups.backUpNow(progress()), f -> {
            busy(null);
            Forms.showStatus(backupsStatus, "Backup written: " + f.path() + " (" + BackupService.size(f.size()) + ").");
            refresh();
        }, error -> {
            busy(null);
            Forms.showError(backupsError, Forms.message(error));
            refresh();
        });
    }

    // ---------------------------------------------------------------- restore

    @FXML
    private void restoreSelected() {
        BackupFile f = backupsTable.getSelectionModel().getSelectedItem();
        if (f != null) {
            confirmRestore(f.path(), "the backup made " + BackupTimes.when(f.createdAt(), clock),
                    "Anything saved after " + BackupTimes.when(f.createdAt(), clock) + " will no longer be in Needlepoint.");
        }
    }

    @FXML
    private void restoreFromFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Restore from a backup file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Needlepoint backups (*.zip)", "*.zip"));
        Path folder = saved == null ? null : backups.folderOf(saved);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showOpenDialog(backupsTable.getScene().getWindow());
        if (file != null) {
            confirmRestore(file.toPath(), "the backup in " + file,
                    "Anything saved after that backup was made will no longer be in Needlepoint.");
        }
    }

    private void confirmRestore(Path file, String which, String lost) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle("Restore a backup");
        d.setHeaderText("Replace the clinic's records with " + which + "?");
        Label what = new Label("• The clinic's records are replaced by those in the backup. " + lost + "\n"
                + "• The backup is checked first; if it is damaged, nothing is replaced.\n"
                + "• The current records are not deleted: they are kept in the data folder (replaced-…).\n"
                + "• Everyone is signed out. Staff accounts and passwords are those of the backup.");
        what.setWrapText(true);
        what.setMaxWidth(560);
        what.getStyleClass().add("restore-warning");
        PasswordField pw = new PasswordField();
        pw.setId("restorePassword");
        pw.setPromptText("Your password");
        d.getDialogPane().setContent(new VBox(10, what, new Label("Type your password to restore:"), pw));
        d.getDialogPane().getStylesheets().addAll(backupsTable.getScene().getStylesheets());
        d.getDialogPane().getStylesheets().add(getClass().getResource("backups.css").toExternalForm());
        ButtonType restore = new ButtonType("Restore this backup", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(restore, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(restore).setId("confirmRestoreButton");
        d.setResultConverter(b -> b == restore ? pw.getText().toCharArray() : null);
        d.initOwner(backupsTable.getScene().getWindow());
        d.setOnShown(e -> Platform.runLater(pw::requestFocus));
        Optional<char[]> password = d.showAndWait();
        if (password.isPresent() && password.get() != null) {
            runRestore(file, password.get());
        }
    }

    private void runRestore(Path file, char[] password) {
        Forms.showError(backupsError, null);
        Forms.showStatus(backupsStatus, null);
        busy("Restoring " + file.getFileName() + "…");
        background.run(() -> backups.restore(file, password, progress()), r -> {
            busy(null);
            onRestored.accept(restoredMessage(r));
        }, error -> {
            busy(null);
            Forms.showError(backupsError, Forms.message(error));
            refresh();
        });
    }

    private String restoredMessage(RestoreResult r) {
        long patients = r.integrity().counts().getOrDefault("patients", 0L);
        return "The clinic's records were restored from the backup made "
                + BackupTimes.when(r.manifest().createdAt(), clock) + " (" + patients + (patients == 1 ? " patient" : " patients")
                + ")." + (r.replacedKeptIn() == null ? "" : " The records it replaced are kept in the data folder, in "
                + r.replacedKeptIn().getFileName() + ".") + " Sign in again.";
    }

    // ---------------------------------------------------------------- settings

    private void loadSettings(String error) {
        background.run(backups::settings, s -> {
            showSettings(s);
            Forms.showError(backupSettingsError, error);
        }, failure -> Forms.showError(backupSettingsError, Forms.message(failure)));
    }

    private void showSettings(BackupSettings s) {
        saved = s;
        backupFolder.setText(s.folder() == null ? "" : s.folder());
        backupFolder.setPromptText(backups.folderOf(new BackupSettings(null, true, true, 7, 4, 0)).toString());
        backupOnStart.setSelected(s.onStart());
        backupOnExit.setSelected(s.onExit());
        keepDaily.setText(Integer.toString(s.keepDaily()));
        keepWeekly.setText(Integer.toString(s.keepWeekly()));
        Forms.markAll(fields(), Map.of());
        saveBackupSettingsButton.setDisable(false);
        Path folder = backups.folderOf(s);
        background.run(() -> backups.onSameDiskAsData(folder), same -> {
            String hint = same ? "These backups are on the same disk as the clinic's records: they help after a mistake or"
                    + " a damaged file, not when the disk or the PC dies. Choose another disk or a network share if you can."
                    : null;
            Forms.showError(backupFolderHint, hint);
        }, e -> Forms.showError(backupFolderHint, null));
    }

    private Map<String, Control> fields() {
        return Map.of("backupFolder", backupFolder, "keepDaily", keepDaily, "keepWeekly", keepWeekly);
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Backup folder");
        Path current = saved == null ? null : backups.folderOf(saved);
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File dir = chooser.showDialog(backupFolder.getScene().getWindow());
        if (dir != null) {
            backupFolder.setText(dir.getAbsolutePath());
        }
    }

    @FXML
    private void saveSettings() {
        Forms.showError(backupSettingsError, null);
        Forms.showStatus(backupSettingsStatus, null);
        Forms.markAll(fields(), Map.of());
        Integer daily = number(keepDaily, "keepDaily", "Type how many daily backups to keep, 1 to 60.");
        Integer weekly = daily == null ? null : number(keepWeekly, "keepWeekly", "Type how many weekly backups to keep, 0 to 52.");
        if (daily == null || weekly == null) {
            return;
        }
        BackupSettings s = new BackupSettings(backupFolder.getText(), backupOnStart.isSelected(), backupOnExit.isSelected(),
                daily, weekly, saved.version());
        saveBackupSettingsButton.setDisable(true);
        background.run(() -> backups.update(s), now -> {
            showSettings(now);
            Forms.showStatus(backupSettingsStatus, "Saved. Backups go to " + backups.folderOf(now) + ".");
            refresh();
        }, error -> {
            saveBackupSettingsButton.setDisable(false);
            if (error instanceof ValidationException v) {
                Forms.markAll(fields(), v.fieldErrors());
                Forms.showError(backupSettingsError, v.getMessage());
            } else if (error instanceof StaleRecordException) {
                loadSettings(Forms.message(error) + " The form now shows the saved settings.");
            } else {
                Forms.showError(backupSettingsError, Forms.message(error));
            }
        });
    }

    private Integer number(TextField field, String name, String message) {
        try {
            return Integer.parseInt(field.getText().strip());
        } catch (NumberFormatException e) {
            Forms.markAll(fields(), Map.of(name, message));
            Forms.showError(backupSettingsError, message);
            return null;
        }
    }
}
