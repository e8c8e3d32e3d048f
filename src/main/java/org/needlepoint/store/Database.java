package org.needlepoint.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The clinic's one embedded H2 database, opened in one place and migrated by Flyway.
 * A lock file keeps a second copy of the app (or a second PC on a shared folder) out.
 */
public final class Database implements AutoCloseable {
    public static final String DB_NAME = "needlepoint";
    private static final int H2_ALREADY_OPEN = 90020;

    private final Path folder;
    private final JdbcConnectionPool pool;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Flyway flyway;

    private Database(Path folder, JdbcConnectionPool pool, FileChannel lockChannel, FileLock lock, Flyway flyway) {
        this.folder = folder;
        this.pool = pool;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.flyway = flyway;
    }

    /** Opens (creating if needed) and migrates the database in {@code folder}. */
    public static Database open(Path folder) {
        DataFolder.prepare(folder);
        FileChannel channel = null;
        FileLock lock;
        try {
            channel = FileChannel.open(folder.resolve("needlepoint.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyOpen(folder, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot use the data folder " + folder + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw alreadyOpen(folder, null);
        }
        String url = "jdbc:h2:file:" + folder.resolve(DB_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=5000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "needlepoint", "");
        pool.setMaxConnections(16);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            releaseQuietly(lock, channel);
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                throw alreadyOpen(folder, e);
            }
            throw new StoreException("Cannot open the database in " + folder + ": " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            pool.dispose();
            releaseQuietly(lock, channel);
            throw new StoreException("The database in " + folder + " could not be brought up to date: " + e.getMessage(), e);
        }
        return new Database(folder, pool, channel, lock, flyway);
    }

    private static AlreadyOpenException alreadyOpen(Path folder, Throwable cause) {
        return new AlreadyOpenException("Needlepoint is already open on the data folder " + folder
                + ". Switch to the window that is already open, or close it and try again.", cause);
    }

    public Path folder() {
        return folder;
    }

    /** Runs {@code work} in one transaction: all of it is saved, or none of it. */
    public <T> T tx(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs read-only work on a connection of its own. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private StoreException translate(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("No space left on device") || msg.contains("There is not enough space")) {
            return new StoreException("The disk holding " + folder + " is full. Nothing was saved; free some space and try again.", e);
        }
        return new StoreException("The database reported a problem: " + firstLine(msg), e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
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

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
        pool.dispose();
        releaseQuietly(lock, lockChannel);
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
