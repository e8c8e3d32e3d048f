package org.needlepoint.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.needlepoint.common.Changes;

/**
 * What changed in the clinic's records, on this PC or any other that shares them, in the order the
 * changes were committed: the screens that list shared records follow it and refresh by themselves.
 *
 * <p>Writing: every records table has a trigger ({@link ChangeFeedTrigger}, V11; a few child tables are
 * followed through their parent, {@link #FOLLOWED_THROUGH}) that notes the table's topic in {@code change_feed} once per transaction, in the transaction; at its end
 * {@link Database#tx} gives the transaction's rows its commit counter ({@link #stamp}) while it holds
 * the counter's row, so transactions are numbered one at a time, in the order they commit. A
 * rolled-back transaction leaves nothing.
 *
 * <p>Reading: one daemon thread ({@link #start}) looks every {@link #interval} for rows numbered
 * after the last it saw (the first look starts at the records as they are: history is not replayed),
 * and calls each subscription whose topics changed once per look ({@link #subscribe}), off the FX
 * thread. When a look fails (the database closed, the clinic server out of reach) {@link #onReachable}
 * hears false, and true once a look works again; every subscription is then called, as everything
 * may have changed meanwhile. Rows older than {@link #KEEP} are deleted now and then by whichever PC
 * looks.
 */
public final class ChangeFeed implements Changes, AutoCloseable {
    /** Patients and their search rows. */
    public static final String PATIENT = "patient";
    /** Visits, their points, screening and addenda, and chart patterns. */
    public static final String CHART = "chart";
    /** Follow-up tasks, call attempts, rules and patients' phoned-in reports. */
    public static final String FOLLOWUP = "followup";
    /** Adverse events and their points. */
    public static final String ADVERSE_EVENT = "adverse_event";
    /** Lots, receipts, the stock ledger and reconstituted vials. */
    public static final String STOCK = "stock";
    /** Recall notices (one per patient of a recalled lot). */
    public static final String RECALL = "recall";
    /** The product catalogue and its GTINs. */
    public static final String PRODUCT = "product";
    /** Staff accounts. */
    public static final String USER = "user";
    /** The clinic's profile and settings. */
    public static final String CLINIC = "clinic";
    /** Backup settings and the backup log. */
    public static final String BACKUP = "backup";
    /** The clinic server and its joined PCs (Admin ▸ Clinic server). */
    public static final String PCS = "pcs";
    /** The appointment book: appointments, their products, status log and confirmation calls, rooms and hours. */
    public static final String APPOINTMENT = "appointment";
    /** Consent texts (every version) and the consents patients signed. */
    public static final String CONSENT = "consent";
    /** Clinical photos: the photos, their marked pupils and their removals. */
    public static final String PHOTO = "photo";

    /** Each records table's topic; V11 puts a trigger on every one of them. */
    static final Map<String, String> TABLE_TOPICS = Map.ofEntries(
            Map.entry("patient", PATIENT),
            Map.entry("visit", CHART), Map.entry("addendum", CHART),
            Map.entry("chart_pattern", CHART), Map.entry("chart_pattern_point", CHART),
            Map.entry("followup_task", FOLLOWUP), Map.entry("followup_attempt", FOLLOWUP),
            Map.entry("followup_rule", FOLLOWUP), Map.entry("patient_report", FOLLOWUP),
            Map.entry("adverse_event", ADVERSE_EVENT), Map.entry("adverse_event_point", ADVERSE_EVENT),
            Map.entry("lot", STOCK), Map.entry("receipt", STOCK), Map.entry("stock_ledger", STOCK), Map.entry("vial", STOCK),
            Map.entry("vial_override", STOCK),
            Map.entry("recall_notice", RECALL),
            Map.entry("product", PRODUCT), Map.entry("product_gtin", PRODUCT),
            Map.entry("app_user", USER),
            Map.entry("clinic", CLINIC), Map.entry("setting", CLINIC),
            Map.entry("backup_config", BACKUP), Map.entry("backup_run", BACKUP), Map.entry("backup_request", BACKUP),
            Map.entry("clinic_server", PCS), Map.entry("joined_pc", PCS), Map.entry("join_code", PCS),
            Map.entry("room", APPOINTMENT), Map.entry("opening_hours", APPOINTMENT), Map.entry("injector_hours", APPOINTMENT),
            Map.entry("appointment", APPOINTMENT), Map.entry("appointment_product", APPOINTMENT),
            Map.entry("appointment_status_log", APPOINTMENT), Map.entry("appointment_call", APPOINTMENT),
            Map.entry("consent_text", CONSENT), Map.entry("signed_consent", CONSENT),
            Map.entry("photo", PHOTO), Map.entry("photo_pupils", PHOTO), Map.entry("photo_removal", PHOTO));
    /**
     * Tables followed through their parent, which every change of theirs updates in the same transaction (its
     * version, for optimistic locking): a chart save writes some 80 of their rows, one statement each, and a trigger
     * on them cost about 0.4 ms of CPU per 60-point chart save (measured) for nothing.
     */
    static final Map<String, String> FOLLOWED_THROUGH = Map.of("injection_point", "visit", "visit_screening", "visit",
            "patient_search_key", "patient", "patient_search_prefix", "patient", "photo_blob", "photo");
    /** Tables with no feed: the audit log (every save writes it), the counter, the feed itself, Flyway's history. */
    static final Set<String> NOT_FOLLOWED = Set.of("audit_log", "commit_seal", "change_feed", "flyway_schema_history");

    /** How long rows are kept: a PC that cannot look for longer refreshes everything when it can again. */
    static final Duration KEEP = Duration.ofMinutes(10);
    /** How often a PC deletes the rows older than {@link #KEEP}. */
    static final Duration PRUNE_EVERY = Duration.ofMinutes(3);

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    /** One change: a transaction (its commit counter) changed records of {@code topic}. */
    public record Change(long counter, String topic) {
    }

    private final Database db;
    private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Change>>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> reachListeners = new CopyOnWriteArrayList<>();
    /** The number of the look that last saw each topic change ({@link #version}). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile long everything;
    private volatile long looks;
    private volatile Duration interval = Duration.ofMillis(500);
    private ScheduledExecutorService thread;
    private ScheduledExecutorService watchdog;
    /** When the look under way started (System.nanoTime), or 0 between looks. */
    private volatile long lookStarted;
    private volatile boolean closed;
    // the poll thread's own (poll() is never run by two threads at once)
    private long last = -1;
    private Boolean reachable;
    private long lastPrune = System.nanoTime();

    public ChangeFeed(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    /** The topic of a records table (lower case); a table missing from the list is its own topic. */
    static String topicOf(String table) {
        return TABLE_TOPICS.getOrDefault(table, table);
    }

    /**
     * Numbers the feed's rows of the transaction with the commit counter it has just raised: run by
     * {@link Database} at the end of every transaction, in the statement that raises it, while it holds the
     * counter's row (so the transactions' numbers follow their commit order).
     */
    static final String STAMP = "UPDATE change_feed SET commit_counter = (SELECT counter FROM commit_seal WHERE id = 1)"
            + " WHERE commit_counter IS NULL";

    /** How often the thread looks (default 0.5 s); set before {@link #start}. */
    public ChangeFeed interval(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("interval " + every);
        }
        this.interval = every;
        return this;
    }

    /** Starts the thread that looks for changes; nothing when it runs already or the feed is closed. */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "needlepoint-changes");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "needlepoint-changes-watch");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * A look that has not answered within {@link #SILENT_AFTER} counts as unreachable: a network that
     * drops without a word leaves the read waiting (until the socket's read timeout), and the status bar
     * must say so within 5 seconds.
     */
    static final Duration SILENT_AFTER = Duration.ofSeconds(4);

    private void watch() {
        long started = lookStarted;
        if (started != 0 && System.nanoTime() - started > SILENT_AFTER.toNanos()) {
            reachable(false);
        }
    }

    /** True while the thread runs. */
    synchronized boolean running() {
        return thread != null;
    }

    /** Stops the thread (a look under way finishes first); no callback comes afterwards. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            closed = true;
            t = thread;
            thread = null;
            if (watchdog != null) {
                watchdog.shutdownNow();
                watchdog = null;
            }
        }
        if (t != null) {
            // never interrupted: an interrupt in the middle of H2's file I/O closes the database
            t.shutdown();
            try {
                t.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Subscription subscribe(Set<String> topics, Runnable onChange) {
        Sub s = new Sub(Set.copyOf(topics), Objects.requireNonNull(onChange));
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** Hears every change, in commit order, a look's worth at a time (the feed's thread): tests and measurements. */
    public Subscription onChanges(Consumer<List<Change>> listener) {
        changeListeners.add(Objects.requireNonNull(listener));
        return () -> changeListeners.remove(listener);
    }

    /**
     * Hears whether the records can be read (the status bar): false when a look fails, true when one works
     * again; called only when that changes (the first look that works counts as a change), on the feed's thread.
     */
    public Subscription onReachable(Consumer<Boolean> listener) {
        reachListeners.add(Objects.requireNonNull(listener));
        return () -> reachListeners.remove(listener);
    }

    @Override
    public long version(Set<String> topics) {
        long v = everything;
        for (String t : topics) {
            v = Math.max(v, seen.getOrDefault(t, 0L));
        }
        return v;
    }

    /** How many looks the feed has made: a look counted has told its listeners before the next one begins. */
    public long looks() {
        return looks;
    }

    private record Sub(Set<String> topics, Runnable onChange) {
    }

    /** What one look found. */
    private record Look(long counter, List<Change> changes) {
    }

    /** One look: reads what was committed since the last, and tells whoever listens. Run by the feed's thread (or a test). */
    void poll() {
        if (closed) {
            return;
        }
        Look look;
        lookStarted = System.nanoTime();
        try {
            long after = last;
            look = db.read(c -> look(c, after));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The change feed could not be read", e);
            reachable(false);
            return;
        } finally {
            lookStarted = 0;
        }
        long number = ++looks;
        // the records replaced (a restore) are numbered on from their own counter, which may be behind
        boolean all = last >= 0 && look.counter() < last;
        if (last < 0 || all) {
            last = look.counter();
        } else if (!look.changes().isEmpty()) {
            last = look.changes().get(look.changes().size() - 1).counter();
        }
        if (reachable(true)) {
            all = true; // back after a failed look: anything may have changed meanwhile
        }
        if (closed) {
            return;
        }
        if (all) {
            everything = number;
        }
        Set<String> topics = new HashSet<>();
        for (Change ch : look.changes()) {
            topics.add(ch.topic());
            seen.put(ch.topic(), number);
        }
        if (!look.changes().isEmpty()) {
            for (Consumer<List<Change>> l : changeListeners) {
                safely(() -> l.accept(look.changes()));
            }
        }
        for (Sub s : subscriptions) {
            if (all || s.topics().stream().anyMatch(topics::contains)) {
                safely(s.onChange());
            }
        }
        pruneNowAndThen();
    }

    /**
     * The records' commit counter and the changes numbered after {@code after}, in order, in one statement: one
     * round trip to a clinic server per look, and the counter and the changes seen at one moment. The first look
     * ({@code after} < 0) reads the counter only.
     */
    private static Look look(Connection c, long after) throws SQLException {
        long counter = 0;
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.counter, f.commit_counter, f.topic FROM commit_seal s"
                + " LEFT JOIN change_feed f ON f.commit_counter > ? WHERE s.id = 1 ORDER BY f.commit_counter, f.id")) {
            ps.setLong(1, after < 0 ? Long.MAX_VALUE : after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counter = rs.getLong(1);
                    String topic = rs.getString(3);
                    if (topic != null) {
                        changes.add(new Change(rs.getLong(2), topic));
                    }
                }
            }
        }
        return new Look(counter, changes);
    }

    /** Records whether the last look worked; true when it came back after failing. */
    private synchronized boolean reachable(boolean now) {
        Boolean was = reachable;
        if (was != null && was == now) {
            return false;
        }
        reachable = now;
        if (!closed) {
            for (Consumer<Boolean> l : reachListeners) {
                safely(() -> l.accept(now));
            }
        }
        return now && was != null;
    }

    private void pruneNowAndThen() {
        if (System.nanoTime() - lastPrune < PRUNE_EVERY.toNanos()) {
            return;
        }
        lastPrune = System.nanoTime();
        try {
            prune(KEEP);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Old rows of the change feed were not deleted (the next try may)", e);
        }
    }

    /**
     * Deletes the numbered rows older than {@code keep} (by the database's clock); a transaction of its own,
     * only when there are some. Returns how many went.
     */
    int prune(Duration keep) {
        long seconds = keep.toSeconds();
        String old = " FROM change_feed WHERE commit_counter IS NOT NULL AND at < DATEADD(SECOND, -" + seconds
                + ", CURRENT_TIMESTAMP)";
        boolean any = db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1" + old + " LIMIT 1")) {
                return rs.next();
            }
        });
        if (!any) {
            return 0;
        }
        return db.tx(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE" + old);
            }
        });
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of the change feed failed: " + e, e);
        }
    }
}
