package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/**
 * A realistic Monday in the book: six injectors (one working only the afternoon), four rooms, some forty
 * appointments of every kind, the morning's completed and the afternoon's booked or confirmed, one no-show.
 * Day per injector, per room and the week (all injectors, then one) are drawn in full and photographed; a
 * week on (three booked) and back, the kept blocks show each appointment's own status.
 */
class BookScreensUiTest extends UiTest {
    private final List<Appointment> booked = new ArrayList<>();
    /** Three booked on the Tuesday after, shown by blocks that showed Monday's before. */
    private final List<Appointment> nextWeek = new ArrayList<>();
    private long lateStarter;

    @Override
    protected void prepare(TestClinic c) {
        ScheduleFixture fx = new ScheduleFixture(c);
        c.clock.advance(Duration.ofHours(2 * 24 + 3).plusMinutes(30)); // Monday 23 Nov 12:30
        c.signIn("admin");
        AppointmentService s = c.services.appointments();
        List<Long> injectors = new ArrayList<>(List.of(fx.ivy, fx.ian));
        String[][] names = {{"noor", "Noor Balwick"}, {"tess", "Tess Corbury"}, {"milo", "Milo Fenstad"}, {"rae", "Rae Holdell"}};
        for (String[] n : names) {
            injectors.add(c.services.users().create(new UserDraft(n[0], n[1], Role.INJECTOR, "RN", "LIC-" + n[0]),
                    TestClinic.PASSWORD.toCharArray(), TestClinic.PASSWORD.toCharArray()).id());
        }
        lateStarter = injectors.get(5);
        s.saveInjectorHours(lateStarter, List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(18, 0))));
        List<Room> rooms = new ArrayList<>(List.of(fx.room1, fx.room2));
        rooms.add(s.saveRoom(new Room(0, "Room 3", true, 0)));
        rooms.add(s.saveRoom(new Room(0, "Laser suite", true, 0)));
        Random rnd = new Random(13);
        List<Patient> patients = new ArrayList<>(List.of(fx.ann, fx.bea, fx.cai));
        for (int i = 0; i < 30; i++) {
            patients.add(c.services.patients().create(SeedDemo.patient(rnd, ScheduleFixture.MONDAY), false));
        }
        AppointmentKind[] kinds = {AppointmentKind.TREATMENT, AppointmentKind.TREATMENT, AppointmentKind.REVIEW,
                AppointmentKind.CONSULTATION, AppointmentKind.TOUCH_UP, AppointmentKind.TREATMENT};
        int p = 0;
        for (int i = 0; i < injectors.size(); i++) {
            LocalDateTime t = ScheduleFixture.monday(i == 5 ? "12:00" : "09:00").plusMinutes(i % 3 * 15);
            Long room = i < 4 ? rooms.get(i).id() : null;
            for (int n = 0; n < (i == 5 ? 5 : 7) && t.toLocalTime().isBefore(LocalTime.of(17, 0)); n++) {
                AppointmentKind kind = kinds[rnd.nextInt(kinds.length)];
                int minutes = AppointmentService.defaultMinutes(kind);
                if (t.plusMinutes(minutes).toLocalTime().isAfter(LocalTime.of(18, 0))) {
                    break;
                }
                booked.add(s.book(new AppointmentDraft(patients.get(p++ % patients.size()).id(), injectors.get(i), room, t,
                        minutes, kind, null, List.of(), null), false));
                t = t.plusMinutes(minutes + 15L * rnd.nextInt(5));
            }
        }
        LocalDateTime now = s.now();
        boolean noShow = false;
        for (Appointment a : booked) {
            Appointment x = a;
            if (!x.end().isAfter(now)) {
                if (!noShow) {
                    noShow = true;
                    s.changeStatus(x.id(), x.version(), AppointmentStatus.NO_SHOW, null);
                    continue;
                }
                x = s.markArrived(x.id(), x.version());
                x = s.changeStatus(x.id(), x.version(), AppointmentStatus.IN_TREATMENT, null);
                s.changeStatus(x.id(), x.version(), AppointmentStatus.COMPLETED, null);
            } else if (x.start().isBefore(now)) {
                x = s.markArrived(x.id(), x.version());
                s.changeStatus(x.id(), x.version(), AppointmentStatus.IN_TREATMENT, null);
            } else if (x.start().isBefore(now.plusMinutes(30))) {
                s.markArrived(x.id(), x.version());
            } else if (x.id() % 2 == 0) {
                s.changeStatus(x.id(), x.version(), AppointmentStatus.CONFIRMED, null);
            }
        }
        for (int i = 0; i < 3; i++) {
            nextWeek.add(s.book(new AppointmentDraft(patients.get(i).id(), injectors.get(i), null,
                    ScheduleFixture.monday("10:00").plusDays(8).plusHours(i), 30, AppointmentKind.REVIEW, null, List.of(), null),
                    false));
        }
        c.services.auth().signOut();
    }

    /** The block's status pseudo-classes (one, its appointment's) and whether it is drawn as chosen. */
    private static List<String> states(BookGrid grid, Appointment a) {
        return grid.blockOf(a.id()).getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                .filter(n -> n.startsWith("status-") || n.equals("selected")).sorted().toList();
    }

    /** The blocks drawn: shown, in a part of the grid that is shown (the grid keeps a few spare blocks hidden). */
    private static List<Node> drawnBlocks(FxRobot robot) {
        return robot.lookup(".book-block").queryAll().stream().filter(BookScreensUiTest::drawn).toList();
    }

    private static boolean drawn(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String status(AppointmentStatus s) {
        return "status-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Test
    void aFullDayAndWeekAreDrawnInFull(FxRobot robot) {
        assertThat(booked.size()).isBetween(35, 50);
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navBook");
        settle();
        BookGrid grid = node(robot, "bookGrid");
        assertThat(grid.columns()).hasSize(6);
        for (Appointment a : booked) {
            assertThat(grid.blockOf(a.id())).as("appointment " + a.id()).isNotNull();
        }
        assertThat(robot.lookup(".book-closed").queryAll()).as("the late starter's morning").hasSize(1);
        Appointment current = booked.stream().filter(a -> a.start().toLocalTime().isBefore(LocalTime.of(12, 30))
                && a.end().toLocalTime().isAfter(LocalTime.of(12, 30))).findFirst().orElseThrow();
        robot.clickOn("#appt-" + current.id());
        assertThat(text(robot, "apptStatus")).as("the book opens on now").isEqualTo("In treatment");
        screenshot("book-day-injectors");
        // the dark theme: the blocks' dark tints and light text (book.css), the status in words beside the colour
        robot.interact(() -> window.useDarkTheme(true));
        settle();
        Label blockText = (Label) grid.blockOf(current.id()).lookup(".book-block-name");
        assertThat(((javafx.scene.paint.Color) blockText.getTextFill()).getBrightness()).as("light text on a dark block")
                .isGreaterThan(0.8);
        screenshot("book-day-injectors-dark");
        robot.interact(() -> window.useDarkTheme(false));
        settle();
        assertThat(((javafx.scene.paint.Color) blockText.getTextFill()).getBrightness()).as("dark text on a light block")
                .isLessThan(0.3);

        robot.clickOn("#bookByRoom");
        settle();
        assertThat(grid.columns()).extracting(BookModel.Column::title).as("the rooms by name, then none")
                .containsExactly("Laser suite", "Room 1", "Room 2", "Room 3", "No room");
        screenshot("book-day-rooms");

        robot.clickOn("#bookWeekMode");
        settle();
        assertThat(grid.columns()).hasSize(7);
        assertThat(drawnBlocks(robot)).hasSize(booked.size());
        screenshot("book-week-all");
        assertThat(states(grid, current)).containsExactly("selected", status(AppointmentStatus.IN_TREATMENT));
        // the week's square compact blocks in the dark theme: a dark tint, the status's bright edge
        robot.interact(() -> window.useDarkTheme(true));
        settle();
        Appointment other = booked.stream().filter(a -> a.id() != current.id()).findFirst().orElseThrow();
        javafx.scene.layout.Region darkBlock = (javafx.scene.layout.Region) grid.blockOf(other.id());
        assertThat(((javafx.scene.paint.Color) darkBlock.getBackground().getFills().get(0).getFill()).getBrightness())
                .as("a dark block in the dark week").isLessThan(0.4);
        assertThat(darkBlock.getBackground().getFills().get(0).getRadii().isUniform()
                && darkBlock.getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius() == 0)
                .as("square corners on the week's blocks").isTrue();
        screenshot("book-week-all-dark");
        robot.interact(() -> window.useDarkTheme(false));
        settle();

        // a week on and back: the blocks are kept and told what they now show, each with its own status only
        robot.clickOn("#bookNext");
        settle();
        assertThat(drawnBlocks(robot)).hasSize(nextWeek.size());
        for (Appointment a : nextWeek) {
            assertThat(states(grid, a)).as("appointment " + a.id()).containsExactly(status(AppointmentStatus.BOOKED));
        }
        robot.clickOn("#bookPrev");
        settle();
        assertThat(drawnBlocks(robot)).hasSize(booked.size());
        for (Appointment a : booked) {
            AppointmentStatus now = clinic.services.appointments().appointment(a.id()).status();
            assertThat(states(grid, a)).as("appointment " + a.id()).containsExactly(status(now));
            assertThat(drawn(grid.blockOf(a.id()))).as("appointment " + a.id() + " drawn").isTrue();
        }

        ComboBox<Injector> who = node(robot, "bookWeekInjector");
        robot.interact(() -> who.setValue(who.getItems().stream().filter(i -> i.id() == lateStarter).findFirst().orElseThrow()));
        settle();
        assertThat(drawnBlocks(robot)).hasSize((int) booked.stream()
                .filter(a -> a.injectorId() == lateStarter).count());
        screenshot("book-week-one");
    }
}
