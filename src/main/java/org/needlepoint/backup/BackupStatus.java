package org.needlepoint.backup;

import java.nio.file.Path;

/**
 * What the home screen says about backups: the last success and the last failure (either may be
 * null), the folder, whether the newest run failed, and whether to warn — the last backup failed, or none succeeded for
 * {@link BackupService#WARN_AFTER}.
 */
public record BackupStatus(BackupRun lastSuccess, BackupRun lastFailure, Path folder, boolean lastFailed,
                           boolean warning) {
}
