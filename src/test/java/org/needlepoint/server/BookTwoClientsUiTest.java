package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.Injector;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two front-desk PCs joined to a real clinic server (a child JVM serving H2 over TLS on loopback): a
 * booking made through client B's appointment service appears in client A's open Book day view, as a
 * block in the injector's column, within 3 s, by the change feed alone (nobody touches A's window).
 */
class BookTwoClientsUiTest extends UiTest {
    private static Path dir;
    private static ServerProcess server;
    private static Path clientA;
    private static Path clientB;
    private Database windowDb;

    @BeforeAll
    static void serve() throws Exception {
        dir = Files.createTempDirectory("needlepoint-book-two-clients");
        Path records = dir.resolve("records");
        server = ServerProcess.serveTestClinic(records);
        clientA = dir.resolve("front-desk");
        server.join(clientA, "Front desk");
        clientB = dir.resolve("back-desk");
        server.join(clientB, "Back desk");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Services windowServices() {
        windowDb = Database.openFolder(clientA);
        return new Services(windowDb, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    @AfterEach
    void closeWindowDb() {
        if (windowDb != null) {
            windowDb.close();
        }
    }

    /** The first weekday after today (the clinic's default hours: Monday to Friday 09:00-18:00). */
    private static LocalDate nextWeekday() {
        LocalDate d = LocalDate.now().plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Test
    void aBookingMadeOnClientBAppearsInClientAsDayViewWithin3Seconds(FxRobot robot) {
        LocalDate day = nextWeekday();
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        DatePicker date = node(robot, "bookDate");
        robot.interact(() -> date.setValue(day));
        settle();
        assertThat(text(robot, "statusServer")).isEqualTo("Clinic server: connected");

        Appointment booked;
        long tBooked;
        try (Database db = Database.openFolder(clientB)) {
            Services b = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            b.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
            long patient = b.patients().create(TestClinic.patient("Ola", "Quenby", "1981-04-05", "555-010-3131"), true).id();
            Injector ivy = b.appointments().injectors().get(0);
            booked = b.appointments().book(new AppointmentDraft(patient, ivy.id(), null, day.atTime(10, 0), 30,
                    AppointmentKind.CONSULTATION, "First consultation", List.of(), null), false);
            tBooked = System.nanoTime();
        }
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> robot.lookup("#appt-" + booked.id()).tryQuery().isPresent()).get());
        } catch (TimeoutException e) {
            throw new AssertionError("client B's booking did not appear in client A's day view within 3 s", e);
        }
        double seconds = (System.nanoTime() - tBooked) / 1e9;
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(java.util.Locale.ROOT, "client B's booking shown on client A after %.2f s%n", seconds);
        Node block = robot.lookup("#appt-" + booked.id()).query();
        Node column = robot.lookup("#col-injector-" + booked.injectorId()).query();
        double centre = block.getLayoutX() + block.getLayoutBounds().getWidth() / 2;
        assertThat(centre).isBetween(column.getBoundsInParent().getMinX(), column.getBoundsInParent().getMaxX());
        assertThat(seconds).isLessThan(3.0);
        screenshot("book-two-clients");
    }
}
