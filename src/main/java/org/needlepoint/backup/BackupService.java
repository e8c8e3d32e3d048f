package org.needlepoint.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.StoreException;

/**
 * Backups of the clinic's records: the settings (ADMIN), automatic backups at the first start of
 * each day and on exit, "Back up now" (anyone signed in), rotation, the status the home screen
 * shows, and restore (ADMIN, with the admin's password). Every backup is logged in {@code backup_run},
 * a failure too (shown on the home screen until a backup succeeds); backups a person asked for and
 * restores are also in the audit log.
 */
public final class BackupService {
    /** With no successful backup for this long, the home screen warns. */
    public static final Duration WARN_AFTER = Duration.ofDays(2);
    public static final String AUDIT_BACKUP = "BACKUP";
    public static final String AUDIT_RESTORE = "RESTORE";
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

    private final Database db;
    private final BackupStore store;
    private final Supplier<List<RecordCheck>> checks;
    private final Audit audit;
    private final Session session;
    private final AuthService auth;
    private final Clock clock;
    /** One backup or restore at a time in this app. */
    private final ReentrantLock busy = new ReentrantLock();

    public BackupService(Database db, BackupStore store, Supplier<List<RecordCheck>> checks, Audit audit, Session session,
                         AuthService auth, Clock clock) {
        this.db = db;
        this.store = store;
        this.checks = checks;
        this.audit = audit;
        this.session = session;
        this.auth = auth;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- settings

    public BackupSettings settings() {
        session.require("see the backup settings", Role.ADMIN);
        return db.read(store::settings);
    }

    /** The data folder, and the default backup folder inside it. */
    public Path dataFolder() {
        return db.folder();
    }

    public Path folderOf(BackupSettings s) {
        return s.folderIn(db.folder());
    }

    /**
     * Saves the settings. The folder must exist or be creatable, and writable (it is created and a
     * small file is written to it); otherwise the folder field carries the reason.
     */
    public BackupSettings update(BackupSettings s) {
        User admin = session.require("change the backup settings", Role.ADMIN);
        s.validate();
        try {
            BackupWriter.prepare(folderOf(s));
        } catch (BackupException e) {
            throw new ValidationException("backupFolder", e.getMessage());
        }
        return db.tx(c -> {
            BackupSettings before = store.settings(c);
            store.update(c, s, clock.instant(), admin.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "setting", null, null, "backup settings: " + describe(before) + " -> " + describe(s));
            return store.settings(c);
        });
    }

    private String describe(BackupSettings s) {
        return "folder " + folderOf(s) + ", " + (s.onStart() ? "" : "not ") + "at the day's first start, "
                + (s.onExit() ? "" : "not ") + "on closing, keep " + s.keepDaily() + " daily and " + s.keepWeekly() + " weekly";
    }

    /**
     * True when {@code folder} is on the same disk as the data folder: such backups help against
     * mistakes and damaged files, not against a dead disk or PC.
     */
    public boolean onSameDiskAsData(Path folder) {
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).equals(Files.getFileStore(db.folder()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- status

    /** The last success and failure, and whether the home screen should warn. Anyone signed in. */
    public BackupStatus status() {
        session.require();
        return db.read(c -> {
            BackupRun ok = store.last(c, true).orElse(null);
            BackupRun failed = store.last(c, false).orElse(null);
            Path folder = store.settings(c).folderIn(db.folder());
            boolean lastFailed = store.last(c).map(r -> !r.ok()).orElse(false);
            boolean stale = ok == null || ok.finishedAt().isBefore(clock.instant().minus(WARN_AFTER));
            return new BackupStatus(ok, failed, folder, lastFailed, lastFailed || stale);
        });
    }

    // ---------------------------------------------------------------- backing up

    /** "Back up now": to the backup folder, with rotation. Anyone signed in may; it changes no record. */
    public BackupFile backUpNow(BackupProgress progress) {
        User u = session.require();
        if (db.isRemote()) {
            return askTheServer(u, progress);
        }
        return run(BackupRun.Trigger.MANUAL, null, u.id(), u.username(), progress);
    }

    /**
     * At the app's start and after each sign-in: backs up when that is switched on and no backup has
     * succeeded today (so one that failed is tried again at the next sign-in).
     */
    public Optional<BackupFile> backUpIfDueToday() {
        if (db.isRemote()) {
            return Optional.empty(); // the clinic server backs up, not its joined PCs
        }
        BackupSettings s = db.read(store::settings);
        if (!s.onStart()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        boolean doneToday = db.read(c -> store.last(c, true))
                .map(r -> LocalDate.ofInstant(r.finishedAt(), clock.getZone()).equals(today)).orElse(false);
        if (doneToday) {
            return Optional.empty();
        }
        User u = session.user().orElse(null);
        return Optional.of(run(BackupRun.Trigger.START, null, u == null ? null : u.id(), u == null ? null : u.username(),
                BackupProgress.NONE));
    }

    /** The clinic server's daily backup, at its set time (as the day's start backup: not audited). */
    public BackupFile backUpDaily() {
        return run(BackupRun.Trigger.START, null, null, null, BackupProgress.NONE);
    }

    /** When the app closes, if that is switched on. */
    public Optional<BackupFile> backUpOnExit(BackupProgress progress) {
        if (db.isRemote() || !db.read(store::settings).onExit()) {
            return Optional.empty();
        }
        User u = session.user().orElse(null);
        return Optional.of(run(BackupRun.Trigger.EXIT, null, u == null ? null : u.id(), u == null ? null : u.username(),
                progress));
    }

    /**
     * The {@code backup} command: to {@code folder}, or the backup folder when null. Rotation only
     * applies in the backup folder, so a copy to a USB stick is never rotated away.
     */
    public BackupFile backUpFromCommandLine(Path folder, BackupProgress progress) {
        return run(BackupRun.Trigger.COMMAND, folder, null, null, progress);
    }

    public boolean isBusy() {
        return busy.isLocked();
    }

    /** How long a joined PC waits for the server to make the backup it asked for. */
    static final Duration SERVER_BACKUP_WAIT = Duration.ofMinutes(15);

    /**
     * "Back up now" on a joined PC: only the clinic server can read the records' file, so the PC asks
     * (a row the server follows) and waits for its answer.
     */
    private BackupFile askTheServer(User u, BackupProgress progress) {
        long id = db.tx(c -> store.insertRequest(c, clock.instant(), u.id()));
        progress.step("Waiting for the clinic server to back up...");
        long deadline = System.nanoTime() + SERVER_BACKUP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<BackupStore.Request> r = db.read(c -> store.request(c, id));
            if (r.isPresent() && r.get().doneAt() != null) {
                if (!Boolean.TRUE.equals(r.get().ok())) {
                    throw new BackupException("The clinic server could not back up: " + r.get().result());
                }
                return new BackupFile(Path.of(r.get().file()), LocalDateTime.ofInstant(r.get().doneAt(), clock.getZone()),
                        r.get().size() == null ? 0 : r.get().size());
            }
            try {
                Thread.sleep(500); // the server looks for requests every second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackupException("Stopped waiting for the clinic server's backup.");
            }
        }
        throw new BackupException("The clinic server did not answer within " + SERVER_BACKUP_WAIT.toMinutes()
                + " minutes; its backups may be stuck. Check the server PC.");
    }

    /**
     * On the clinic server: runs the backups joined PCs asked for (each as a manual backup, audited as
     * the person who asked) and answers each. Returns how many it ran.
     */
    public int runRequested() {
        List<BackupStore.Request> pending = db.read(store::pendingRequests);
        for (BackupStore.Request r : pending) {
            BackupFile f = null;
            String failure = null;
            try {
                f = run(BackupRun.Trigger.MANUAL, null, r.requestedBy(), r.username(), BackupProgress.NONE);
            } catch (StoreException e) {
                failure = e.getMessage();
            }
            BackupFile done = f;
            String why = failure;
            db.tx(c -> {
                store.answerRequest(c, r.id(), clock.instant(), done != null, why, done == null ? null
                        : done.path().toString(), done == null ? null : done.size());
                return null;
            });
        }
        return pending.size();
    }

    private BackupFile run(BackupRun.Trigger trigger, Path to, Long userId, String username, BackupProgress progress) {
        busy.lock();
        try {
            BackupSettings s = db.read(store::settings);
            Path configured = folderOf(s).toAbsolutePath().normalize();
            Path target = to == null ? configured : to.toAbsolutePath().normalize();
            Instant started = clock.instant();
            BackupFile f;
            try {
                f = BackupWriter.write(db, checks.get(), target, clock, progress);
            } catch (StoreException e) {
                if (e instanceof BackupException) {
                    LOG.warning("Backup " + trigger.label() + " failed: " + e.getMessage());
                } else {
                    LOG.log(Level.WARNING, "Backup " + trigger.label() + " failed: " + e.getMessage(), e);
                }
                try {
                    db.tx(c -> {
                        store.record(c, new BackupRun(started, clock.instant(), trigger, false, target.toString(), null,
                                e.getMessage()));
                        return null;
                    });
                } catch (StoreException notRecorded) {
                    LOG.log(Level.WARNING, "The failed backup could not be logged", notRecorded);
                }
                throw e instanceof BackupException b ? b : new BackupException(e.getMessage(), e);
            }
            String rotation = target.equals(configured) ? rotate(target, s) : null;
            try {
                db.tx(c -> {
                    store.record(c, new BackupRun(started, clock.instant(), trigger, true, f.path().toString(), f.size(),
                            rotation));
                    if (trigger == BackupRun.Trigger.MANUAL || trigger == BackupRun.Trigger.COMMAND) {
                        // a person copied every record somewhere: audited (automatic ones are in backup_run only)
                        audit.logAs(c, userId, username == null ? "backup command" : username,
                                AUDIT_BACKUP, "backup", null, "backed up the records to " + f.path() + " ("
                                        + size(f.size()) + ")" + (rotation == null ? "" : "; " + rotation));
                    }
                    return null;
                });
            } catch (StoreException notRecorded) {
                LOG.log(Level.WARNING, "The backup " + f.path() + " was written but could not be logged", notRecorded);
            }
            if (trigger != BackupRun.Trigger.EXIT && trigger != BackupRun.Trigger.COMMAND && !db.isServing()) {
                // a quiet moment (the day's start, or someone waiting for a backup anyway); a clinic server
                // compacts only after its daily backup, as that closes every PC's connection
                compactQuietly();
            }
            return f;
        } finally {
            busy.unlock();
        }
    }

    /** The clinic server's evening compaction, after its daily backup (PCs reconnect by themselves). */
    public void compactAfterDailyBackup() {
        compactQuietly();
    }

    private void compactQuietly() {
        try {
            if (db.compactIfWasteful()) {
                LOG.info("The database file was compacted after the backup");
            }
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "The database file could not be compacted: " + e.getMessage(), e);
        }
    }

    /** Deletes the backups rotation does not keep; returns what it did, or null when nothing was deleted. */
    private String rotate(Path folder, BackupSettings s) {
        List<BackupFile> old;
        try {
            old = BackupPolicy.toDelete(BackupFile.list(folder), s.keepDaily(), s.keepWeekly());
        } catch (BackupException e) {
            return "old backups were not rotated: " + e.getMessage();
        }
        List<String> failed = new ArrayList<>();
        int deleted = 0;
        for (BackupFile f : old) {
            try {
                Files.deleteIfExists(f.path());
                deleted++;
            } catch (IOException e) {
                failed.add(f.name());
            }
        }
        if (deleted == 0 && failed.isEmpty()) {
            return null;
        }
        return "rotation deleted " + deleted + " older backup" + (deleted == 1 ? "" : "s")
                + (failed.isEmpty() ? "" : "; could not delete " + String.join(", ", failed));
    }

    /** The backups in the backup folder, newest first. ADMIN. */
    public List<BackupFile> list() {
        session.require("see the backups", Role.ADMIN);
        return BackupFile.list(folderOf(db.read(store::settings)));
    }

    // ---------------------------------------------------------------- restore

    /**
     * Restores {@code file} over the open database: ADMIN, with the admin's password. The backup is
     * verified first ({@link Restore#verify}); only then are the records swapped, the replaced ones
     * kept in the data folder's {@code replaced-<time>/}. The backup settings and log of this PC are
     * kept. Everyone should then sign in again (the accounts are those of the backup).
     */
    public RestoreResult restore(Path file, char[] password, BackupProgress progress) {
        User admin = session.require("restore a backup", Role.ADMIN);
        auth.verifyPassword(password);
        busy.lock();
        try {
            BackupStore.History previous = db.read(c -> store.history(c, Instant.EPOCH));
            try (Restore.Verified v = Restore.verify(file, db.folder(), d -> checks.get(), progress)) {
                progress.step("Replacing the records…");
                Path[] aside = new Path[1];
                db.replaceFiles(() -> aside[0] = Restore.apply(db.folder(), v, LocalDateTime.now(clock)));
                RestoreResult r = new RestoreResult(file, v.manifest(), v.integrity(), aside[0], previous);
                recordRestore(r, admin);
                return r;
            }
        } finally {
            busy.unlock();
        }
    }

    /** Writes what a restore keeps (this PC's backup settings and log) and its audit entry. {@code by} is null from the command line. */
    public void recordRestore(RestoreResult r, User by) {
        recordRestore(db, store, audit, r, by, "restore command", clock);
    }

    /** The same, for a restore made where no services are open (the damaged-records screen); {@code anonymous} names who did it without a user. */
    static void recordRestore(Database db, BackupStore store, Audit audit, RestoreResult r, User by, String anonymous, Clock clock) {
        db.tx(c -> {
            if (r.previous() != null) {
                store.carryOver(c, r.previous(), r.manifest().createdAt());
            }
            audit.logAs(c, by == null ? null : by.id(), by == null ? anonymous : by.username(), AUDIT_RESTORE, "backup",
                    null, "restored the records from " + r.file() + " (backup of " + when(r.manifest().createdAt(), clock) + ")"
                            + (r.replacedKeptIn() == null ? "" : "; the replaced records are kept in " + r.replacedKeptIn()));
            return null;
        });
    }

    private static String when(Instant t, Clock clock) {
        return WHEN.format(t.atZone(clock.getZone()));
    }

    /** "12.3 MB", "840 KB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
