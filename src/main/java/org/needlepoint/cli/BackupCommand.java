package org.needlepoint.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.AlreadyOpenException;
import org.needlepoint.backup.BackupFile;
import org.needlepoint.backup.BackupService;
import org.needlepoint.store.Database;
import org.needlepoint.backup.Restore;
import org.needlepoint.backup.RestoreResult;
import org.needlepoint.store.StoreException;

/**
 * {@code backup [--to DIR]} and {@code restore FILE}. A failure is one line on stderr and exit 1
 * (through {@link Cli}); restore replaces nothing unless the backup passed every check.
 */
final class BackupCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int backup(Path dataFolder, Path to, Clock clock, PasswordHasher hasher) {
        Database db;
        try {
            db = Database.open(dataFolder);
        } catch (AlreadyOpenException e) {
            throw new StoreException("Needlepoint is open on the data folder " + dataFolder + ", so this command cannot back"
                    + " it up: use \"Back up now\" in the app (Admin → Backups), or close the app and run backup again.", e);
        }
        try (db) {
            Services s = new Services(db, clock, hasher);
            BackupFile f = s.backups().backUpFromCommandLine(to, step -> { });
            out.println("Backup written: " + f.path() + " (" + BackupService.size(f.size()) + ")");
            return 0;
        }
    }

    int restore(Path dataFolder, Path file, Clock clock, PasswordHasher hasher) {
        Path zip = file.toAbsolutePath();
        out.println("Restoring " + zip + " into " + dataFolder);
        RestoreResult r = Restore.offline(dataFolder, zip, d -> new Services(d, clock, hasher).checks(), clock,
                step -> out.println("  " + step));
        try (Database db = Database.open(dataFolder)) {
            new Services(db, clock, hasher).backups().recordRestore(r, null);
        }
        out.println("Restored the backup of " + WHEN.format(r.manifest().createdAt().atZone(clock.getZone()))
                + " (made by Needlepoint " + r.manifest().appVersion() + "). It passed every check:");
        for (Map.Entry<String, Long> e : r.integrity().counts().entrySet()) {
            out.println(e.getKey() + ": " + e.getValue());
        }
        out.println(r.replacedKeptIn() == null ? "The data folder held no records before."
                : "The records it replaced are kept in " + r.replacedKeptIn());
        return 0;
    }
}
