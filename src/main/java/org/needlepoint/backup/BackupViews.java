package org.needlepoint.backup;

import java.time.Clock;
import java.util.function.Consumer;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/** Backups' Today card (the last backup and whether it is overdue) and Admin tab (back up now, restore, settings). */
public final class BackupViews {
    private BackupViews() {
    }

    /** {@code onRestored} receives the message to show once a restore replaced the records (everyone signs in again). */
    public static void register(Screens screens, Background background, BackupService backups, Clock clock,
                                Consumer<String> onRestored) {
        screens.register(BackupStatusController.class, () -> new BackupStatusController(backups, background, clock,
                        screens.changes()))
                .register(BackupsController.class, () -> new BackupsController(backups, background, clock, onRestored))
                .todayCard(8, BackupStatusController.class)
                .adminTab(50, "backupsTab", "Backups", "mdal-backup", BackupsController.class);
    }
}
