package org.needlepoint.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.h2.util.ScriptReader;
import org.needlepoint.photo.PhotoStore;
import org.needlepoint.store.AlreadyOpenException;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.DataFolder;
import org.needlepoint.store.Database;
import org.needlepoint.store.DiskErrors;
import org.needlepoint.store.FolderLock;
import org.needlepoint.store.Integrity;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Seal;
import org.needlepoint.store.StoreException;

/**
 * Restoring a backup, in two steps so that nothing is replaced by a backup that is not good:
 * {@link #verify} checks the file (zip, manifest, checksums), loads it into a temporary database
 * inside the data folder, migrates it to this version's schema and runs every check of
 * {@code check} on it (and the counts must equal those the backup recorded); only then
 * {@link #apply} moves the current database files (and photos) aside into
 * {@code replaced-<date>-<time>/} and moves the verified ones in. From the command line
 * ({@link #offline}) the data folder's lock is taken first, so a running app is never pulled from
 * under; in the app the database closes and reopens around the swap ({@link Database#replaceFiles}).
 */
public final class Restore {
    static final String WORK = "restore-work";
    static final String REPLACED = "replaced-";
    private static final PhotoStore PHOTO_STORE = new PhotoStore();

    private Restore() {
    }

    /** A backup that passed every check, loaded into a temporary database; {@link #close()} deletes it. */
    public static final class Verified implements AutoCloseable {
        private final Path work;
        private final Path dbFolder;
        private final Path photos;
        private final BackupManifest manifest;
        private final Integrity integrity;

        Verified(Path work, Path dbFolder, Path photos, BackupManifest manifest, Integrity integrity) {
            this.work = work;
            this.dbFolder = dbFolder;
            this.photos = photos;
            this.manifest = manifest;
            this.integrity = integrity;
        }

        public BackupManifest manifest() {
            return manifest;
        }

        public Integrity integrity() {
            return integrity;
        }

        @Override
        public void close() {
            try {
                BackupWriter.deleteTree(work);
            } catch (IOException ignored) {
                // a leftover work folder is deleted by the next restore
            }
        }
    }

    /**
     * Checks {@code zip} and loads it into a temporary database in {@code dataFolder}. Refuses, with
     * a message saying what is wrong, a file that is not a backup, is truncated or damaged, was made
     * by a newer version, or whose records fail the checks.
     *
     * @param checksFor the record checks of {@code check} for a database (Services.checks())
     */
    public static Verified verify(Path zip, Path dataFolder, Function<Database, List<RecordCheck>> checksFor,
                                  BackupProgress progress) {
        return verify(zip, dataFolder, checksFor, progress, d -> { });
    }

    /**
     * As {@link #verify(Path, Path, Function, BackupProgress)}, and once the records are loaded and open,
     * {@code approve} runs on them and may refuse them by throwing: the restore from the damaged-records
     * screen checks there that the admin's password is one of the backup's admins.
     *
     * <p>The backup's seal (its manifest's) is put beside the loaded records, so opening them checks
     * them against it as any open does; the restored records then continue the commit counter from the
     * seal of the records they replace, so a copy of those is still refused as older afterwards.
     */
    public static Verified verify(Path zip, Path dataFolder, Function<Database, List<RecordCheck>> checksFor,
                                  BackupProgress progress, Consumer<Database> approve) {
        String what = "The file " + zip;
        Path work = dataFolder.resolve(WORK);
        try {
            BackupWriter.deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new BackupException("A restore needs a work folder in the data folder " + dataFolder + ", and it cannot be"
                    + " made because " + DiskErrors.reason(e) + ".", e);
        }
        boolean ok = false;
        try {
            progress.step("Checking the backup file…");
            Path files = work.resolve("files");
            BackupManifest manifest = BackupArchive.read(zip, files);
            progress.step("Loading the records into a temporary database…");
            Path dbFolder = work.resolve("db");
            load(files.resolve(BackupArchive.SCRIPT), files.resolve(BackupArchive.PHOTOS), dbFolder, what);
            if (manifest.seal() != null) {
                try {
                    manifest.seal().write(dbFolder);
                } catch (IOException e) {
                    throw new BackupException("The temporary database for the restore cannot be written because "
                            + DiskErrors.reason(e) + ".", e);
                }
            }
            progress.step("Checking the restored records…");
            Integrity integrity;
            Database d;
            try {
                d = Database.open(dbFolder);
            } catch (DamagedRecordsException e) {
                throw new BackupException(what + " is damaged: its records are not those it was sealed with ("
                        + String.join("; ", e.details()) + "). Nothing was replaced.", e);
            } catch (StoreException e) {
                throw new BackupException(what + " holds records this version of Needlepoint cannot bring up to date: "
                        + e.getMessage(), e);
            }
            try {
                if (d.isNewerThanThisVersion()) {
                    throw new BackupException(what + " was made by a newer version of Needlepoint (app "
                            + manifest.appVersion() + ", schema " + manifest.schemaVersion() + "). Update Needlepoint on this"
                            + " PC, then restore it.");
                }
                approve.accept(d); // before the checks, which take a while: a wrong password is told at once
                integrity = Integrity.of(d, checksFor.apply(d));
                if (!integrity.ok()) {
                    throw new BackupException(what + " does not pass the integrity check, so it is not used: "
                            + String.join("; ", integrity.problems()));
                }
                List<String> differ = new ArrayList<>();
                for (Map.Entry<String, Long> e : manifest.counts().entrySet()) {
                    Long now = integrity.counts().get(e.getKey());
                    if (now != null && !now.equals(e.getValue())) {
                        differ.add(e.getKey() + " " + now + " instead of " + e.getValue());
                    }
                }
                if (!differ.isEmpty()) {
                    throw new BackupException(what + " is damaged: its records do not add up to what it recorded ("
                            + String.join(", ", differ) + ").");
                }
                d.continueAfter(replacedCounter(dataFolder));
            } catch (RuntimeException e) {
                d.close();
                throw e;
            }
            d.closeCompact();
            ok = true;
            // the photos' originals are in the records now (load): nothing to move into the data folder
            return new Verified(work, dbFolder, null, manifest, integrity);
        } finally {
            if (!ok) {
                try {
                    BackupWriter.deleteTree(work);
                } catch (IOException ignored) {
                    // deleted by the next restore
                }
            }
        }
    }

    /** The commit counter of the seal of the records a restore replaces; none when there is no readable seal. */
    private static long replacedCounter(Path dataFolder) {
        try {
            return Seal.read(dataFolder).map(Seal::counter).orElse(Seal.NO_COUNTER);
        } catch (DamagedRecordsException e) {
            return Seal.NO_COUNTER;
        }
    }

    /**
     * Runs the backup's SQL into a new database in {@code dbFolder}, statement by statement, through {@link ScriptGuard},
     * then loads the photos' originals of {@code photos} into it, each checked against the hash that names it.
     */
    static void load(Path sql, Path photos, Path dbFolder, String what) {
        try {
            Files.createDirectories(dbFolder);
        } catch (IOException e) {
            throw new BackupException("The temporary database for the restore cannot be made because " + DiskErrors.reason(e)
                    + ".", e);
        }
        String statement = null;
        try (Connection c = DriverManager.getConnection(Database.bulkUrl(dbFolder), "needlepoint", "");
             BufferedReader in = Files.newBufferedReader(sql, StandardCharsets.UTF_8);
             ScriptReader r = new ScriptReader(in);
             Statement st = c.createStatement()) {
            r.setSkipRemarks(true);
            c.setAutoCommit(false);
            int n = 0;
            while ((statement = r.readStatement()) != null) {
                if (ScriptGuard.check(statement, what) == ScriptGuard.Verdict.RUN) {
                    st.execute(statement);
                    if (++n % 200 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
            statement = null;
            try {
                PHOTO_STORE.loadFiles(c, photos, Instant.now());
            } catch (IOException e) {
                throw new BackupException(what + " is damaged: " + e.getMessage() + ". Nothing was replaced.", e);
            }
            c.commit();
            try (Statement sd = c.createStatement()) {
                sd.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            if (DiskErrors.isDiskFull(e)) {
                throw new BackupException("The disk holding the data folder is full, so the backup cannot be loaded for"
                        + " checking. Nothing was replaced; free some space, then restore again.", e);
            }
            throw new BackupException(what + " is damaged: its records cannot be loaded (" + Database.firstLine(e.getMessage())
                    + "). Nothing was replaced.", e);
        } catch (IOException e) {
            throw new BackupException(what + " cannot be loaded because " + DiskErrors.reason(e) + ". Nothing was replaced.", e);
        } catch (RuntimeException e) {
            if (e instanceof BackupException) {
                throw e;
            }
            throw new BackupException(what + " is damaged: its records cannot be read (" + e.getMessage() + ")."
                    + " Nothing was replaced.", e);
        }
    }

    /**
     * Moves the current database (and photos) of {@code dataFolder} into {@code replaced-<time>/}
     * and the verified ones in. The caller holds the folder (its lock, with the database closed). A
     * failure puts back what was moved. Returns the folder the old files went to, or null when
     * there were none.
     */
    static Path apply(Path dataFolder, Verified v, LocalDateTime now) {
        Path aside = freeAside(dataFolder, now);
        record Move(Path from, Path to) {
        }
        List<Move> done = new ArrayList<>();
        try {
            Files.createDirectories(aside);
            // the seal first: records without a seal are sealed at their next open, records without their
            // seal's database would be refused as missing
            for (String f : List.of(Seal.FILE, Database.DB_FILE, Database.TRACE_FILE, BackupWriter.PHOTOS)) {
                Path p = dataFolder.resolve(f);
                if (Files.exists(p)) {
                    Files.move(p, aside.resolve(f), StandardCopyOption.ATOMIC_MOVE);
                    done.add(new Move(p, aside.resolve(f)));
                }
            }
            Path in = dataFolder.resolve(Database.DB_FILE);
            Files.move(v.dbFolder.resolve(Database.DB_FILE), in, StandardCopyOption.ATOMIC_MOVE);
            done.add(new Move(v.dbFolder.resolve(Database.DB_FILE), in));
            Path seal = v.dbFolder.resolve(Seal.FILE);
            if (Files.exists(seal)) {
                Files.move(seal, dataFolder.resolve(Seal.FILE), StandardCopyOption.ATOMIC_MOVE);
                done.add(new Move(seal, dataFolder.resolve(Seal.FILE)));
            }
            if (v.photos != null) {
                Path photos = dataFolder.resolve(BackupWriter.PHOTOS);
                Files.move(v.photos, photos, StandardCopyOption.ATOMIC_MOVE);
                done.add(new Move(v.photos, photos));
            }
        } catch (IOException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                try {
                    Files.move(done.get(i).to(), done.get(i).from(), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException ignored) {
                    // reported below: the message names both folders
                }
            }
            throw new BackupException("The records could not be replaced because " + DiskErrors.reason(e) + "; the current"
                    + " records were left in place (if any are missing from " + dataFolder + ", they are in " + aside + ").", e);
        }
        if (done.stream().noneMatch(m -> m.to().startsWith(aside))) {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // an empty folder
            }
            return null;
        }
        return aside;
    }

    private static Path freeAside(Path dataFolder, LocalDateTime now) {
        String base = REPLACED + BackupFile.STAMP.format(now.withNano(0));
        for (int n = 1; ; n++) {
            Path p = dataFolder.resolve(n == 1 ? base : base + "-" + n);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    /**
     * {@code restore FILE} from the command line: takes the data folder's lock (refusing while the
     * app has it open), reads what must survive the restore (the backup settings and log) when the
     * current database opens, verifies the backup and swaps it in. The caller then records it
     * ({@link BackupService#recordRestore}).
     */
    public static RestoreResult offline(Path dataFolder, Path zip, Function<Database, List<RecordCheck>> checksFor,
                                        Clock clock, BackupProgress progress) {
        return offline(dataFolder, zip, checksFor, clock, progress, d -> { });
    }

    /** As above; {@code approve} may refuse the verified records (see {@link #verify(Path, Path, Function, BackupProgress, Consumer)}). */
    public static RestoreResult offline(Path dataFolder, Path zip, Function<Database, List<RecordCheck>> checksFor,
                                        Clock clock, BackupProgress progress, Consumer<Database> approve) {
        DataFolder.prepare(dataFolder);
        FolderLock lock;
        try {
            lock = FolderLock.acquire(dataFolder);
        } catch (AlreadyOpenException e) {
            throw new BackupException("Needlepoint is open on the data folder " + dataFolder + ", so nothing was restored."
                    + " Close it (on every PC that uses this folder) and run restore again, or restore from Admin → Backups"
                    + " in the app.", e);
        }
        try (lock) {
            BackupStore.History previous = readHistory(dataFolder);
            try (Verified v = verify(zip, dataFolder, checksFor, progress, approve)) {
                progress.step("Replacing the records…");
                Path aside = apply(dataFolder, v, LocalDateTime.now(clock));
                return new RestoreResult(zip, v.manifest(), v.integrity(), aside, previous);
            }
        }
    }

    /** The backup settings and log of the database in {@code dataFolder}, or null when it has none or cannot be read. */
    private static BackupStore.History readHistory(Path dataFolder) {
        if (!Files.exists(dataFolder.resolve(Database.DB_FILE))) {
            return null;
        }
        try {
            return Database.readAsItIs(dataFolder, c -> new BackupStore().history(c, Instant.EPOCH));
        } catch (SQLException | RuntimeException e) {
            return null; // an old database without the backup tables, or one too damaged to open: nothing to keep
        }
    }
}
