package org.needlepoint.backup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.needlepoint.common.ValidationException;

/**
 * When and where the clinic's records are backed up: a folder ({@code null} means the data
 * folder's {@code backups}), at the first start of each day, on exit, and how many daily and
 * weekly backups rotation keeps. {@code version} is for optimistic locking.
 */
public record BackupSettings(String folder, boolean onStart, boolean onExit, int keepDaily, int keepWeekly, int version) {
    public static final String DEFAULT_FOLDER = "backups";
    public static final int DEFAULT_DAILY = 7;
    public static final int DEFAULT_WEEKLY = 4;

    public BackupSettings {
        folder = folder == null || folder.isBlank() ? null : folder.strip();
    }

    /** The folder backups go to, for a clinic whose data folder is {@code dataFolder}. */
    public Path folderIn(Path dataFolder) {
        return folder == null ? dataFolder.resolve(DEFAULT_FOLDER) : dataFolder.resolve(Path.of(folder));
    }

    public void validate() {
        Map<String, String> e = new LinkedHashMap<>();
        if (folder != null) {
            try {
                if (!Path.of(folder).isAbsolute()) {
                    e.put("backupFolder", "Type the backup folder's full path (for example E:\\Needlepoint backups or"
                            + " /media/backup), or leave it empty for the data folder's \"backups\" folder.");
                }
            } catch (InvalidPathException ex) {
                e.put("backupFolder", "This is not a folder path: " + ex.getReason() + ".");
            }
        }
        if (keepDaily < 1 || keepDaily > 60) {
            e.put("keepDaily", "Keep between 1 and 60 daily backups.");
        }
        if (keepWeekly < 0 || keepWeekly > 52) {
            e.put("keepWeekly", "Keep between 0 and 52 weekly backups.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
    }
}
