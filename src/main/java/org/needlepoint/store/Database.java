package org.needlepoint.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The clinic's one embedded H2 database, opened in one place and migrated by Flyway.
 * A lock file ({@link FolderLock}) keeps a second copy of the app (or a second PC on a shared
 * folder) out.
 *
 * <p>Durability: every transaction is written to the file when it commits ({@code WRITE_DELAY=0})
 * and then flushed to the disk ({@code CHECKPOINT SYNC}), so a save that returned survives the
 * process being killed or the power going (crash tests in {@code store/CrashSafetyTest}). H2
 * writes chunks with checksums, so a write cut short leaves the last complete transaction
 * readable. New chunks always go to the end of the file ({@code REUSE_SPACE=FALSE}): with space
 * reuse on, H2 2.5 lost the last few dozen committed transactions after a kill in 3 of 4 runs of
 * CrashSafetyTest (and 2 of 80 kills in a plainer loop), and none without. The file therefore
 * grows with every save (about 100 KB per save with 100,000 patients) until it is compacted: on
 * close and after a backup, whenever less than half of it is live ({@link #compactIfWasteful()};
 * about 2 s with 100,000 patients).
 *
 * <p>When a write fails because the disk is full, H2 closes the database; the failed
 * transaction is rolled back, the person is told, and the next call opens the database again.
 */
public final class Database implements AutoCloseable {
    /** When a committed transaction is safe. */
    public enum Durability {
        /** On the disk when the commit returns: survives the app being killed and the power going. The app's setting. */
        FLUSHED,
        /**
         * Handed to the operating system when the commit returns (no flush): survives the app being killed, not a
         * power cut. For throwaway databases whose durability is not what is being tried (the UI tests'), where
         * a flush per save only costs time.
         */
        WRITTEN
    }

    public static final String DB_NAME = "needlepoint";
    /** The H2 file(s) that make up the database in its folder. */
    public static final String DB_FILE = DB_NAME + ".mv.db";
    public static final String TRACE_FILE = DB_NAME + ".trace.db";
    private static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=5000;WRITE_DELAY=0;REUSE_SPACE=FALSE";
    private static final int H2_ALREADY_OPEN = 90020;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_GENERAL_ERROR = 50000;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_IO_EXCEPTION_2 = 90031;
    private static final int H2_FILE_CORRUPTED = 90030;

    private final Path folder;
    private final String url;
    private final FolderLock lock;
    /** Transactions share it; swapping the database files (restore) or reconnecting takes it alone. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile JdbcConnectionPool pool;
    private volatile Flyway flyway;
    private volatile boolean broken;
    private final boolean flushEachCommit;
    /** seed-demo's or bench's loading in one go ({@link #bulkLoad}): commits gathered, nothing flushed, no compaction. */
    private volatile boolean bulk;
    /** Transactions committed, to look at the file's dead space every {@link #COMPACT_CHECK_EVERY}. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    static final int COMPACT_CHECK_EVERY = 1000;
    private boolean closed;

    private Database(Path folder, String url, FolderLock lock, Durability durability) {
        this.folder = folder;
        this.url = url;
        this.lock = lock;
        this.flushEachCommit = durability == Durability.FLUSHED;
    }

    /** Opens (creating if needed) and migrates the database in {@code folder}. */
    public static Database open(Path folder) {
        return open(folder, Durability.FLUSHED);
    }

    /** Opens (creating if needed) and migrates the database in {@code folder}, its commits as durable as {@code durability} says. */
    public static Database open(Path folder, Durability durability) {
        return open(folder, "file:", durability);
    }

    /** Opens through an H2 file system prefix ("file:", or a test's simulated disk). */
    static Database open(Path folder, String fileSystem) {
        return open(folder, fileSystem, Durability.FLUSHED);
    }

    private static Database open(Path folder, String fileSystem, Durability durability) {
        DataFolder.prepare(folder);
        FolderLock lock = FolderLock.acquire(folder);
        Database db = new Database(folder, url(folder, fileSystem), lock, durability);
        try {
            db.connect();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return db;
    }

    public static String url(Path folder, String fileSystem) {
        return "jdbc:h2:" + fileSystem + folder.resolve(DB_NAME).toAbsolutePath() + OPTIONS;
    }

    /** H2's defaults, for a temporary database loaded in one go (a restore's): faster, and nothing in it counts until it is closed cleanly. */
    public static String bulkUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(DB_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Opens the pool, checks the database opens, and migrates it. */
    private void connect() {
        DataFolder.checkDatabaseFile(folder);
        JdbcConnectionPool p = JdbcConnectionPool.create(url, "needlepoint", "");
        p.setMaxConnections(16);
        try (Connection c = p.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            p.dispose();
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                throw FolderLock.alreadyOpen(folder, e);
            }
            String full = diskFull(e);
            if (full != null) {
                throw new StoreException(full, e);
            }
            throw new StoreException("Cannot open the database in " + folder + ": " + firstLine(e.getMessage()), e);
        }
        Flyway f = Flyway.configure()
                .dataSource(p)
                .locations("classpath:db/migration")
                .load();
        try {
            f.migrate();
            try (Connection c = p.getConnection(); Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        } catch (FlywayException | SQLException e) {
            p.dispose();
            String full = diskFull(e);
            throw new StoreException(full != null ? full
                    : "The database in " + folder + " could not be brought up to date: " + e.getMessage(), e);
        }
        pool = p;
        flyway = f;
        broken = false;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code work} in one transaction: all of it is saved, or none of it. When it returns,
     * the transaction is on the disk.
     */
    public <T> T tx(SqlWork<T> work) {
        T result = commit(work);
        if (commits.incrementAndGet() % COMPACT_CHECK_EVERY == 0 && !bulk) {
            // the file grows with every save; an app left running for days is kept in check here, later
            // than at the quiet moments (close, after a backup) as saves wait while it runs
            compactIfLive(25);
        }
        return result;
    }

    private <T> T commit(SqlWork<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
            if (flushEachCommit && !bulk) {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
            return result;
        });
    }

    /**
     * For tools that write many thousands of rows in one go (seed-demo, bench's seeding): while on,
     * H2 gathers commits and writes them every half second ({@code WRITE_DELAY 500}, H2's default),
     * and nothing is flushed to the disk each time, so a crash could lose the last half second;
     * turning it off writes and flushes everything at once, and compacts the file if needed (not
     * done every 1,000 commits while loading). The app never turns it on.
     */
    public void bulkLoad(boolean on) {
        bulk = on;
        read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(on ? "SET WRITE_DELAY 500" : "SET WRITE_DELAY 0");
                if (!on) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
            return null;
        });
        if (!on) {
            compactIfWasteful(); // not done every 1,000 commits while loading
        }
    }

    /** Runs read-only work on a connection of its own. */
    public <T> T read(SqlWork<T> work) {
        return withConnection(c -> {
            c.setReadOnly(true);
            T result = work.run(c);
            c.setReadOnly(false);
            return result;
        });
    }

    /**
     * Runs read-only work in one SNAPSHOT transaction: every table it reads is seen as it was when
     * the work started, whatever other connections commit meanwhile. Backups use it: H2's
     * {@code SCRIPT} under READ COMMITTED (the default) or REPEATABLE READ mixes tables read before
     * and after a concurrent commit; under SNAPSHOT it does not (measured; see BackupConsistencyTest).
     */
    public <T> T snapshot(SqlWork<T> work) {
        return withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
            }
        });
    }

    private <T> T withConnection(SqlWork<T> work) {
        reconnectIfBroken();
        gate.readLock().lock();
        try (Connection c = pool().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    private JdbcConnectionPool pool() {
        JdbcConnectionPool p = pool;
        if (p == null) {
            throw new StoreException("The database in " + folder + " is closed.");
        }
        return p;
    }

    /** After H2 closed the database (a failed write), opens it again before the next transaction. */
    private void reconnectIfBroken() {
        if (!broken || gate.getReadHoldCount() > 0) {
            return;
        }
        gate.writeLock().lock();
        try {
            if (broken && pool != null) {
                pool.dispose();
                pool = null;
                connect();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Closes the database, runs {@code swap} (which replaces its files, see {@link Restore}), and
     * opens the database again, all while every transaction waits and the folder stays locked.
     * When {@code swap} fails it must have put the old files back; the database is reopened on
     * them and the failure is passed on.
     */
    public void replaceFiles(Runnable swap) {
        gate.writeLock().lock();
        try {
            shutdown("SHUTDOWN");
            RuntimeException failure = null;
            try {
                swap.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            connect();
            if (failure != null) {
                throw failure;
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    StoreException translate(SQLException e) {
        String full = diskFull(e);
        if (full != null) {
            broken = true;
            return new StoreException(full, e);
        }
        int code = e.getErrorCode();
        if (code == H2_DATABASE_CLOSED || code == H2_FILE_CORRUPTED
                || (code == H2_GENERAL_ERROR || code == H2_IO_EXCEPTION || code == H2_IO_EXCEPTION_2) && hasIoCause(e)) {
            broken = true;
            return new StoreException("The clinic's records could not be written to the disk (" + folder + "): "
                    + firstLine(rootMessage(e)) + ". Nothing was saved; try again, and if it happens again,"
                    + " check the disk.", e);
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return new StoreException("The database reported a problem: " + firstLine(msg), e);
    }

    /** The message for a full disk when {@code e} (or its causes) says so, else null. */
    String diskFull(Throwable e) {
        return DiskErrors.isDiskFull(e)
                ? "The disk holding the clinic's records is full (" + folder + "). Nothing was saved: free some space"
                + " on that disk, then try again."
                : null;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the database may have closed itself (a failed write): nothing was committed
        }
    }

    /** Checks applied migrations against the ones shipped; returns a problem or null. */
    public String validateMigrations() {
        try {
            var result = flyway.validateWithResult();
            return result.validationSuccessful ? null : "migrations: " + result.getAllErrorMessages();
        } catch (FlywayException e) {
            return "migrations: " + e.getMessage();
        }
    }

    /** The version of the newest migration applied ("6"), or "0" for none. */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
    }

    /** True when the database was migrated by a newer version of Needlepoint than this one (a migration it does not know). */
    public boolean isNewerThanThisVersion() {
        for (MigrationInfo m : flyway.info().applied()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        close(wasteful() ? "SHUTDOWN COMPACT" : "SHUTDOWN");
    }

    /**
     * Rewrites the file without its dead space when less than half of it is live: the database
     * closes (transactions wait), H2 writes a compact copy and swaps it in atomically, and the
     * database opens again. Returns true when it compacted.
     */
    public boolean compactIfWasteful() {
        return compactIfLive(50);
    }

    private boolean compactIfLive(int belowPercent) {
        if (gate.getReadHoldCount() > 0) {
            return false; // inside another transaction of this thread: the lock cannot be taken alone here
        }
        if (!liveUnder(belowPercent)) {
            return false;
        }
        gate.writeLock().lock();
        try {
            if (closed || pool == null) {
                return false;
            }
            shutdown("SHUTDOWN COMPACT");
            connect();
            return true;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Less than half of the file holds live data. */
    boolean wasteful() {
        return liveUnder(50);
    }

    /** True when less than {@code percent} of the file holds live data (false when it cannot be told). */
    private boolean liveUnder(int percent) {
        try {
            return fillRate() < percent;
        } catch (StoreException e) {
            return false;
        }
    }

    /**
     * The percentage of the file that holds live data: H2's share of blocks in use
     * ({@code info.FILL_RATE}) times the share of live data in those chunks
     * ({@code info.CHUNKS_FILL_RATE}).
     */
    int fillRate() {
        return read(c -> {
            int blocks = 100;
            int chunks = 100;
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                    + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    int v = Integer.parseInt(rs.getString(2).trim());
                    if (rs.getString(1).equals("info.FILL_RATE")) {
                        blocks = v;
                    } else {
                        chunks = v;
                    }
                }
            } catch (NumberFormatException e) {
                return 100;
            }
            return blocks * chunks / 100;
        });
    }

    /** Closes and rewrites the file without the space left by old versions of rows (slower). */
    public void closeCompact() {
        close("SHUTDOWN COMPACT");
    }

    private void close(String shutdown) {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            shutdown(shutdown);
            lock.close();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private void shutdown(String shutdown) {
        JdbcConnectionPool p = pool;
        if (p == null) {
            return;
        }
        // A connection of its own keeps the database open while the pool's idle ones close (closing a
        // pooled one after SHUTDOWN would log a needless error)
        try (Connection c = java.sql.DriverManager.getConnection(url, "needlepoint", ""); Statement st = c.createStatement()) {
            p.dispose();
            st.execute(shutdown);
        } catch (SQLException ignored) {
            p.dispose(); // already closed
        }
        pool = null;
    }
}
