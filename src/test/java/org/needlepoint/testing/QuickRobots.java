package org.needlepoint.testing;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotContext;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.robot.MouseRobot;
import org.testfx.robot.MoveRobot;
import org.testfx.robot.SleepRobot;
import org.testfx.robot.WriteRobot;
import org.testfx.robot.impl.ClickRobotImpl;
import org.testfx.robot.impl.DragRobotImpl;
import org.testfx.robot.impl.KeyboardRobotImpl;
import org.testfx.robot.impl.MouseRobotImpl;
import org.testfx.robot.impl.MoveRobotImpl;
import org.testfx.robot.impl.ScrollRobotImpl;
import org.testfx.robot.impl.TypeRobotImpl;
import org.testfx.service.finder.WindowFinder;

/**
 * TestFX's robots with a quicker wait after each key, button and mouse move. TestFX waits with
 * {@code WaitForAsyncUtils.waitForFxEvents()}: five trips through the FX thread with a fixed 10 ms sleep after each,
 * at least 50 ms for every typed character, press, release and move; the UI tests spent most of their time asleep
 * there. {@link #drain()} waits for what the event set off instead: trips through the FX thread until the queue is
 * worked off, then one pulse (CSS and layout of what changed, so the next click finds nodes where a person sees them),
 * then one more trip for what the pulse queued. The events themselves are the same: the same Monocle robot presses
 * the same keys and buttons, one by one, in the focused window.
 */
public final class QuickRobots {
    private static final long TIMEOUT_SECONDS = 10;

    private QuickRobots() {
    }

    /** Gives {@code robot} the quick robots (TestFX builds them once per robot with no way to choose others). */
    public static void install(FxRobot robot) {
        FxRobotContext c = robot.robotContext();
        BaseRobot base = c.getBaseRobot();
        SleepRobot sleep = c.getSleepRobot();
        MouseRobot mouse = new Mouse(base);
        KeyboardRobot keyboard = new Keyboard(base);
        MoveRobot move = new MoveRobotImpl(base, mouse, sleep);
        set(c, "mouseRobot", mouse);
        set(c, "keyboardRobot", keyboard);
        set(c, "moveRobot", move);
        set(c, "clickRobot", new ClickRobotImpl(mouse, move, sleep));
        set(c, "dragRobot", new DragRobotImpl(mouse, move));
        set(c, "scrollRobot", new ScrollRobotImpl(mouse));
        set(c, "typeRobot", new TypeRobotImpl(keyboard, sleep));
        set(c, "writeRobot", new Write(base, sleep, c.getWindowFinder()));
    }

    private static void set(FxRobotContext c, String field, Object robot) {
        try {
            Field f = FxRobotContext.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(c, robot);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's robot context has no " + field + " (another TestFX version?)", e);
        }
    }

    /**
     * Returns once the FX thread has handled everything queued so far and what that queued in turn, and a pulse has
     * applied CSS and layout to the showing windows.
     */
    public static void drain() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("drain() waits for the FX thread: call it from the test's thread");
        }
        trip();
        trip();
        pulse();
        trip();
    }

    private static void trip() {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        await(done, "the FX thread did not catch up");
    }

    private static void pulse() {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            List<Scene> scenes = Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                    .filter(Objects::nonNull).toList();
            if (scenes.isEmpty()) {
                done.countDown();
                return;
            }
            for (Scene s : scenes) {
                // a pulse laid the scene out, or its window went (a window being closed gets no pulse)
                Window w = s.getWindow();
                Runnable[] once = new Runnable[1];
                InvalidationListener[] gone = new InvalidationListener[1];
                once[0] = () -> {
                    done.countDown();
                    // not from inside the scene's loop over its listeners
                    Platform.runLater(() -> {
                        s.removePostLayoutPulseListener(once[0]);
                        w.showingProperty().removeListener(gone[0]);
                    });
                };
                gone[0] = o -> {
                    if (!w.isShowing()) {
                        once[0].run();
                    }
                };
                s.addPostLayoutPulseListener(once[0]);
                w.showingProperty().addListener(gone[0]);
            }
            Platform.requestNextPulse();
        });
        await(done, "no pulse came");
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(what + " in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** TestFX's mouse, waiting with {@link #drain()}. */
    private static final class Mouse extends MouseRobotImpl {
        Mouse(BaseRobot base) {
            super(base);
        }

        @Override
        public void press(MouseButton... buttons) {
            pressNoWait(buttons);
            drain();
        }

        @Override
        public void release(MouseButton... buttons) {
            releaseNoWait(buttons);
            drain();
        }

        @Override
        public void move(Point2D location) {
            moveNoWait(location);
            drain();
        }

        @Override
        public void scroll(int amount) {
            scrollNoWait(amount);
            drain();
        }
    }

    /** TestFX's keyboard, waiting with {@link #drain()} after each key as TestFX's does. */
    private static final class Keyboard extends KeyboardRobotImpl {
        Keyboard(BaseRobot base) {
            super(base);
        }

        @Override
        public void press(KeyCode... keys) {
            for (KeyCode k : keys) {
                pressNoWait(k);
                drain();
            }
        }

        @Override
        public void release(KeyCode... keys) {
            if (keys.length == 0) {
                releaseNoWait();
                drain();
                return;
            }
            for (KeyCode k : keys) {
                releaseNoWait(k);
                drain();
            }
        }
    }

    /** TestFX's writer: each character typed into the focused window's scene, then {@link #drain()}. */
    private static final class Write implements WriteRobot {
        private static final int SLEEP_AFTER_CHARACTER = Integer.getInteger("testfx.robot.write_sleep", 25);

        private final BaseRobot base;
        private final SleepRobot sleep;
        private final WindowFinder windows;

        Write(BaseRobot base, SleepRobot sleep, WindowFinder windows) {
            this.base = base;
            this.sleep = sleep;
            this.windows = windows;
        }

        @Override
        public void write(char character) {
            type(character, target().getScene());
        }

        @Override
        public void write(String text) {
            write(text, SLEEP_AFTER_CHARACTER);
        }

        @Override
        public void write(String text, int sleepMillis) {
            Scene scene = target().getScene();
            for (char ch : text.toCharArray()) {
                type(ch, scene);
                sleep.sleep(sleepMillis);
            }
        }

        private void type(char character, Scene scene) {
            KeyCode code = character == '\n' ? KeyCode.ENTER : character == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
            base.typeKeyboard(scene, code, Character.toString(character));
            drain();
        }

        private Window target() {
            Window w = windows.window(Window::isFocused);
            if (w == null) {
                w = windows.targetWindow();
            }
            return w != null ? w : windows.window(0);
        }
    }
}
