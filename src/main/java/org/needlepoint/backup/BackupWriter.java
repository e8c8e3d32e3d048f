package org.needlepoint.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.needlepoint.photo.PhotoStore;
import org.needlepoint.store.AppVersion;
import org.needlepoint.store.DataFolder;
import org.needlepoint.store.Database;
import org.needlepoint.store.DiskErrors;
import org.needlepoint.store.Integrity;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Seal;
import org.needlepoint.store.StoreException;

/**
 * Writes one backup into a folder, so that a backup cut short (killed, power gone, disk full)
 * never looks like a good one: the zip is written under a temporary name
 * ({@code .needlepoint-....zip.partial}, never listed), flushed, read back and checked against its
 * manifest, and only then renamed to {@code needlepoint-<date>-<time>.zip}. Temporary files left by
 * a backup that was cut short are deleted by the next one (the folder's
 * {@code .needlepoint-backup.lock} tells them apart from a backup still being written).
 *
 * <p>The records are read in one SNAPSHOT transaction (H2's {@code SCRIPT}, into a work folder in
 * the data folder), so the clinic keeps working while a backup is made and the backup holds one
 * consistent moment.
 */
public final class BackupWriter {
    static final String LOCK = ".needlepoint-backup.lock";
    public static final String WORK = "backup-work";
    static final String PHOTOS = PhotoStore.BACKUP_FOLDER;
    private static final PhotoStore PHOTO_STORE = new PhotoStore();

    private BackupWriter() {
    }

    static BackupFile write(Database db, List<RecordCheck> checks, Path target, Clock clock, BackupProgress progress) {
        prepare(target);
        try (FileChannel ch = FileChannel.open(target.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new BackupException("Another backup is being written to " + target + " right now. Try again when"
                        + " it has finished.");
            }
            try {
                return writeLocked(db, checks, target, clock, progress);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    private static BackupFile writeLocked(Database db, List<RecordCheck> checks, Path target, Clock clock,
                                          BackupProgress progress) throws IOException {
        cleanPartials(target);
        Path work = db.folder().resolve(WORK);
        deleteTree(work);
        Instant at = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(at, clock.getZone()).withNano(0);
        Path partial = target.resolve(BackupFile.PARTIAL_PREFIX + BackupFile.STAMP.format(local) + "-"
                + Long.toHexString(System.nanoTime()) + BackupFile.PARTIAL_SUFFIX);
        try {
            Files.createDirectories(work);
            Path script = work.resolve(BackupArchive.SCRIPT);
            progress.step("snapshot");
            Map<String, Long> counts;
            Seal[] seal = new Seal[1];
            List<PhotoStore.StoredFile> photoFiles = new ArrayList<>();
            try {
                counts = db.snapshot(c -> {
                    Map<String, Long> m = Integrity.counts(c, checks);
                    seal[0] = Seal.of(c, at);
                    script(c, script);
                    photoFiles.addAll(PHOTO_STORE.files(c));
                    return m;
                });
            } catch (StoreException e) {
                if (DiskErrors.isDiskFull(e)) {
                    throw new BackupException("The backup needs some room in the data folder (" + db.folder() + ") while"
                            + " it is made, and that disk is full. Free some space there, then back up again.", e);
                }
                throw new BackupException("The records could not be read for the backup: " + e.getMessage(), e);
            }
            progress.step("script " + Files.size(script));
            String schema = db.schemaVersion();
            // the originals are never changed nor deleted (append-only, by content hash): read after the snapshot,
            // each is exactly what the snapshot saw
            List<BackupArchive.Extra> extras = new ArrayList<>();
            for (PhotoStore.StoredFile f : photoFiles) {
                extras.add(new BackupArchive.Extra(PHOTOS + "/" + f.name(), f.size(), out -> copyPhoto(db, f, out)));
            }
            BackupArchive.write(partial, script, extras,
                    entries -> new BackupManifest(AppVersion.current(), schema, at, db.folder().toString(), counts, seal[0],
                            entries),
                    progress);
            progress.step("verify");
            BackupArchive.read(partial, null);
            Path done = freeName(target, local);
            try {
                Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, done);
            }
            syncFolder(target);
            progress.step("done");
            return BackupFile.of(done).orElseThrow(() -> new BackupException("The backup " + done + " vanished after it"
                    + " was written."));
        } finally {
            Files.deleteIfExists(partial);
            deleteTree(work);
        }
    }

    /**
     * Writes the records as SQL to {@code script}: every table's definition and rows, except the photos' originals
     * ({@link PhotoStore#FILE_TABLE}), whose definition only is written (last): their rows go into the backup as
     * files, not as SQL (in SQL each would be twice its size, and H2 writes large ones with functions that restore
     * refuses to run).
     */
    static void script(Connection c, Path script) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                if (!PhotoStore.FILE_TABLE.equals(rs.getString(1))) {
                    tables.add("\"PUBLIC\".\"" + rs.getString(1).replace("\"", "\"\"") + "\"");
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "' TABLE "
                    + String.join(", ", tables));
        }
        String own = "\"PUBLIC\".\"" + PhotoStore.FILE_TABLE + "\"";
        List<String> definition = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT NODATA TABLE " + own)) {
            while (rs.next()) {
                String s = rs.getString(1);
                if (s.contains(own) && !s.startsWith("GRANT ") && !s.startsWith("--")) {
                    definition.add(s);
                }
            }
        }
        if (definition.isEmpty()) {
            return; // records older than photos (a restore of an old backup migrates them)
        }
        try (var w = Files.newBufferedWriter(script, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write("\n");
            for (String s : definition) {
                w.write(s);
                w.write("\n");
            }
        } catch (IOException e) {
            throw new SQLException("the backup's script cannot be written: " + e.getMessage(), e);
        }
    }

    private static void copyPhoto(Database db, PhotoStore.StoredFile f, java.io.OutputStream out) throws IOException {
        try {
            byte[] bytes = db.read(c -> PHOTO_STORE.bytes(c, f.sha256())).orElseThrow(() -> new IOException("the photo "
                    + f.name() + " is missing from the records"));
            out.write(bytes);
        } catch (StoreException e) {
            throw new IOException("the photo " + f.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Creates the backup folder if needed and proves it can be written. */
    static void prepare(Path target) {
        if (!Files.exists(target)) {
            try {
                Files.createDirectories(target);
            } catch (IOException | RuntimeException e) {
                throw new BackupException("The backup folder " + target + " does not exist and cannot be created because "
                        + DiskErrors.reason(e) + ". If it is on another disk or a network share, check that it is connected,"
                        + " or choose another backup folder (Admin → Backups).", e);
            }
        }
        if (!Files.isDirectory(target)) {
            throw new BackupException("The backup folder " + target + " is not a folder (a file has that name). Choose"
                    + " another backup folder (Admin → Backups).");
        }
        try {
            DataFolder.probe(target, "The backup folder " + target, " Choose another backup folder (Admin → Backups),"
                    + " or fix its permissions.");
        } catch (BackupException e) {
            throw e;
        } catch (StoreException e) {
            throw new BackupException(e.getMessage(), e.getCause());
        }
    }

    /** What a person reads when writing a backup to {@code target} failed with {@code e} (a full disk, ...). */
    static BackupException failed(Path target, IOException e) {
        if (DiskErrors.isDiskFull(e)) {
            return new BackupException("The backup folder " + target + " is on a disk that is full, so the backup was not"
                    + " written; the previous backups are kept. Free some space there or choose another backup folder"
                    + " (Admin → Backups).", e);
        }
        return new BackupException("The backup could not be written to " + target + " because " + DiskErrors.reason(e)
                + ". The previous backups are kept.", e);
    }

    /** Deletes what backups cut short left behind; only called while holding the folder's backup lock. */
    static void cleanPartials(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            for (Path p : files.filter(BackupFile::isPartial).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path freeName(Path target, LocalDateTime at) {
        for (int n = 1; ; n++) {
            Path p = target.resolve(BackupFile.fileName(at, n));
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    /** Makes the rename itself durable where the OS allows it (Linux, macOS); elsewhere a no-op. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a folder this way; NTFS journals the rename
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
