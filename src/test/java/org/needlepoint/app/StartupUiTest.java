package org.needlepoint.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.Database;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.ui.Background;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;


/** The window shows the sign-in form before the store is open, and says so when it cannot open. */
@ExtendWith(ApplicationExtension.class)
class StartupUiTest {
    @TempDir
    Path dir;

    private final Background background = new Background();
    private Stage stage;
    private TestClinic clinic;

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
        background.close();
        if (clinic != null) {
            clinic.close();
        }
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, background::isIdle);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSignInFormShowsWhileTheStoreOpens(FxRobot robot) throws Exception {
        TestClinic seeded = new TestClinic(dir).withStaff();
        seeded.close();
        CountDownLatch storeMayOpen = new CountDownLatch(1);
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            new AppWindow(background).startOpening(stage, () -> {
                storeMayOpen.await(15, TimeUnit.SECONDS);
                clinic = new TestClinic(dir);
                return clinic.services;
            }, error -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();

        Button signIn = robot.lookup("#signInButton").queryButton();
        assertThat(signIn.isDisabled()).isTrue();
        assertThat(signIn.getText()).contains("Opening");
        robot.clickOn("#username").write("desk");
        robot.clickOn("#password").write(TestClinic.PASSWORD);

        storeMayOpen.countDown();
        settle();
        assertThat(signIn.isDisabled()).isFalse();
        assertThat(robot.lookup("#clinicLabel").queryAs(Label.class).getText()).isEqualTo("Test Clinic");
        robot.clickOn("#signInButton");
        settle();
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).contains("Dana Desk");
    }

    @Test
    void aFolderAlreadyInUseIsReportedNotCrashed(FxRobot robot) throws Exception {
        Files.createDirectories(dir);
        try (Database first = Database.open(dir)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            FxToolkit.setupFixture(() -> {
                stage = new Stage();
                new AppWindow(background).startOpening(stage, () -> {
                    Database.open(dir);
                    throw new AssertionError("the second open should have been refused");
                }, failure::set);
            });
            settle();
            assertThat(failure.get()).isNotNull();
            assertThat(org.needlepoint.ui.Forms.message(failure.get())).contains("already open");
        }
    }
}
