package org.needlepoint.backup;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditStore;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Session;
import org.needlepoint.security.SignInException;
import org.needlepoint.security.User;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.Database;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Seal;

/**
 * What can be done about records refused at open ({@link DamagedRecordsException}), before anyone
 * can sign in: find the newest backup whose file checks out and restore it, or, for an admin who
 * knows why (a deliberate restore by hand), take the records as they are. Both need an
 * administrator's username and password; nothing is written until they pass, and the records
 * refused are kept (a restore moves them aside into {@code replaced-<date>-<time>/}).
 *
 * <p>Nobody is signed in here, so the password is checked where the records are: a restore against
 * the backup's administrators (the refused records may hold none: cut short, their users can be
 * gone), accepting against the refused records' own. A wrong password cannot be counted in records
 * that cannot be written, so five wrong ones pause the form for five minutes.
 */
public final class DamagedRecords {
    /** What an admin types to take older records as they are. */
    public static final String ACCEPT_PHRASE = "use older records";
    public static final String AUDIT_ACCEPT = "ACCEPT_OLDER_RECORDS";
    static final int MAX_FAILURES = 5;
    static final Duration PAUSE = Duration.ofMinutes(5);

    private final DamagedRecordsException problem;
    private final Path folder;
    private final Function<Database, List<RecordCheck>> checksFor;
    private final PasswordHasher hasher;
    private final Clock clock;
    private int failures;
    private Instant pausedUntil;

    /** A backup that can be offered: its file checked out (zip, manifest, checksums) when it was found. */
    public record Candidate(Path file, BackupManifest manifest) {
    }

    public DamagedRecords(DamagedRecordsException problem, Function<Database, List<RecordCheck>> checksFor,
                          PasswordHasher hasher, Clock clock) {
        this.problem = problem;
        this.folder = problem.folder();
        this.checksFor = checksFor;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What happened, in plain words (the exception's message). */
    public String message() {
        return problem.getMessage();
    }

    /** What differs, one line each, for whoever looks into it. */
    public List<String> details() {
        return problem.details();
    }

    public Path folder() {
        return folder;
    }

    /** Whether the records can be opened at all: cut to pieces, missing or unreadable ones cannot be accepted. */
    public boolean canAccept() {
        return problem.kind() == DamagedRecordsException.Kind.WENT_BACK
                || problem.kind() == DamagedRecordsException.Kind.SEAL_UNREADABLE;
    }

    /** The backup folder the refused records name (read as they are), else the data folder's {@code backups}. */
    public Path backupFolder() {
        BackupSettings defaults = new BackupSettings(null, true, true, 7, 4, 0);
        try {
            return Database.readAsItIs(folder, c -> new BackupStore().settings(c)).folderIn(folder);
        } catch (SQLException | RuntimeException e) {
            return defaults.folderIn(folder);
        }
    }

    /** The newest backup in the backup folder whose file checks out; empty when there is none. */
    public Optional<Candidate> newestVerifiedBackup() {
        List<BackupFile> files;
        try {
            files = BackupFile.list(backupFolder());
        } catch (BackupException e) {
            return Optional.empty();
        }
        for (BackupFile f : files.subList(0, Math.min(files.size(), 10))) {
            Optional<Candidate> c = candidate(f.path());
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** {@code file} as a backup that can be offered, when it checks out. */
    public Optional<Candidate> candidate(Path file) {
        try {
            return Optional.of(new Candidate(file, BackupArchive.read(file, null)));
        } catch (BackupException e) {
            return Optional.empty();
        }
    }

    /** "Made today at 14:02, sealed at transaction 9,512: 2,000 patients, 897 visits, 9,599 audit entries." */
    public String describe(Candidate c) {
        BackupManifest m = c.manifest();
        List<String> counts = new ArrayList<>();
        for (String k : List.of("patients", "visits", "adverse events", "audit entries")) {
            if (m.counts().containsKey(k) && (m.count(k) > 0 || k.equals("patients"))) {
                counts.add(String.format(Locale.ENGLISH, "%,d %s", m.count(k), k));
            }
        }
        String seal = m.seal() == null ? "" : String.format(Locale.ENGLISH, ", sealed at transaction %,d", m.seal().counter());
        String lost = "";
        Seal now = problem.seal();
        if (now != null && now.at().isAfter(m.createdAt())) {
            lost = " What was saved after it (until " + BackupTimes.when(now.at(), clock) + ") is not in it.";
        }
        return "Made " + BackupTimes.when(m.createdAt(), clock) + seal + ": " + String.join(", ", counts) + " ("
                + c.file().getFileName() + ")." + lost;
    }

    /**
     * Restores {@code file}: checked like any restore; the username and password must be those of an
     * active administrator in the backup. The refused records go aside into {@code replaced-...}; the
     * restore is audited as that administrator.
     */
    public RestoreResult restore(Path file, String username, char[] password, BackupProgress progress) {
        notPaused();
        User[] admin = new User[1];
        RestoreResult r = Restore.offline(folder, file, checksFor, clock, progress,
                d -> admin[0] = confirm(d, username, password, "restore a backup"));
        try (Database db = Database.open(folder)) {
            BackupService.recordRestore(db, new BackupStore(), new Audit(db, new AuditStore(), new Session(), clock), r,
                    admin[0], "restore", clock);
        }
        return r;
    }

    /**
     * Takes the refused records as they are: {@link #ACCEPT_PHRASE} typed, and the username and
     * password of an active administrator of these records. Audited as that administrator, with what
     * the seal said and what the records hold.
     */
    public User accept(String username, char[] password, String typed) {
        if (!canAccept()) {
            throw new ValidationException("acceptConfirmation", "These records cannot be read, so they cannot be used as"
                    + " they are: restore a backup.");
        }
        if (typed == null || !typed.strip().equalsIgnoreCase(ACCEPT_PHRASE)) {
            throw new ValidationException("acceptConfirmation", "Type \"" + ACCEPT_PHRASE + "\" to use the records as they are.");
        }
        notPaused();
        User admin;
        try (Database d = Database.openReadOnly(folder)) {
            admin = confirm(d, username, password, "accept older records");
        }
        try (Database db = Database.openAcceptingOlder(folder)) {
            Audit audit = new Audit(db, new AuditStore(), new Session(), clock);
            Seal seal = problem.seal();
            String was = seal == null ? "their seal could not be read" : "their seal of " + BackupTimes.when(seal.at(), clock);
            db.tx(c -> {
                audit.logAs(c, admin.id(), admin.username(), AUDIT_ACCEPT, "database", null, "accepted the records as they"
                        + " are although they did not match " + was + ": " + String.join("; ", problem.details()));
                return null;
            });
        }
        return admin;
    }

    private User confirm(Database d, String username, char[] password, String action) {
        try {
            User u = AuthService.confirmAdmin(d, hasher, clock, username, password, action);
            failures = 0;
            return u;
        } catch (SignInException e) {
            if (++failures >= MAX_FAILURES) {
                failures = 0;
                pausedUntil = clock.instant().plus(PAUSE);
            }
            throw e;
        }
    }

    private void notPaused() {
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            throw new SignInException("After " + MAX_FAILURES + " wrong passwords, try again in " + PAUSE.toMinutes()
                    + " minutes.");
        }
    }
}
