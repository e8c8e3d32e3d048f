package org.needlepoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Two loads whose answers come back in the wrong order: the screen shows the newer one's, never the older one after it. */
@ExtendWith(ApplicationExtension.class)
class NewestLoadTest {
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final Background background = new Background(pool);
    final NewestLoad loads = new NewestLoad();
    final List<String> shown = new CopyOnWriteArrayList<>();
    final AtomicInteger after = new AtomicInteger();

    @AfterEach
    void stop() {
        background.close();
    }

    private void load(CompletableFuture<String> answer) {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> loads.run(background, answer::get, shown::add,
                e -> shown.add("error: " + e.getMessage()), after::incrementAndGet));
    }

    private void settle() throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, background::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anOlderLoadsAnswerThatComesBackLastIsDropped() throws Exception {
        CompletableFuture<String> older = new CompletableFuture<>();
        CompletableFuture<String> newer = new CompletableFuture<>();
        load(older);
        load(newer);
        newer.complete("newer");
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !shown.isEmpty());
        older.complete("older");
        settle();
        assertThat(shown).containsExactly("newer");
        assertThat(after).as("each load's after-step runs, newest or not").hasValue(2);
    }

    @Test
    void anOlderLoadsErrorIsDroppedAndTheNewestOnesIsShown() throws Exception {
        CompletableFuture<String> older = new CompletableFuture<>();
        CompletableFuture<String> newer = new CompletableFuture<>();
        load(older);
        load(newer);
        older.completeExceptionally(new IllegalStateException("old failure"));
        newer.completeExceptionally(new IllegalStateException("server away"));
        settle();
        assertThat(shown).hasSize(1).allMatch(s -> s.startsWith("error:") && s.contains("server away"));
    }

    @Test
    void loadsInOrderEachShowTheirAnswer() throws Exception {
        CompletableFuture<String> first = CompletableFuture.completedFuture("first");
        load(first);
        settle();
        load(CompletableFuture.completedFuture("second"));
        settle();
        assertThat(shown).containsExactly("first", "second");
    }
}
