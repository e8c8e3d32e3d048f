package org.needlepoint.backup;

import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.User;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;

/**
 * The screen shown instead of the sign-in form when the clinic's records were refused at open
 * ({@link DamagedRecords}): what happened in plain words, the newest backup that checks out with
 * its seal and a restore of it (an administrator of the backup), and taking the records as they
 * are (an administrator of these records, with a typed confirmation). When either is done,
 * {@code reopen} opens the records again and the sign-in form says what was done.
 */
public final class DamagedRecordsController {
    private final DamagedRecords records;
    private final Background background;
    private final Consumer<String> reopen;
    private DamagedRecords.Candidate candidate;

    @FXML private VBox damagedRecords;
    @FXML private Label damagedMessage;
    @FXML private Label damagedFolder;
    @FXML private TitledPane damagedDetailsPane;
    @FXML private Label damagedDetails;
    @FXML private Label newestBackup;
    @FXML private Button chooseBackupButton;
    @FXML private TextField restoreUser;
    @FXML private PasswordField restorePassword;
    @FXML private Button restoreButton;
    @FXML private Label restoreError;
    @FXML private Label restoreProgress;
    @FXML private VBox acceptCard;
    @FXML private TextField acceptUser;
    @FXML private PasswordField acceptPassword;
    @FXML private TextField acceptConfirmation;
    @FXML private Button acceptButton;
    @FXML private Label acceptError;

    public DamagedRecordsController(DamagedRecords records, Background background, Consumer<String> reopen) {
        this.records = records;
        this.background = background;
        this.reopen = reopen;
    }

    @FXML
    private void initialize() {
        damagedMessage.setText(records.message());
        damagedFolder.setText("The records are in " + records.folder() + ". They were left exactly as they were found;"
                + " a restore keeps them aside in that folder (replaced-…), so nothing is lost.");
        damagedDetails.setText(String.join("\n", records.details()));
        acceptConfirmation.setPromptText("Type: " + DamagedRecords.ACCEPT_PHRASE);
        acceptCard.setVisible(records.canAccept());
        acceptCard.setManaged(records.canAccept());
        restoreButton.setDisable(true);
        newestBackup.setText("Looking for the newest backup…");
        background.run(records::newestVerifiedBackup, found -> {
            if (found.isPresent()) {
                offer(found.get());
            } else {
                newestBackup.setText("No backup that checks out was found in " + records.backupFolder() + ". Choose one"
                        + " from a USB disk or another folder, or call for help.");
            }
        }, error -> newestBackup.setText(Forms.message(error)));
    }

    private void offer(DamagedRecords.Candidate c) {
        candidate = c;
        newestBackup.setText(records.describe(c));
        restoreButton.setDisable(false);
    }

    @FXML
    private void chooseBackup() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Restore from a backup file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Needlepoint backups (*.zip)", "*.zip"));
        if (Files.isDirectory(records.backupFolder())) {
            chooser.setInitialDirectory(records.backupFolder().toFile());
        }
        File file = chooser.showOpenDialog(damagedRecords.getScene().getWindow());
        if (file != null) {
            records.candidate(file.toPath()).ifPresentOrElse(this::offer, () -> Forms.showError(restoreError,
                    "The file " + file + " is not a backup that checks out (damaged, incomplete or not a Needlepoint backup)."));
        }
    }

    @FXML
    private void restore() {
        if (candidate == null) {
            return;
        }
        Forms.showError(restoreError, null);
        busy(true);
        Forms.showStatus(restoreProgress, "Restoring " + candidate.file().getFileName() + "…");
        String user = restoreUser.getText();
        char[] password = restorePassword.getText().toCharArray();
        BackupProgress progress = step -> Platform.runLater(() -> Forms.showStatus(restoreProgress, step));
        background.run(() -> records.restore(candidate.file(), user, password, progress), r -> {
            long patients = r.integrity().counts().getOrDefault("patients", 0L);
            reopen.accept("The clinic's records were restored from the backup made "
                    + BackupTimes.when(r.manifest().createdAt(), java.time.Clock.systemDefaultZone()) + " (" + patients
                    + (patients == 1 ? " patient" : " patients") + ")." + (r.replacedKeptIn() == null ? ""
                    : " The records it replaced are kept in the data folder, in " + r.replacedKeptIn().getFileName() + ".")
                    + " Sign in.");
        }, error -> {
            busy(false);
            Forms.showStatus(restoreProgress, null);
            restorePassword.clear();
            Forms.showError(restoreError, Forms.message(error));
        });
    }

    @FXML
    private void accept() {
        Forms.showError(acceptError, null);
        Forms.mark(acceptConfirmation, null);
        busy(true);
        String user = acceptUser.getText();
        char[] password = acceptPassword.getText().toCharArray();
        String typed = acceptConfirmation.getText();
        background.run(() -> records.accept(user, password, typed), (User admin) -> reopen.accept("The records on this PC"
                + " were accepted as they are by " + admin.fullName() + ". Sign in."), error -> {
            busy(false);
            acceptPassword.clear();
            if (error instanceof ValidationException v) {
                Forms.markAll(Map.of("acceptConfirmation", acceptConfirmation), v.fieldErrors());
            }
            Forms.showError(acceptError, Forms.message(error));
        });
    }

    @FXML
    private void quit() {
        damagedRecords.getScene().getWindow().hide();
    }

    private void busy(boolean on) {
        restoreButton.setDisable(on || candidate == null);
        chooseBackupButton.setDisable(on);
        acceptButton.setDisable(on);
    }
}
