package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.store.Cancellation;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.needlepoint.ui.Background;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Typing fast into the patient search: each keystroke's search replaces the one before, and when their
 * results come back out of order (here: newest first, the worst case) the list ends with the last
 * keystroke's results and never shows an older one after it. A broad query shows its first 100 before the
 * count of all its matches.
 */
class PatientSearchTypingUiTest extends UiTest {
    final HeldExecutor executor = new HeldExecutor();

    /**
     * Runs background work at once, except while held: then it waits, and on release the newest runs
     * first, one at a time, so older searches finish after newer ones.
     */
    static final class HeldExecutor extends AbstractExecutorService {
        private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
        private final Deque<Runnable> held = new ArrayDeque<>();
        private boolean holding;

        @Override
        public synchronized void execute(Runnable task) {
            if (holding) {
                held.push(task);
            } else {
                pool.execute(task);
            }
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized int held() {
            return held.size();
        }

        /**
         * Runs what waits, newest first, one after the other; later work runs at once again, or waits in turn
         * when {@code keepHolding}.
         */
        synchronized void releaseNewestFirst(boolean keepHolding) {
            holding = keepHolding;
            List<Runnable> newestFirst = new ArrayList<>(held);
            held.clear();
            pool.execute(() -> newestFirst.forEach(Runnable::run));
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return pool.awaitTermination(timeout, unit);
        }
    }

    @Override
    protected Background newBackground() {
        return new Background(executor);
    }

    /** The last name typed: one of the registry's, so it finds a few. */
    String surname;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        Random rnd = new Random(21);
        List<PatientDetails> registry = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            registry.add(SeedDemo.patient(rnd, c.services.patients().today()));
        }
        c.db.tx(conn -> new PatientStore().insertAll(conn, registry, Instant.now(), null));
        surname = registry.stream().map(PatientDetails::lastName).filter(n -> n.matches("[A-Za-z]{6,}")).findFirst()
                .orElseThrow().toLowerCase(Locale.ROOT);
    }

    private TableView<PatientSummary> table(FxRobot robot) {
        return node(robot, "resultsTable");
    }

    private List<Long> shown(FxRobot robot) {
        return table(robot).getItems().stream().map(PatientSummary::id).toList();
    }

    private List<Long> expected(String text) {
        return clinic.services.patients().search(text).stream().map(PatientSummary::id).toList();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the screen did not get there", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theListEndsWithTheLastKeystrokesResultsWhenOlderOnesComeBackLater(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        List<List<Long>> lists = new ArrayList<>();
        robot.interact(() -> table(robot).getItems().addListener((ListChangeListener<PatientSummary>) change ->
                lists.add(change.getList().stream().map(PatientSummary::id).toList())));

        robot.clickOn("#searchField");
        executor.hold();
        robot.write(surname.substring(0, 3)).eraseText(1).write(surname.substring(2));
        int keystrokes = 3 + 1 + surname.length() - 2;
        waitUntil(() -> executor.held() == keystrokes);
        assertThat(lists).as("nothing shown while every search waits").isEmpty();
        executor.releaseNewestFirst(false);
        settle();

        List<Long> last = expected(surname);
        assertThat(last).isNotEmpty().hasSizeLessThan(PatientService.SEARCH_LIMIT);
        assertThat(shown(robot)).isEqualTo(last);
        assertThat(lists).as("every list shown").isNotEmpty().allSatisfy(l -> assertThat(l).isIn(List.of(), last));
        assertThat(lists.get(lists.size() - 1)).isEqualTo(last);
        assertThat(text(robot, "searchHint")).startsWith(last.size() + (last.size() == 1 ? " patient." : " patients."));
    }

    @Test
    void aBroadQueryShowsItsFirst100BeforeItsCount(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        long all = clinic.services.patients().count("b", new Cancellation());
        assertThat(all).isGreaterThan(PatientService.SEARCH_LIMIT).isLessThan(PatientService.COUNT_LIMIT);

        robot.clickOn("#searchField");
        executor.hold();
        robot.write("b");
        waitUntil(() -> executor.held() == 1);
        executor.releaseNewestFirst(true); // the count, asked once the first 100 are shown, waits
        waitUntil(() -> executor.held() == 1);
        assertThat(shown(robot)).isEqualTo(expected("b")).hasSize(PatientService.SEARCH_LIMIT);
        assertThat(text(robot, "searchHint")).startsWith("The first 100 matches (counting the rest…)");

        executor.releaseNewestFirst(false);
        settle();
        assertThat(text(robot, "searchHint")).startsWith(String.format(Locale.ENGLISH, "100 of %,d — keep typing", all));
        screenshot("patient-search-count");

        // the next keystrokes' narrower list replaces it, and its line says how many it shows
        robot.write("albury");
        settle();
        assertThat(shown(robot)).isEqualTo(expected("balbury")).hasSizeLessThan(PatientService.SEARCH_LIMIT);
        assertThat(text(robot, "searchHint")).doesNotContain(" of ");
    }
}
