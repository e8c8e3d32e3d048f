package org.needlepoint.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;

/**
 * Locks the window after a number of minutes without input. Time comes from the injected clock,
 * so a test can move it forward and call {@link #check()}.
 */
public final class IdleMonitor {
    private final Clock clock;
    private volatile int minutes;
    private final Runnable onIdle;
    private final Timeline ticker;
    private final EventHandler<Event> activity = e -> touch();
    private volatile Instant lastInput;
    private boolean armed;

    public IdleMonitor(Clock clock, int minutes, Runnable onIdle) {
        this.clock = clock;
        this.minutes = minutes;
        this.onIdle = onIdle;
        this.lastInput = clock.instant();
        this.ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(10), e -> check()));
        this.ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.addEventFilter(ScrollEvent.ANY, activity);
        scene.addEventFilter(TouchEvent.ANY, activity);
    }

    /** The clinic's setting, read off the FX thread by the caller and handed in here. */
    public void setMinutes(int minutes) {
        this.minutes = minutes;
    }

    public void touch() {
        lastInput = clock.instant();
    }

    /** Starts watching (after sign-in or unlock). */
    public void arm() {
        touch();
        armed = true;
        ticker.play();
    }

    /** Stops watching (while locked or signed out). */
    public void disarm() {
        armed = false;
        ticker.stop();
    }

    /** Locks now if the idle time has passed. Called by the ticker, and by tests. */
    public void check() {
        if (armed && !Duration.between(lastInput, clock.instant()).minusMinutes(minutes).isNegative()) {
            disarm();
            onIdle.run();
        }
    }
}
