package org.needlepoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

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
 *
 * <p>The seal ({@link Seal}): every transaction raises the database's own counter of committed
 * transactions ({@code commit_seal}) at its end, in the same transaction, and once the commit is on
 * the disk the counter and every table's row count are read in one statement and written beside the
 * database file ({@code needlepoint.seal}) by a thread of their own, so the save does not wait for
 * them, and at most every 0.2 s in a burst of saves (measured on chart saves, see README: within
 * the noise of no seal at all; counting and writing in the saving thread cost about 1 ms of CPU,
 * 6 ms at the median and 10 ms at p95). Before
 * anything is written, {@link #open} reads the database read-only and compares it with its seal: a
 * database behind its seal (cut short, replaced by an older copy) or not matching it, a missing or
 * unreadable one, is refused with {@link DamagedRecordsException} and left byte for byte as it was.
 * An admin can take it as it is ({@link #openAcceptingOlder}); {@code check} reads it with
 * {@link #openReadOnly}.
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
    private static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=5000;WRITE_DELAY=0;REUSE_SPACE=FALSE;QUERY_CACHE_SIZE=64";
    private static final int H2_ALREADY_OPEN = 90020;
    /** A joined PC's commit, and the server's flush of it to its disk, in one statement. */
    private static final String COMMIT_AND_FLUSH = ConnectionPool.COMMITS + " CALL " + ServerFlush.ALIAS + "()";
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_GENERAL_ERROR = 50000;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_IO_EXCEPTION_2 = 90031;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_WRONG_PASSWORD = 28000;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final Path folder;
    private final String fileSystem;
    private final String url;
    private final FolderLock lock;
    /** Transactions share it; swapping the database files (restore) or reconnecting takes it alone. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile ConnectionPool pool;
    /** A joined PC's connections to the clinic server, in place of {@link #pool}. */
    private volatile ConnectionPool remote;
    private volatile Flyway flyway;
    private volatile boolean broken;
    private final boolean flushEachCommit;
    /** seed-demo's or bench's loading in one go ({@link #bulkLoad}): commits gathered, nothing flushed, no compaction. */
    private volatile boolean bulk;
    /** Transactions committed, to look at the file's dead space every {@link #COMPACT_CHECK_EVERY}. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    static final int COMPACT_CHECK_EVERY = 1000;
    private boolean closed;
    /** Opened by {@link #openReadOnly} to look at damaged records: nothing is ever written. */
    private final boolean readOnly;
    /** The seal found at a read-only open, or the reason it could not be read. */
    private Seal sealAtOpen;
    private DamagedRecordsException sealUnreadable;
    /** Work to run at the end of the transaction on a connection, while it holds the commit counter (audit entries). */
    private final Map<Connection, List<SqlWork<?>>> atCommit = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The tables the seal counts and the statement that counts them, rebuilt when the tables change. */
    private volatile SealQuery sealQuery = new SealQuery(List.of(), null);
    private final Sealer sealer;
    /** A joined PC's link to the clinic server (the records are there, not in {@link #folder}); null when embedded. */
    private final ClinicLink link;
    private volatile boolean serving;

    private Database(Path folder, String fileSystem, FolderLock lock, boolean readOnly, Durability durability) {
        this.folder = folder;
        this.fileSystem = fileSystem;
        this.url = readOnly ? ReadOnlyFiles.url(folder, fileSystem) : url(folder, fileSystem);
        this.lock = lock;
        this.flushEachCommit = durability == Durability.FLUSHED;
        this.readOnly = readOnly;
        this.sealer = readOnly ? null : new Sealer(folder, this::stateIfOpen, flushEachCommit, this::quiet);
        this.link = null;
    }

    /** A joined PC's connection to the clinic server's records ({@link #connect}). */
    private Database(Path folder, ClinicLink link) {
        this.folder = folder;
        this.fileSystem = null;
        this.url = link.url();
        this.lock = null;
        this.flushEachCommit = true;
        this.readOnly = false;
        this.sealer = null;
        this.link = link;
    }

    private record SealQuery(List<String> tables, String sql) {
    }

    /** Opens (creating if needed) and migrates the database in {@code folder}. */
    public static Database open(Path folder) {
        return open(folder, Durability.FLUSHED);
    }

    /** Opens (creating if needed) and migrates the database in {@code folder}, its commits as durable as {@code durability} says. */
    public static Database open(Path folder, Durability durability) {
        return open(folder, "file:", false, durability);
    }

    /** Opens through an H2 file system prefix ("file:", or a test's simulated disk). */
    static Database open(Path folder, String fileSystem) {
        return open(folder, fileSystem, false, Durability.FLUSHED);
    }

    /**
     * Opens records that were refused ({@link DamagedRecordsException}) as they are, once an admin has
     * accepted them (the caller checks who and audits it): the counter is moved past the old seal, so
     * an even older copy is still refused, and the seal is written anew. A database file that cannot
     * be read still fails.
     */
    public static Database openAcceptingOlder(Path folder) {
        return open(folder, "file:", true, Durability.FLUSHED);
    }

    private static Database open(Path folder, String fileSystem, boolean acceptOlder, Durability durability) {
        DataFolder.prepare(folder);
        FolderLock lock = FolderLock.acquire(folder);
        Database db = new Database(folder, fileSystem, lock, false, durability);
        try {
            long sealed = Seal.NO_COUNTER;
            if (acceptOlder) {
                try {
                    sealed = Seal.read(folder).map(Seal::counter).orElse(Seal.NO_COUNTER);
                } catch (DamagedRecordsException unreadable) {
                    // replaced below
                }
            } else {
                db.verifySeal();
            }
            db.openPool();
            db.bumpBeforeMigrating();
            if (db.migrate() > 0) {
                db.tx(c -> null); // the migrations are counted by a commit of their own
            }
            if (acceptOlder) {
                db.continueAfter(sealed);
            }
            db.sealer.start(acceptOlder ? Seal.NO_COUNTER : db.sealedCounter());
            db.sealNow();
        } catch (RuntimeException e) {
            db.disposeQuietly();
            lock.close();
            throw e;
        }
        return db;
    }

    /**
     * Opens the database only to read it, as it is: no migration, no seal written, every transaction
     * refused, the file not touched (H2 opens it read-only). For {@code check} on records that were
     * refused, and for looking at who may accept them. Takes the folder's lock like {@link #open}.
     */
    public static Database openReadOnly(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new StoreException("The data folder " + folder + " does not exist.");
        }
        FolderLock lock = FolderLock.acquire(folder);
        Database db = new Database(folder, "file:", lock, true, Durability.FLUSHED);
        try {
            try {
                db.sealAtOpen = Seal.read(folder).orElse(null);
            } catch (DamagedRecordsException e) {
                db.sealUnreadable = e;
            }
            if (!Files.exists(folder.resolve(DB_FILE))) {
                throw db.sealAtOpen != null ? DamagedRecordsException.missing(folder, db.sealAtOpen)
                        : new StoreException("There is no database in " + folder + ".");
            }
            db.openPool();
            db.flyway = Flyway.configure().dataSource(db.pool).locations("classpath:db/migration").load();
        } catch (RuntimeException e) {
            db.disposeQuietly();
            ReadOnlyFiles.release(folder);
            lock.close();
            throw e;
        }
        return db;
    }

    /**
     * Reads the database in {@code folder} as it is: read-only, nothing written, its files let go if
     * it cannot be opened. The caller holds the folder's lock (a restore reading what it keeps).
     */
    public static <T> T readAsItIs(Path folder, SqlWork<T> work) throws SQLException {
        try (Connection c = owner(ReadOnlyFiles.url(folder, "file:"), folder, false)) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            ReadOnlyFiles.release(folder);
            throw e;
        }
    }

    /**
     * Before anything is written: the database, read read-only, must not be behind its seal.
     * No seal yet (a new folder, or the first start of a version with seals) is fine: it is sealed
     * once open.
     */
    private void verifySeal() {
        Optional<Seal> seal = Seal.read(folder);
        if (seal.isEmpty()) {
            return;
        }
        if (!Files.exists(folder.resolve(DB_FILE))) {
            throw DamagedRecordsException.missing(folder, seal.get());
        }
        Seal found;
        try (Connection c = owner(ReadOnlyFiles.url(folder, fileSystem), folder, false)) {
            found = Seal.of(c, Instant.now());
        } catch (SQLException e) {
            ReadOnlyFiles.release(folder);
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                throw FolderLock.alreadyOpen(folder, e);
            }
            throw DamagedRecordsException.unreadable(folder, seal.get(), firstLine(rootMessage(e)), e);
        }
        if (seal.get().refuses(found)) {
            throw DamagedRecordsException.wentBack(folder, seal.get(), found);
        }
    }

    private long sealedCounter() {
        try {
            return Seal.read(folder).map(Seal::counter).orElse(Seal.NO_COUNTER);
        } catch (DamagedRecordsException e) {
            return Seal.NO_COUNTER;
        }
    }

    /**
     * A database that is about to be migrated counts a transaction first: should the migration be
     * cut short, the database is then ahead of its seal (fine), never changed at the same count.
     */
    private void bumpBeforeMigrating() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            if (Seal.tables(c).contains("COMMIT_SEAL")) {
                st.executeUpdate("UPDATE commit_seal SET counter = counter + 1 WHERE id = 1");
                if (flushEachCommit) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void disposeQuietly() {
        ConnectionPool p = pool;
        pool = null;
        if (p != null) {
            p.dispose();
        }
        if (sealer != null) {
            sealer.stop();
        }
    }

    public static String url(Path folder, String fileSystem) {
        return "jdbc:h2:" + fileSystem + folder.resolve(DB_NAME).toAbsolutePath() + OPTIONS;
    }

    /** H2's defaults, for a temporary database loaded in one go (a restore's): faster, and nothing in it counts until it is closed cleanly. */
    public static String bulkUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(DB_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * A connection as the database's owner: with the folder's secret once it has one
     * ({@link OwnerSecret}), else with no password. A secret written just before the database was
     * told of it (the server stopped between the two) is set now when {@code settle} is true.
     */
    static Connection owner(String url, Path folder, boolean settle) throws SQLException {
        String secret = OwnerSecret.password(folder);
        try {
            return DriverManager.getConnection(url, OwnerSecret.USER, secret);
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_WRONG_PASSWORD || secret.isEmpty()) {
                throw e;
            }
            Connection c = DriverManager.getConnection(url, OwnerSecret.USER, "");
            if (settle) {
                setOwnerPassword(c, secret);
            }
            return c;
        }
    }

    private static void setOwnerPassword(Connection c, String secret) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER USER " + OwnerSecret.USER + " SET PASSWORD '" + secret.replace("'", "''") + "'");
        }
    }

    /**
     * Gives the owner account a password of its own (once; see {@link OwnerSecret}) before the
     * records are served on the network. Returns nothing; the pool reconnects with the secret.
     */
    public void secureOwner() {
        requireEmbedded("secure the owner account");
        String secret = OwnerSecret.ensure(folder);
        gate.writeLock().lock();
        try {
            try (Connection c = owner(url, folder, true)) {
                setOwnerPassword(c, secret); // idempotent: the same secret
            } catch (SQLException e) {
                throw translate(e);
            }
            ConnectionPool old = pool;
            ConnectionPool p = new ConnectionPool(url, OwnerSecret.USER, secret, "the database");
            pool = p;
            flyway = Flyway.configure().dataSource(p).locations("classpath:db/migration").load();
            if (old != null) {
                old.dispose();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Connects a joined PC to the clinic's records on the clinic server (see {@link ClinicLink}),
     * over TLS to the pinned certificate, as this PC's own database account. Nothing is migrated
     * here (the server does that); a server of another version of Needlepoint is refused naming both.
     */
    public static Database connect(Path folder, ClinicLink link) {
        PinnedTls.pin(link.host(), link.port(), link.fingerprint());
        Database db = new Database(folder, link);
        ConnectionPool p = new ConnectionPool(db.url, link.user(), link.password(), "the clinic server");
        try (Connection c = p.getConnection()) {
            ServerInfo.requireSameVersion(c, link);
        } catch (SQLException e) {
            p.dispose();
            throw ServerUnreachableException.atConnect(link, e);
        } catch (RuntimeException e) {
            p.dispose();
            throw e;
        }
        db.remote = p;
        db.flyway = Flyway.configure().dataSource(p).locations("classpath:db/migration").load();
        return db;
    }

    /**
     * The clinic server's part, in its own process: records the version it runs (joined PCs of
     * another version are refused) and lets joined PCs have their commits flushed and sealed here
     * ({@link ServerFlush}).
     */
    public void startServing(String fingerprint, Instant at) {
        requireEmbedded("serve the records");
        adminWork(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE ALIAS IF NOT EXISTS " + ServerFlush.ALIAS + " FOR '" + ServerFlush.class.getName()
                        + ".flush'");
            }
            return null;
        });
        tx(c -> {
            ServerInfo.record(c, AppVersion.current(), fingerprint, at);
            return null;
        });
        ServerFlush.serve(this);
        serving = true;
    }

    /** True while the clinic server serves these records: compacting would close every PC's connection. */
    public boolean isServing() {
        return serving;
    }

    /**
     * Runs statements that change accounts, rights or functions, never rows (users, roles, grants,
     * aliases), as the owner, outside {@link #tx}: H2 commits the open transaction before such a
     * statement, which would split a transaction from its commit count. Only on the records' own PC.
     */
    public <T> T adminWork(SqlWork<T> work) {
        requireEmbedded("change the clinic's database accounts");
        return withConnection(c -> {
            c.setAutoCommit(true);
            return work.run(c);
        });
    }

    /** The server stops taking joined PCs' flushes (it is closing). */
    public void stopServing() {
        serving = false;
        ServerFlush.stop(this);
    }

    /** A joined PC committed: on the disk before its save returns, and sealed (see {@link ServerFlush}). */
    void flushForClient() {
        long counter = withConnection(c -> {
            long n;
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT counter FROM commit_seal WHERE id = 1")) {
                    n = rs.next() ? rs.getLong(1) : Seal.NO_COUNTER;
                }
                st.execute("CHECKPOINT SYNC"); // every commit counted up to n is now on the disk
            }
            return n;
        });
        if (sealer != null && counter != Seal.NO_COUNTER) {
            sealer.durable(counter);
        }
    }

    /** The records of {@code folder}: on the clinic server when the folder is a joined PC's ({@link ClinicLink}), else embedded. */
    public static Database openFolder(Path folder) {
        Optional<ClinicLink> joined = ClinicLink.read(folder);
        if (joined.isPresent()) {
            return connect(folder, joined.get());
        }
        try {
            return open(folder);
        } catch (AlreadyOpenException busy) {
            // on the server's own PC, while it serves: through the server, like every other PC
            Optional<ClinicLink> local = FolderLock.isServed(folder) ? ClinicLink.readServerPc(folder) : Optional.empty();
            if (local.isEmpty()) {
                throw busy;
            }
            return connect(folder, local.get());
        }
    }

    /** The link to the clinic server when this is a joined PC's connection, else empty (embedded records). */
    public Optional<ClinicLink> link() {
        return Optional.ofNullable(link);
    }

    /** True when the records are on a clinic server (this PC joined it). */
    public boolean isRemote() {
        return link != null;
    }

    private void requireEmbedded(String what) {
        if (link != null) {
            throw new StoreException("Only the clinic server can " + what + " (the records are on " + link.address()
                    + "); do it on that PC.");
        }
    }

    /** Opens the pool, checks the database opens, and migrates it. */
    private void connect() {
        openPool();
        migrate();
    }

    /** Opens the pool and checks the database opens. */
    private void openPool() {
        if (!readOnly) {
            DataFolder.checkDatabaseFile(folder);
        }
        ConnectionPool p = null;
        try (Connection probe = owner(url, folder, !readOnly)) {
            probe.isValid(1);
            p = new ConnectionPool(url, OwnerSecret.USER, OwnerSecret.password(folder), "the database");
            try (Connection c = p.getConnection()) {
                c.isValid(1);
            }
        } catch (SQLException e) {
            if (p != null) {
                p.dispose();
            }
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                throw FolderLock.alreadyOpen(folder, e);
            }
            String full = diskFull(e);
            if (full != null) {
                throw new StoreException(full, e);
            }
            if (e.getErrorCode() == H2_FILE_CORRUPTED || readOnly) {
                Seal seal = sealAtOpen;
                throw DamagedRecordsException.unreadable(folder, seal, firstLine(rootMessage(e)), e);
            }
            throw new StoreException("Cannot open the database in " + folder + ": " + firstLine(e.getMessage()), e);
        }
        pool = p;
    }

    /** Brings the database up to date; returns the number of migrations applied. */
    private int migrate() {
        ConnectionPool p = pool;
        Flyway f = Flyway.configure()
                .dataSource(p)
                .locations("classpath:db/migration")
                .load();
        int applied;
        try {
            MigrateResult result = f.migrate();
            applied = result.migrationsExecuted;
            try (Connection c = p.getConnection(); Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        } catch (FlywayException | SQLException e) {
            pool = null;
            p.dispose();
            String full = diskFull(e);
            throw new StoreException(full != null ? full
                    : "The database in " + folder + " could not be brought up to date: " + e.getMessage(), e);
        }
        flyway = f;
        broken = false;
        return applied;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code work} in one transaction: all of it is saved, or none of it. When it returns,
     * the transaction is on the disk. At its end the transaction raises the commit counter (waiting
     * for any other transaction that holds it) and runs what {@link #atCommit} deferred; once the
     * commit is on the disk, the sealer's thread writes the seal beside the database.
     */
    public <T> T tx(SqlWork<T> work) {
        if (readOnly) {
            throw new StoreException("The records in " + folder + " are open only to be looked at: nothing can be saved.");
        }
        T result = commit(work, true);
        if (commits.incrementAndGet() % COMPACT_CHECK_EVERY == 0 && !bulk && link == null) {
            // the file grows with every save; an app left running for days is kept in check here, later
            // than at the quiet moments (close, after a backup) as saves wait while it runs
            compactIfLive(25);
        }
        return result;
    }

    /**
     * A joined PC's transaction that is one call to a function of the clinic server, in one round trip: the function
     * runs the transaction's body there through {@link #asCallersTransaction} (the commit counted, the audit rows
     * written), and {@code call} runs the statement that calls it with {@code thenCommit} appended, so the same
     * statement then commits and has the server flush the commit to its disk before it returns, as {@link #tx} does.
     * A refusal thrown by the function stops the statement before its commit: nothing is saved.
     */
    public <T> T txOnServer(ServerCall<T> call) {
        if (link == null) {
            throw new IllegalStateException("only a joined PC's transaction runs on the clinic server");
        }
        return commit(c -> call.run(c, "; " + COMMIT_AND_FLUSH), false);
    }

    /** {@link #txOnServer}'s work: the statement calling the server's function, with {@code thenCommit} appended. */
    @FunctionalInterface
    public interface ServerCall<T> {
        T run(Connection c, String thenCommit) throws SQLException;
    }

    /**
     * On the clinic server, in a function a joined PC called inside its transaction ({@link #txOnServer}): runs
     * {@code work} on the PC's connection {@code c} (the PC's rights apply) and ends it as {@link #tx} ends a
     * transaction: the commit counter raised, the change feed numbered and the deferred work ({@link #atCommit}: the
     * audit rows) run. The PC commits.
     */
    public <T> T asCallersTransaction(Connection c, SqlWork<T> work) throws SQLException {
        List<SqlWork<?>> deferred = new ArrayList<>();
        atCommit.put(c, deferred);
        try {
            T result = work.run(c);
            countCommit(c, deferred);
            return result;
        } finally {
            atCommit.remove(c);
        }
    }

    /** {@code here}: the transaction is counted and committed here, not by a statement {@code work} ran (txOnServer). */
    private <T> T commit(SqlWork<T> work, boolean here) {
        try {
            return commitOnce(work, here);
        } catch (ServerUnreachableException e) {
            throw e.whileSaving();
        }
    }

    private <T> T commitOnce(SqlWork<T> work, boolean here) {
        long[] counted = new long[1];
        boolean loading = bulk;
        boolean sync = flushEachCommit && !loading;
        T done = withConnection(true, c -> {
            c.setAutoCommit(false);
            List<SqlWork<?>> deferred = new ArrayList<>();
            atCommit.put(c, deferred);
            T result;
            try {
                result = work.run(c);
                // not here: the statement work ran has committed it and had it flushed, the server counting it
                if (here) {
                    counted[0] = countCommit(c, deferred);
                    if (sync && link != null) {
                        // a joined PC may not checkpoint: the server flushes for it (ServerFlush) before this returns,
                        // asked in the statement that commits (one round trip). Prepared, as every statement of a save:
                        // a joined PC prepares each SQL once (ConnectionPool), not once per save
                        try (PreparedStatement ps = c.prepareStatement(COMMIT_AND_FLUSH)) {
                            ps.execute();
                        }
                    } else {
                        c.commit();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                atCommit.remove(c);
            }
            if (sync && link == null) {
                try (PreparedStatement ps = c.prepareStatement("CHECKPOINT SYNC")) {
                    ps.execute();
                }
            }
            return result;
        });
        if (!loading && sealer != null) {
            // this commit, and every one before it, is on the disk (FLUSHED) or with the operating system (WRITTEN)
            sealer.durable(counted[0]);
        }
        return done;
    }

    /**
     * The end of a transaction: raises the counter (the row stays locked until the commit, so
     * transactions pass here one at a time, and nothing else is locked after it: no deadlock), runs
     * the deferred work and numbers the transaction's change-feed rows. Returns the transaction's number.
     */
    private long countCommit(Connection c, List<SqlWork<?>> deferred) throws SQLException {
        long counter;
        // one statement to the database (a round trip to the clinic server): the counter raised, and this
        // transaction's changes in the feed numbered with it, in commit order
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT counter FROM FINAL TABLE (UPDATE commit_seal SET counter = counter + 1 WHERE id = 1); "
                        + ChangeFeed.STAMP);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            counter = rs.getLong(1);
        }
        for (int i = 0; i < deferred.size(); i++) {
            deferred.get(i).run(c);
        }
        return counter;
    }

    /**
     * Whether no other session holds uncommitted changes, for the sealer's thread: H2 counts a table's rows
     * from the table's own size only while no transaction has uncommitted changes; while one has, COUNT(*) reads
     * every row (measured on 100,000 patients and 200,000 appointments: the seal's counts took 2.4-4.9 s instead
     * of 5 ms, a core and the page cache taken from the saves going on meanwhile). True when it cannot tell.
     */
    private boolean quiet() {
        if (!gate.readLock().tryLock()) {
            return true;
        }
        try {
            ConnectionPool p = pool;
            if (p == null || closed) {
                return true;
            }
            try (Connection c = p.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED"
                            + " AND SESSION_ID <> SESSION_ID()")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot tell whether the records are quiet", e);
            return true;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** The seal of the records as they are, for the sealer's thread: null while they are closed, compacted or swapped. */
    private Seal stateIfOpen() {
        if (!gate.readLock().tryLock()) {
            return null;
        }
        try {
            ConnectionPool p = pool;
            if (p == null || closed) {
                return null;
            }
            try (Connection c = p.getConnection()) {
                return state(c);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "No seal now", e);
            return null;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** The seal of the database as {@code c} sees it. */
    private Seal state(Connection c) throws SQLException {
        List<String> tables = Seal.tables(c);
        SealQuery q = sealQuery;
        if (!q.tables().equals(tables)) {
            q = new SealQuery(tables, Seal.countSql(tables));
            sealQuery = q;
        }
        return Seal.of(c, tables, q.sql(), Instant.now());
    }

    /**
     * Runs {@code work} at the end of the transaction on {@code c}, after the rest of it and while it
     * holds the commit counter, so no other transaction runs its own at the same time: the audit log
     * numbers its entries there without gaps. Outside a transaction of {@link #tx} it runs at once. The
     * transaction's changes are numbered in the change feed before it runs: {@code work} writes no table the feed
     * follows (the audit log is not one).
     */
    public void atCommit(Connection c, SqlWork<?> work) throws SQLException {
        List<SqlWork<?>> deferred = atCommit.get(c);
        if (deferred == null) {
            work.run(c);
        } else {
            deferred.add(work);
        }
    }

    /**
     * Moves the commit counter past {@code counter} (nothing when it is past already): records taken
     * in place of others (a restore, older records accepted) continue from their seal, so a copy of
     * the ones they replaced is still refused as older afterwards.
     */
    public void continueAfter(long counter) {
        if (counter == Seal.NO_COUNTER) {
            return;
        }
        tx(c -> {
            try (var ps = c.prepareStatement("UPDATE commit_seal SET counter = ? WHERE id = 1 AND counter < ?")) {
                ps.setLong(1, counter);
                ps.setLong(2, counter);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Writes the seal of the database as it is now (at open, after bulk loading, at close). */
    private void sealNow() {
        if (sealer == null) {
            return;
        }
        Seal now = read(this::state);
        sealer.flush();
        sealer.write(now);
    }

    /**
     * What is wrong with the records against their seal, one line each ("seal: ..."); empty when
     * they match it or are ahead of it, or when there is no seal. For {@code check}.
     */
    public List<String> sealProblems() {
        List<String> problems = new ArrayList<>();
        if (link != null) {
            return problems; // the seal is the server's: `check` on the server PC compares it
        }
        Seal seal;
        if (readOnly) {
            if (sealUnreadable != null) {
                sealUnreadable.details().forEach(d -> problems.add("seal: " + d));
                return problems;
            }
            seal = sealAtOpen;
        } else {
            try {
                seal = Seal.read(folder).orElse(null); // before the records: a seal is written only after its commit
            } catch (DamagedRecordsException e) {
                e.details().forEach(d -> problems.add("seal: " + d));
                return problems;
            }
        }
        if (seal == null) {
            return problems;
        }
        Seal found = read(this::state);
        if (seal.refuses(found)) {
            problems.add("seal: the records are " + (seal.compare(found) == Seal.Verdict.BEHIND ? "older than" : "not those of")
                    + " their seal of " + seal.at() + "; the file may be damaged or was replaced");
            seal.differences(found).forEach(d -> problems.add("seal: " + d));
        }
        return problems;
    }

    /** Waits until the seal of every commit so far is written (tests, and whoever copies the folder). */
    public void flushSeal() {
        if (sealer != null) {
            sealer.flush();
        }
    }

    /** The seal of the records as they are now, read in one statement. */
    public Seal seal() {
        return read(this::state);
    }

    /** Counts the seal's tables on a connection the caller holds (a backup's snapshot). */
    public static Seal seal(Connection c, Instant at) throws SQLException {
        return Seal.of(c, at);
    }

    /**
     * Writes the seal after commits, on a thread of its own so a save does not wait for the counts or
     * the seal's flush. A committing thread says which transaction is now on the disk (its
     * {@code CHECKPOINT SYNC} flushed it and every one before it); the thread then reads the counter and
     * every count in one statement and writes them, unless they already include a later transaction
     * not yet flushed (that one's own signal follows). Several commits in quick succession leave one
     * write (see {@link #GAP_NANOS}); a seal older than the last written is never written.
     */
    private static final class Sealer {
        /**
         * At most one seal per 0.2 s: a seal costs a flush of its own, which a save right after it waits
         * behind (measured on chart saves back to back: p95 5-15 ms above no seal when the tables were still
         * counted in the saving transaction and a seal followed every save);
         * a save after a quiet moment is sealed at once, a burst of saves once it pauses or every 0.2 s.
         */
        static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
        /**
         * While another transaction holds uncommitted changes the counts would read every row of the big tables
         * ({@link Database#quiet}): the seal waits for a quiet moment, looking again every {@link #QUIET_RETRY_NANOS},
         * for at most this long, then counts anyway (a seal is never put off for good).
         */
        static final long QUIET_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
        static final long QUIET_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
        private final Path folder;
        private final java.util.function.Supplier<Seal> reader;
        /** Each seal flushed to the disk before it replaces the last ({@link Durability#FLUSHED}). */
        private final boolean flush;
        private final java.util.function.BooleanSupplier quiet;
        /** When the pending seal first found another transaction writing (System.nanoTime); 0: it has not. */
        private long waitingSince;
        private final Object lock = new Object();
        private final Object writing = new Object();
        private java.util.concurrent.ScheduledExecutorService thread;
        /** When the last seal was written (System.nanoTime); seals in a burst of saves wait for {@link #GAP_NANOS}. */
        private volatile long lastWrite = System.nanoTime() - GAP_NANOS;
        private long durable = Seal.NO_COUNTER;
        private boolean busy;
        private boolean again;
        private long written = Seal.NO_COUNTER;

        Sealer(Path folder, java.util.function.Supplier<Seal> reader, boolean flush,
               java.util.function.BooleanSupplier quiet) {
            this.folder = folder;
            this.reader = reader;
            this.flush = flush;
            this.quiet = quiet;
        }

        /** Starts after the open; {@code sealed} is the counter of the seal on the disk. */
        void start(long sealed) {
            synchronized (lock) {
                written = sealed;
                if (thread == null) {
                    var t = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
                        Thread th = new Thread(r, "needlepoint-seal");
                        th.setDaemon(true);
                        return th;
                    });
                    t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // see finish
                    thread = t;
                }
            }
        }

        /** Transaction {@code counter} and every one before it are on the disk. */
        void durable(long counter) {
            synchronized (lock) {
                if (thread == null) {
                    return; // still opening: the open seals at its end
                }
                durable = Math.max(durable, counter);
                if (busy) {
                    again = true;
                } else {
                    busy = true;
                    long wait = lastWrite + GAP_NANOS - System.nanoTime();
                    thread.schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
                }
            }
        }

        private void drain() {
            if (!quiet.getAsBoolean()) {
                long now = System.nanoTime();
                synchronized (lock) {
                    if (waitingSince == 0) {
                        waitingSince = now;
                    }
                    if (now - waitingSince < QUIET_WAIT_NANOS && thread != null && !thread.isShutdown()) {
                        thread.schedule(this::drain, QUIET_RETRY_NANOS, TimeUnit.NANOSECONDS);
                        return;
                    }
                }
            }
            long upTo;
            synchronized (lock) {
                waitingSince = 0;
                again = false;
                upTo = durable;
            }
            Seal s = reader.get();
            if (s != null && s.counter() <= upTo) {
                write(s);
            }
            synchronized (lock) {
                if (again && thread != null) {
                    long wait = lastWrite + GAP_NANOS - System.nanoTime();
                    thread.schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
                } else {
                    busy = false;
                    lock.notifyAll();
                }
            }
        }

        /** Writes {@code s} unless a seal at least as late is on the disk; a failure is logged, and the next commit tries again. */
        void write(Seal s) {
            synchronized (writing) {
                if (s.counter() <= written) {
                    return;
                }
                try {
                    s.write(folder, flush);
                    written = s.counter();
                    lastWrite = System.nanoTime();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "The seal of the records in " + folder + " could not be written: " + e, e);
                }
            }
        }

        /** Waits until every signalled commit's seal is written (or found not to need writing). */
        void flush() {
            synchronized (lock) {
                while (busy) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /**
         * At closing, with {@code last}, the seal of the records as the shutdown leaves them: a seal still
         * waiting out its {@link #GAP_NANOS} is dropped rather than waited for (it is older than {@code last}),
         * one being written finishes first, then {@code last} is written and the thread ends. Without
         * {@code last} (it could not be read) every signalled seal is written first, as {@link #stop}.
         */
        void finish(Seal last) {
            if (last == null) {
                stop();
                return;
            }
            java.util.concurrent.ScheduledExecutorService t;
            synchronized (lock) {
                t = thread;
                thread = null; // a drain running now schedules no other, and commits signal nothing more
            }
            if (t != null) {
                t.shutdown(); // drops the delayed drain (the policy set in start)
                try {
                    t.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (lock) {
                busy = false;
                lock.notifyAll();
            }
            write(last);
        }

        /** After the files were replaced (a restore): the seal on the disk is theirs. */
        void reset(long sealed) {
            synchronized (writing) {
                written = sealed;
            }
        }

        void stop() {
            flush();
            synchronized (lock) {
                if (thread != null) {
                    thread.shutdown();
                    try {
                        thread.awaitTermination(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    thread = null;
                }
            }
        }
    }

    /**
     * For tools that write many thousands of rows in one go (seed-demo, bench's seeding): while on,
     * H2 gathers commits and writes them every half second ({@code WRITE_DELAY 500}, H2's default),
     * and nothing is flushed to the disk each time, so a crash could lose the last half second;
     * turning it off writes and flushes everything at once, and compacts the file if needed (not
     * done every 1,000 commits while loading). The app never turns it on.
     */
    public void bulkLoad(boolean on) {
        if (link != null) {
            return; // the server's settings are the server's: a joined PC loads transaction by transaction
        }
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
            sealNow(); // no seal is written while loading: nothing was on the disk for sure
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
        return withConnection(false, work);
    }

    /** {@code transaction}: the work turns auto-commit off (a joined PC then gets a connection left that way). */
    private <T> T withConnection(boolean transaction, SqlWork<T> work) {
        reconnectIfBroken();
        gate.readLock().lock();
        try {
            ConnectionPool p = link == null ? pool() : remote();
            try (Connection c = transaction ? p.forTransaction() : p.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            gate.readLock().unlock();
        }
    }

    private ConnectionPool remote() {
        ConnectionPool p = remote;
        if (p == null) {
            throw new StoreException("The connection to the clinic server at " + link.address() + " is closed.");
        }
        return p;
    }

    private ConnectionPool pool() {
        ConnectionPool p = pool;
        if (p == null) {
            throw new StoreException("The database in " + folder + " is closed.");
        }
        return p;
    }

    /** After H2 closed the database (a failed write), opens it again before the next transaction. */
    private void reconnectIfBroken() {
        if (!broken || readOnly || gate.getReadHoldCount() > 0) {
            return;
        }
        gate.writeLock().lock();
        try {
            if (broken && link != null && remote != null) {
                // the server went away: a new pool connects again on the next use (and fails fast while it is away)
                ConnectionPool p = new ConnectionPool(url, link.user(), link.password(), "the clinic server");
                remote.dispose();
                remote = p;
                broken = false;
            } else if (broken && pool != null) {
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
        requireEmbedded("restore a backup");
        gate.writeLock().lock();
        try {
            shutdown("SHUTDOWN");
            sealer.flush(); // no seal of the old records may land after the swap
            RuntimeException failure = null;
            try {
                swap.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            connect();
            sealer.reset(sealedCounter()); // the restored records came with their own seal
            sealNow();
            if (failure != null) {
                throw failure;
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    StoreException translate(SQLException e) {
        if (link != null) {
            if (ServerUnreachableException.isConnectionLost(e)) {
                broken = true;
                return ServerUnreachableException.lost(link, e);
            }
            if (ServerUnreachableException.isRefusal(e)) {
                broken = true;
                return ServerUnreachableException.atConnect(link, e);
            }
            String msg = e.getMessage() == null ? "" : e.getMessage();
            return new StoreException("The clinic server reported a problem: " + firstLine(msg), e);
        }
        String full = diskFull(e);
        if (full != null) {
            broken = true;
            return new StoreException(full, e);
        }
        int code = e.getErrorCode();
        if (readOnly) {
            return new StoreException("The records in " + folder + " could not be read: " + firstLine(rootMessage(e)), e);
        }
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
        close(!readOnly && link == null && wasteful() ? "SHUTDOWN COMPACT" : "SHUTDOWN");
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
        if (gate.getReadHoldCount() > 0 || link != null) {
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
            Seal last = null;
            if (!readOnly && link == null && pool != null) {
                try (Connection c = pool.getConnection()) {
                    last = state(c); // what the shutdown leaves: written once it is on the disk
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.FINE, "No seal at closing", e);
                }
            }
            shutdown(shutdown);
            if (readOnly) {
                ReadOnlyFiles.release(folder);
            }
            if (sealer != null) {
                sealer.finish(last);
            }
            if (lock != null) {
                lock.close();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    private void shutdown(String shutdown) {
        if (link != null) {
            ConnectionPool r = remote;
            if (r != null) {
                r.dispose(); // the server's records stay open on the server
                remote = null;
            }
            return;
        }
        ConnectionPool p = pool;
        if (p == null) {
            return;
        }
        // A connection of its own keeps the database open while the pool's idle ones close (closing a
        // pooled one after SHUTDOWN would log a needless error)
        try (Connection c = owner(url, folder, false); Statement st = c.createStatement()) {
            p.dispose();
            st.execute(shutdown);
        } catch (SQLException ignored) {
            p.dispose(); // already closed
        }
        pool = null;
    }
}
