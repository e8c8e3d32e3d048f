package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.Room;
import org.needlepoint.security.Audit;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

/** {@code appointments}: the day's book as CSV, a bad date exits 2; {@code check} counts them; seed-demo books them. */
class AppointmentsCommandTest {
    @TempDir
    Path dir;

    /** Today (Saturday 21 Nov 2026): two appointments, one cancelled; Monday: one. */
    private Path clinicWithAppointments() {
        Path folder = dir.resolve("clinic");
        try (TestClinic clinic = new TestClinic(folder).withStaff()) {
            clinic.signIn("admin");
            AppointmentService book = clinic.services.appointments();
            Room room = book.saveRoom(new Room(0, "Room 1, front", true, 0));
            long ivy = book.injectors().get(0).id();
            Patient ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
            Patient bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
            LocalDate today = book.today();
            book.book(new AppointmentDraft(bea.id(), ivy, null, today.atTime(11, 30), 15, AppointmentKind.REVIEW, null,
                    List.of(), null), false);
            var first = book.book(new AppointmentDraft(ann.id(), ivy, room.id(), today.atTime(10, 0), 45,
                    AppointmentKind.TREATMENT, "Forehead", List.of(), null), false);
            book.cancel(first.id(), first.version(), "Unwell");
            book.book(new AppointmentDraft(ann.id(), ivy, room.id(), today.plusDays(2).atTime(9, 0), null,
                    AppointmentKind.CONSULTATION, null, List.of(), null), false);
            clinic.services.auth().signOut();
        }
        return folder;
    }

    @Test
    void theDaysBookAsCsvByTimeDefaultingToToday() {
        Path folder = clinicWithAppointments();

        CliRun r = run("--data", folder.toString(), "appointments");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("time,duration,injector,room,chart_number,kind,status\r\n"
                + "2026-11-21 10:00,45,NP Ivy Injector,\"Room 1, front\",1001,treatment,cancelled\r\n"
                + "2026-11-21 11:30,15,NP Ivy Injector,,1002,review,booked\r\n");
        CliRun monday = run("--data", folder.toString(), "appointments", "--date", "2026-11-23");
        assertThat(monday.out().lines()).containsExactly("time,duration,injector,room,chart_number,kind,status",
                "2026-11-23 09:00,30,NP Ivy Injector,\"Room 1, front\",1001,consultation,booked");
        try (Database db = Database.open(folder)) {
            assertThat(AuditLog.last(db)).satisfies(e -> {
                assertThat(e.action()).isEqualTo(Audit.EXPORT);
                assertThat(e.username()).isEqualTo(AppointmentService.COMMAND_LINE);
                assertThat(e.summary()).contains("2026-11-23", "1 appointment(s)");
            });
        }
    }

    @Test
    void aBadDateExitsTwoWithOneLine() {
        Path folder = clinicWithAppointments();
        CliRun r = run("--data", folder.toString(), "appointments", "--date", "next tuesday");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("--date must be a date like 2026-11-21, not next tuesday." + System.lineSeparator());
        CliRun unknown = run("--data", folder.toString(), "appointments", "--day", "2026-11-21");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
    }

    @Test
    void checkCountsTheAppointments() {
        Path folder = clinicWithAppointments();
        CliRun r = run("--data", folder.toString(), "check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("appointments: 3", "appointments booked: 2", "appointments cancelled: 1",
                "appointments completed: 0", "appointment confirmation calls: 0", "rooms: 1");
    }

    @Test
    void seedDemoBooksTwoWeeksAroundTodayInEveryStatus() {
        Path folder = dir.resolve("demo");
        CliRun seeded = run("--data", folder.toString(), "seed-demo", "--patients", "20", "--seed", "3");
        assertThat(seeded.code()).as(seeded.err()).isZero();
        assertThat(seeded.out()).containsPattern("Appointment book: 3 rooms, opening hours Mon-Fri 09:00-18:00 and Sat"
                + " 09:00-14:00; [1-9][0-9]* appointments over the two weeks around today");
        try (Database db = Database.open(folder)) {
            db.read(c -> {
                assertThat(Sql.count(c, "SELECT COUNT(DISTINCT status) FROM appointment")).isEqualTo(7);
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM appointment WHERE starts_at < TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-14 00:00:00+00' OR starts_at >= TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'")).isZero();
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM appointment WHERE late_cancel")).isPositive();
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM appointment_call")).isPositive();
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM room")).isEqualTo(3);
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM appointment_status_log WHERE at > TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-21 09:00:00+00'")).as("nothing happens after now").isZero();
                return null;
            });
        }
        CliRun check = run("--data", folder.toString(), "check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("check: OK").containsPattern("appointments completed: [1-9]");
        CliRun today = run("--data", folder.toString(), "appointments");
        assertThat(today.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("2026-11-21 "));
    }
}
