package org.needlepoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.needlepoint.common.Changes;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mechanics every live list shares: a change heard on the feed's thread reloads on the FX thread;
 * never two reloads at once, and a burst during one gives one more after it; nothing while the node is
 * off the screen, one reload when it is back if its topics changed meanwhile; nothing while paused, one
 * reload when the pause ends.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRefreshTest {
    /** A change feed of our own making: {@link #change} calls the subscriptions from a thread of its own, as the real one does. */
    static final class Feed implements Changes {
        final List<Map.Entry<Set<String>, Runnable>> subscriptions = new CopyOnWriteArrayList<>();
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicLong looks = new AtomicLong();

        @Override
        public Subscription subscribe(Set<String> topics, Runnable onChange) {
            Map.Entry<Set<String>, Runnable> s = Map.entry(topics, onChange);
            subscriptions.add(s);
            return () -> subscriptions.remove(s);
        }

        @Override
        public long version(Set<String> topics) {
            return topics.stream().mapToLong(t -> versions.getOrDefault(t, 0L)).max().orElse(0);
        }

        void change(String topic) throws Exception {
            long look = looks.incrementAndGet();
            versions.put(topic, look);
            Thread t = new Thread(() -> subscriptions.stream().filter(s -> s.getKey().contains(topic))
                    .forEach(s -> s.getValue().run()), "feed");
            t.start();
            t.join();
        }
    }

    private Feed feed;
    private StackPane root;
    private Label list;
    private final List<Runnable> running = new ArrayList<>();
    private final List<Boolean> onFxThread = new ArrayList<>();
    private LiveRefresh live;

    @BeforeEach
    void screen() throws Exception {
        feed = new Feed();
        WaitForAsyncUtils.asyncFx(() -> {
            list = new Label("list");
            root = new StackPane(list);
            new Scene(root);
            live = LiveRefresh.followLoads(list, feed, Set.of("patient"), done -> {
                onFxThread.add(Platform.isFxApplicationThread());
                running.add(done);
            });
        }).get(5, TimeUnit.SECONDS);
    }

    private <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private void finishReload(int i) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> running.get(i).run()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aChangeReloadsOnTheFxThreadAndOnlyForItsTopics() throws Exception {
        feed.change("stock");
        assertThat(fx(() -> running.size())).isZero();
        feed.change("patient");
        assertThat(fx(() -> running.size())).isEqualTo(1);
        assertThat(onFxThread).containsExactly(true);
    }

    @Test
    void aBurstDuringAReloadGivesOneMoreAfterIt() throws Exception {
        feed.change("patient");
        assertThat(fx(() -> running.size())).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            feed.change("patient");
        }
        assertThat(fx(() -> running.size())).as("none while one runs").isEqualTo(1);

        finishReload(0);
        assertThat(fx(() -> running.size())).as("one more after it").isEqualTo(2);
        finishReload(1);
        finishReload(1); // a reload that says it is over twice counts once
        assertThat(fx(() -> running.size())).isEqualTo(2);
        assertThat(fx(() -> live.reloads())).isEqualTo(2);
    }

    @Test
    void offTheScreenItFollowsNothingAndCatchesUpWhenBack() throws Exception {
        assertThat(fx(() -> live.following())).isTrue();
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().clear()).get(5, TimeUnit.SECONDS);
        assertThat(fx(() -> live.following())).isFalse();
        assertThat(feed.subscriptions).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> root.getChildren().add(list)).get(5, TimeUnit.SECONDS);
        assertThat(fx(() -> running.size())).as("nothing changed while away").isZero();

        WaitForAsyncUtils.asyncFx(() -> root.getChildren().clear()).get(5, TimeUnit.SECONDS);
        feed.change("patient");
        feed.change("patient");
        assertThat(fx(() -> running.size())).isZero();
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().add(list)).get(5, TimeUnit.SECONDS);
        assertThat(fx(() -> running.size())).as("one reload for what changed while away").isEqualTo(1);
        assertThat(fx(() -> live.following())).isTrue();
    }

    @Test
    void pausedItWaitsAndReloadsOnceThePauseEnds() throws Exception {
        SimpleBooleanProperty editing = new SimpleBooleanProperty(true);
        WaitForAsyncUtils.asyncFx(() -> live.pausedWhile(editing)).get(5, TimeUnit.SECONDS);
        feed.change("patient");
        feed.change("patient");
        assertThat(fx(() -> running.size())).isZero();

        WaitForAsyncUtils.asyncFx(() -> editing.set(false)).get(5, TimeUnit.SECONDS);
        assertThat(fx(() -> running.size())).isEqualTo(1);
        WaitForAsyncUtils.asyncFx(() -> {
            editing.set(true);
            editing.set(false);
        }).get(5, TimeUnit.SECONDS);
        assertThat(fx(() -> running.size())).as("no change meanwhile, no reload").isEqualTo(1);
    }
}
