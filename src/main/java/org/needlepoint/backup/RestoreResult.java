package org.needlepoint.backup;

import java.nio.file.Path;
import org.needlepoint.store.Integrity;

/**
 * A restore that was done: the file, what it held ({@code integrity}: the counts and checks of
 * the restored records), and where the replaced database was put aside ({@code null} when the data
 * folder held none).
 */
public record RestoreResult(Path file, BackupManifest manifest, Integrity integrity, Path replacedKeptIn,
                            BackupStore.History previous) {
}
