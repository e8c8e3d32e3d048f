package org.needlepoint.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.needlepoint.common.Changes;
import org.needlepoint.store.ChangeFeed;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Forms;
import org.needlepoint.ui.LiveRefresh;
import org.needlepoint.ui.TodayCard;

/**
 * The backup card on the home screen. Quiet (the time of the last backup) while backups work; red,
 * with the reason and a "Back up now" button, when the last backup failed or none succeeded for two
 * days, until one succeeds. Shown to everyone: whoever sees it can press the button or tell the
 * admin. It follows the backup log while on screen (a backup made by another PC or the clinic server).
 */
public final class BackupStatusController implements TodayCard {
    private static final String ALERT = "backup-alert";

    private final BackupService backups;
    private final Background background;
    private final Clock clock;
    private final Changes changes;
    private boolean running;

    @FXML private VBox backupCard;
    @FXML private FontIcon backupIcon;
    @FXML private Label backupTitle;
    @FXML private Label backupMessage;
    @FXML private Label backupDetail;
    @FXML private HBox backupActions;
    @FXML private Button backupNowButton;

    public BackupStatusController(BackupService backups, Background background, Clock clock, Changes changes) {
        this.backups = backups;
        this.background = background;
        this.clock = clock;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        LiveRefresh.follow(backupCard, changes, Set.of(ChangeFeed.BACKUP), this::refresh);
    }

    @Override
    public void refresh() {
        if (running) {
            return;
        }
        background.run(backups::status, this::show, error -> {
            alert(true);
            backupTitle.setText("Backup status unknown");
            backupMessage.setText(Forms.message(error));
            detail(null);
            actions(true);
        });
    }

    private void show(BackupStatus s) {
        BackupRun ok = s.lastSuccess();
        alert(s.warning());
        if (s.lastFailed()) {
            backupTitle.setText("The last backup failed");
            backupMessage.setText(s.lastFailure().message());
            detail("Tried " + BackupTimes.when(s.lastFailure().finishedAt(), clock) + " (" + s.lastFailure().trigger().label()
                    + "). " + (ok == null ? "No backup has succeeded yet." : "Last good backup: "
                    + BackupTimes.when(ok.finishedAt(), clock) + "."));
        } else if (ok == null) {
            backupTitle.setText("No backup yet");
            backupMessage.setText("The clinic's records have not been backed up yet.");
            detail("Backups go to " + s.folder() + ".");
        } else if (s.warning()) {
            long days = Duration.between(ok.finishedAt(), clock.instant()).toDays();
            backupTitle.setText("No backup for " + days + " days");
            backupMessage.setText("The last backup was made " + BackupTimes.when(ok.finishedAt(), clock) + ".");
            detail("Needlepoint backs up when it first starts each day and when it closes (Admin → Backups).");
        } else {
            backupTitle.setText("Backups");
            backupMessage.setText("Last backup " + BackupTimes.when(ok.finishedAt(), clock)
                    + (ok.size() == null ? "" : " (" + BackupService.size(ok.size()) + ")") + ".");
            detail(LocalDate.ofInstant(ok.finishedAt(), clock.getZone()).equals(LocalDate.now(clock))
                    ? null : "The next is made when Needlepoint closes or starts tomorrow.");
        }
        actions(s.warning());
    }

    @FXML
    private void backUpNow() {
        running = true;
        backupNowButton.setDisable(true);
        backupTitle.setText("Backing up…");
        backupMessage.setText("Copying the clinic's records. You can keep working.");
        detail(null);
        background.run(() -> backups.backUpNow(BackupProgress.NONE), file -> {
            running = false;
            backupNowButton.setDisable(false);
            refresh();
        }, error -> {
            running = false;
            backupNowButton.setDisable(false);
            String message = Forms.message(error);
            background.run(backups::status, s -> {
                show(s);
                if (!s.lastFailed()) { // the failure could not even be logged
                    alert(true);
                    backupTitle.setText("The backup failed");
                    backupMessage.setText(message);
                    actions(true);
                }
            }, e -> backupMessage.setText(message));
        });
    }

    private void alert(boolean on) {
        backupCard.getStyleClass().remove(ALERT);
        if (on) {
            backupCard.getStyleClass().add(ALERT);
        }
        backupIcon.setIconLiteral(on ? "mdmz-warning" : "mdal-check_circle");
    }

    private void detail(String text) {
        boolean show = text != null;
        backupDetail.setText(show ? text : "");
        backupDetail.setVisible(show);
        backupDetail.setManaged(show);
    }

    private void actions(boolean show) {
        backupActions.setVisible(show);
        backupActions.setManaged(show);
    }
}
