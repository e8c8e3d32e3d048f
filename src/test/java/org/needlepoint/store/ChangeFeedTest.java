package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.Changes;
import org.needlepoint.testing.TestClinic;

/**
 * The change feed on a real database: what a transaction changes reaches the feed numbered in commit
 * order, once per topic, and only when it commits; subscriptions hear a look's changes at once; the
 * feed says when the records cannot be read and when they can again.
 */
class ChangeFeedTest {
    @TempDir
    Path tmp;
    private Database db;
    private ChangeFeed feed;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("clinic"), Database.Durability.WRITTEN);
        feed = new ChangeFeed(db);
        feed.poll(); // the first look: from the records as they are
    }

    @AfterEach
    void close() {
        feed.close();
        db.close();
    }

    private long count(String sql) {
        return db.read(c -> Sql.count(c, sql));
    }

    /** A setting row (topic "clinic") in a transaction of its own. */
    private void setting(String name) {
        db.tx(c -> insertSetting(c, name));
    }

    private static int insertSetting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (name, val) VALUES (?, 'x')")) {
            ps.setString(1, name);
            return ps.executeUpdate();
        }
    }

    /** A backup log row (topic "backup") in a transaction of its own. */
    private void backupRun(String file) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO backup_run (started_at, finished_at, trigger_kind,"
                    + " ok, file_path) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'MANUAL', TRUE, ?)")) {
                ps.setString(1, file);
                return ps.executeUpdate();
            }
        });
    }

    private List<ChangeFeed.Change> heard() {
        List<ChangeFeed.Change> heard = new ArrayList<>();
        try (Changes.Subscription s = feed.onChanges(heard::addAll)) {
            feed.poll();
        }
        return heard;
    }

    @Test
    void aCommittedTransactionReachesTheFeedOncePerTopicWithItsCommitNumber() {
        db.tx(c -> {
            insertSetting(c, "a");
            insertSetting(c, "b");
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE setting SET val = 'y' WHERE name = 'a'");
                st.executeUpdate("INSERT INTO backup_run (started_at, finished_at, trigger_kind, ok) VALUES"
                        + " (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'MANUAL', TRUE)");
            }
            return null;
        });
        long counter = count("SELECT counter FROM commit_seal");

        assertThat(heard()).containsExactlyInAnyOrder(new ChangeFeed.Change(counter, ChangeFeed.CLINIC),
                new ChangeFeed.Change(counter, ChangeFeed.BACKUP));
        assertThat(heard()).as("a change is heard once").isEmpty();
    }

    @Test
    void theFirstLookStartsAtTheRecordsAsTheyAre() {
        setting("before");
        ChangeFeed other = new ChangeFeed(db);
        List<ChangeFeed.Change> heard = new ArrayList<>();
        other.onChanges(heard::addAll);
        other.poll();
        assertThat(heard).as("history is not replayed").isEmpty();
        setting("after");
        other.poll();
        assertThat(heard).extracting(ChangeFeed.Change::topic).containsExactly(ChangeFeed.CLINIC);
        other.close();
    }

    @Test
    void savesThroughTheServicesReachTheFeedWithTheirTopics() {
        TestClinic clinic = new TestClinic(tmp.resolve("services")).withStaff();
        try {
            ChangeFeed f = clinic.services.changes();
            List<ChangeFeed.Change> heard = new ArrayList<>();
            f.onChanges(heard::addAll);
            clinic.signIn("admin");
            f.poll();
            var patients = clinic.services.patients();
            var p = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "555-010-2345"), true);
            f.poll();
            assertThat(heard).extracting(ChangeFeed.Change::topic).containsExactly(ChangeFeed.PATIENT);

            heard.clear();
            var details = TestClinic.patient("Ann", "Smith-Jones", "1985-03-14", "555-010-2345");
            patients.update(p, details); // rewrites the search rows, followed through the patient
            var charts = clinic.services.charts();
            var started = charts.startVisit(p.id());
            charts.saveDraft(started.visit(), new org.needlepoint.chart.ChartDraft("Consult only.", List.of(),
                    started.screening(), false, false)); // points and screening rewritten, followed through the visit
            f.poll();
            assertThat(heard).extracting(ChangeFeed.Change::topic).containsExactly(ChangeFeed.PATIENT, ChangeFeed.CHART,
                    ChangeFeed.CHART);
            f.close();
        } finally {
            clinic.close();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothing() {
        assertThatThrownBy(() -> db.tx(c -> {
            insertSetting(c, "gone");
            throw new IllegalStateException("the save fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(heard()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM change_feed")).isZero();
    }

    @Test
    void eightThreadsCommittingAtOnceAreHeardEveryOneInCommitOrder() throws Exception {
        int threads = 8;
        int each = 40;
        List<ChangeFeed.Change> heard = Collections.synchronizedList(new ArrayList<>());
        feed.onChanges(heard::addAll);
        feed.interval(Duration.ofMillis(5)).start(); // looking all the while the writers commit
        CyclicBarrier go = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    if (me % 2 == 0) {
                        setting("t" + me + "-" + i);
                    } else {
                        backupRun("t" + me + "-" + i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        feed.close(); // its last look is over
        feed = new ChangeFeed(db); // closed by close()
        List<ChangeFeed.Change> rest = new ArrayList<>();
        // whatever the thread had not looked at yet: a look from its last counter
        long lastHeard;
        synchronized (heard) {
            lastHeard = heard.isEmpty() ? 0 : heard.get(heard.size() - 1).counter();
        }
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT commit_counter, topic FROM change_feed WHERE"
                    + " commit_counter > ? ORDER BY commit_counter")) {
                ps.setLong(1, lastHeard);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rest.add(new ChangeFeed.Change(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return null;
        });
        List<ChangeFeed.Change> all = new ArrayList<>(heard);
        all.addAll(rest);

        assertThat(all).hasSize(threads * each);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).counter()).as("in commit order, each transaction once").isGreaterThan(all.get(i - 1).counter());
        }
        Map<String, Integer> byTopic = new HashMap<>();
        all.forEach(ch -> byTopic.merge(ch.topic(), 1, Integer::sum));
        assertThat(byTopic).containsExactlyInAnyOrderEntriesOf(Map.of(ChangeFeed.CLINIC, threads / 2 * each,
                ChangeFeed.BACKUP, threads / 2 * each));
        assertThat(heard.size()).as("the thread heard most of them while they were committed").isGreaterThan(0);
        assertThat(count("SELECT COUNT(*) FROM change_feed WHERE commit_counter IS NULL"))
                .as("every committed row is numbered").isZero();
    }

    @Test
    void aSubscriptionHearsABurstOnceAndOnlyItsTopics() {
        AtomicInteger clinic = new AtomicInteger();
        AtomicInteger patients = new AtomicInteger();
        AtomicInteger either = new AtomicInteger();
        feed.subscribe(Set.of(ChangeFeed.CLINIC), clinic::incrementAndGet);
        feed.subscribe(Set.of(ChangeFeed.PATIENT), patients::incrementAndGet);
        feed.subscribe(Set.of(ChangeFeed.PATIENT, ChangeFeed.BACKUP), either::incrementAndGet);
        long before = feed.version(Set.of(ChangeFeed.CLINIC));
        for (int i = 0; i < 5; i++) {
            setting("burst" + i);
        }
        backupRun("one");

        feed.poll();

        assertThat(clinic).hasValue(1);
        assertThat(patients).hasValue(0);
        assertThat(either).hasValue(1);
        assertThat(feed.version(Set.of(ChangeFeed.CLINIC))).isGreaterThan(before);
        assertThat(feed.version(Set.of(ChangeFeed.PATIENT))).isEqualTo(before);
        feed.poll();
        assertThat(clinic).as("nothing new, no call").hasValue(1);
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        AtomicInteger calls = new AtomicInteger();
        Changes.Subscription s = feed.subscribe(Set.of(ChangeFeed.CLINIC), calls::incrementAndGet);
        setting("one");
        feed.poll();
        s.close();
        setting("two");
        feed.poll();
        assertThat(calls).hasValue(1);
    }

    @Test
    void theThreadDeliversWithinTheIntervalAndStopsWhenClosed() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        feed.subscribe(Set.of(ChangeFeed.BACKUP), () -> {
            threads.add(Thread.currentThread());
            heard.countDown();
        });
        feed.interval(Duration.ofMillis(50)).start();
        feed.start(); // a second start changes nothing
        backupRun("now");
        assertThat(heard.await(3, TimeUnit.SECONDS)).isTrue();
        Thread t = threads.get(0);
        assertThat(t.getName()).isEqualTo("needlepoint-changes");
        assertThat(t.isDaemon()).isTrue();

        feed.close();
        t.join(2_000);
        assertThat(t.isAlive()).isFalse();
        feed.start();
        assertThat(feed.running()).as("a closed feed does not start again").isFalse();
    }

    @Test
    void reachabilityFlipsWhenTheDatabaseClosesUnderItAndWhenItIsBack() throws Exception {
        List<Boolean> states = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        feed = new ChangeFeed(db);
        feed.onReachable(states::add);
        feed.subscribe(Set.of(ChangeFeed.PATIENT), calls::incrementAndGet);
        feed.poll();
        assertThat(states).containsExactly(true);
        feed.poll();
        assertThat(states).as("told only when it changes").containsExactly(true);

        // the database closed under the app (as H2 does after a failed write)
        try (Connection c = DriverManager.getConnection(Database.url(db.folder(), "file:"), "needlepoint", "");
             Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
        feed.poll();
        assertThat(states).containsExactly(true, false);
        feed.poll();
        assertThat(states).containsExactly(true, false);
        assertThat(calls).hasValue(0);

        for (int i = 0; i < 3 && states.get(states.size() - 1) == Boolean.FALSE; i++) {
            feed.poll(); // the database opens again before the next transaction
        }
        assertThat(states).containsExactly(true, false, true);
        assertThat(calls).as("back: everything may have changed meanwhile").hasValue(1);
    }

    @Test
    void recordsReplacedByOlderOnesRefreshEverythingAndAreFollowedOn() throws Exception {
        Path older = tmp.resolve("older.mv.db");
        Path file = db.folder().resolve(Database.DB_FILE);
        setting("kept");
        db.replaceFiles(() -> copy(file, older)); // the database is shut while its file is copied
        setting("lost1");
        setting("lost2");
        feed.poll();
        AtomicInteger calls = new AtomicInteger();
        feed.subscribe(Set.of(ChangeFeed.PATIENT), calls::incrementAndGet);
        long before = feed.version(Set.of(ChangeFeed.PATIENT));

        db.replaceFiles(() -> copy(older, file)); // as a restore does: the commit counter is behind what was seen
        feed.poll();
        assertThat(calls).as("everything may have changed").hasValue(1);
        assertThat(feed.version(Set.of(ChangeFeed.PATIENT))).isGreaterThan(before);

        setting("after");
        assertThat(heard()).extracting(ChangeFeed.Change::topic).as("followed on from the older counter")
                .containsExactly(ChangeFeed.CLINIC);
    }

    private static void copy(Path from, Path to) {
        try {
            java.nio.file.Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void oldRowsArePrunedAndRecentOnesKept() {
        setting("old");
        setting("recent");
        db.tx(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("UPDATE change_feed SET at = DATEADD(MINUTE, -11, at) WHERE commit_counter ="
                        + " (SELECT MIN(commit_counter) FROM change_feed)");
            }
        });

        assertThat(feed.prune(ChangeFeed.KEEP)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM change_feed")).isEqualTo(1);
        assertThat(feed.prune(ChangeFeed.KEEP)).as("nothing old: no transaction").isZero();
    }

    @Test
    void aStatementOutsideATransactionIsNotRefused() throws Exception {
        try (Connection c = DriverManager.getConnection(Database.url(db.folder(), "file:"), "needlepoint", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE setting SET val = '12' WHERE name = 'idle.lock.minutes'");
        }
        assertThat(count("SELECT COUNT(*) FROM change_feed")).isZero();
    }

    @Test
    void everyRecordsTableHasATopicAndItsTrigger() {
        Map<String, Set<String>> triggers = db.read(c -> {
            Map<String, Set<String>> m = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t.TABLE_NAME, g.JAVA_CLASS,"
                    + " g.EVENT_MANIPULATION, g.ACTION_ORIENTATION, g.ACTION_TIMING FROM INFORMATION_SCHEMA.TABLES t"
                    + " LEFT JOIN INFORMATION_SCHEMA.TRIGGERS g ON g.EVENT_OBJECT_TABLE = t.TABLE_NAME"
                    + " AND g.JAVA_CLASS = 'org.needlepoint.store.ChangeFeedTrigger'"
                    + " WHERE t.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    Set<String> events = m.computeIfAbsent(rs.getString(1).toLowerCase(java.util.Locale.ROOT),
                            k -> new TreeSet<>());
                    if (rs.getString(2) != null) {
                        events.add(rs.getString(5) + " " + rs.getString(3) + " " + rs.getString(4));
                    }
                }
            }
            return m;
        });
        Set<String> followed = new TreeSet<>(triggers.keySet());
        followed.removeAll(ChangeFeed.NOT_FOLLOWED);
        followed.removeAll(ChangeFeed.FOLLOWED_THROUGH.keySet());

        assertThat(ChangeFeed.TABLE_TOPICS.keySet()).containsExactlyInAnyOrderElementsOf(followed);
        for (String table : followed) {
            assertThat(triggers.get(table)).as(table).containsExactlyInAnyOrder("AFTER INSERT STATEMENT",
                    "AFTER UPDATE STATEMENT", "AFTER DELETE STATEMENT");
        }
        for (String table : ChangeFeed.NOT_FOLLOWED) {
            assertThat(triggers.getOrDefault(table, Set.of())).as(table).isEmpty();
        }
        ChangeFeed.FOLLOWED_THROUGH.forEach((child, parent) -> {
            assertThat(triggers).as(child).containsKey(child);
            assertThat(triggers.get(child)).as(child + " is followed through " + parent).isEmpty();
            assertThat(ChangeFeed.TABLE_TOPICS).containsKey(parent);
        });
    }
}
