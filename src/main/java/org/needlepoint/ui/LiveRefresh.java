package org.needlepoint.ui;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.needlepoint.common.Changes;

/**
 * Keeps a list on screen in step with the records when they change on another PC (or in another part of
 * this one): while its node is in a scene it follows the change feed's topics, and each change heard
 * reloads it on the FX thread. A reload is never started while one is running: one more follows it
 * instead, however many changes came meanwhile. A node taken off the screen stops following; when it is
 * put back, it reloads once if its topics changed while it was away. Only lists refresh: a screen pauses
 * its refresh while a form of its own is being filled in ({@link #pausedWhile}) and catches up after.
 *
 * <p>A screen adds one line, for example
 * {@code LiveRefresh.followLoads(resultsTable, changes, Set.of(ChangeFeed.PATIENT), this::reload)}.
 */
public final class LiveRefresh {
    /** A reload that reports when it is over (shown, dropped as stale or failed) by running {@code done} once. */
    @FunctionalInterface
    public interface Reload {
        void reload(Runnable done);
    }

    private final Node node;
    private final Changes changes;
    private final Set<String> topics;
    private final Reload reload;
    /** A hop to the FX thread is waiting: more changes heard meanwhile ride on it. */
    private final AtomicBoolean posted = new AtomicBoolean();
    // the FX thread's own
    private Changes.Subscription subscription;
    private long versionWhenAway = -1;
    private boolean changedWhileAway;
    private boolean running;
    private boolean again;
    private boolean missedWhilePaused;
    private ObservableValue<Boolean> paused;
    private long reloads;

    private LiveRefresh(Node node, Changes changes, Set<String> topics, Reload reload) {
        this.node = Objects.requireNonNull(node);
        this.changes = Objects.requireNonNull(changes);
        this.topics = Set.copyOf(topics);
        this.reload = Objects.requireNonNull(reload);
    }

    /**
     * Reloads with {@code refresh} when {@code topics} change while {@code node} is in a scene: for a refresh
     * that drops the results of an earlier one itself. Call on the FX thread (a controller's initialize).
     */
    public static LiveRefresh follow(Node node, Changes changes, Set<String> topics, Runnable refresh) {
        Objects.requireNonNull(refresh);
        return followLoads(node, changes, topics, done -> {
            refresh.run();
            done.run();
        });
    }

    /** As {@link #follow}, for a reload that says when it is over: none starts before the last is. */
    public static LiveRefresh followLoads(Node node, Changes changes, Set<String> topics, Reload reload) {
        LiveRefresh live = new LiveRefresh(node, changes, topics, reload);
        node.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                live.away();
            } else if (was == null) {
                live.back();
            }
        });
        if (node.getScene() != null) {
            live.subscribe();
        }
        return live;
    }

    /**
     * No reload while {@code busy} is true (a form of the screen's own is being filled in, and a reload would
     * close it); one follows when it turns false if a change came meanwhile.
     */
    public LiveRefresh pausedWhile(ObservableValue<Boolean> busy) {
        paused = busy;
        busy.addListener((o, was, now) -> {
            if (!Boolean.TRUE.equals(now) && missedWhilePaused) {
                missedWhilePaused = false;
                request();
            }
        });
        return this;
    }

    /** How many reloads the changes started (tests). */
    public long reloads() {
        return reloads;
    }

    /** True while the node follows the feed (tests). */
    public boolean following() {
        return subscription != null;
    }

    private void subscribe() {
        if (subscription == null) {
            subscription = changes.subscribe(topics, this::heard);
        }
    }

    private void away() {
        if (subscription != null) {
            versionWhenAway = changes.version(topics);
            subscription.close();
            subscription = null;
        }
    }

    private void back() {
        boolean missed = changedWhileAway || versionWhenAway >= 0 && changes.version(topics) != versionWhenAway;
        changedWhileAway = false;
        versionWhenAway = -1;
        subscribe();
        if (missed) {
            request();
        }
    }

    /** A change heard, on the feed's thread: one hop to the FX thread at a time. */
    private void heard() {
        if (posted.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                posted.set(false);
                request();
            });
        }
    }

    private void request() {
        if (subscription == null) {
            changedWhileAway = true;
        } else if (paused != null && Boolean.TRUE.equals(paused.getValue())) {
            missedWhilePaused = true;
        } else if (running) {
            again = true;
        } else {
            running = true;
            reloads++;
            AtomicBoolean over = new AtomicBoolean();
            try {
                reload.reload(() -> {
                    if (!over.getAndSet(true)) {
                        if (Platform.isFxApplicationThread()) {
                            finished();
                        } else {
                            Platform.runLater(this::finished);
                        }
                    }
                });
            } catch (RuntimeException e) {
                over.set(true);
                running = false;
                throw e;
            }
        }
    }

    private void finished() {
        running = false;
        if (again) {
            again = false;
            request();
        }
    }
}
