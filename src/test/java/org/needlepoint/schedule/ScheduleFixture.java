package org.needlepoint.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.security.UserDraft;
import org.needlepoint.testing.TestClinic;

/**
 * A clinic with staff (admin, injector "Ivy Injector", a second injector "Ian Second", desk), two rooms
 * and three patients, on the test clock's Saturday 21 Nov 2026 09:00 UTC; nobody is left signed in.
 * The bookings go on Monday 23 Nov (open 09:00-18:00 by default).
 */
final class ScheduleFixture {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    final TestClinic clinic;
    final long ivy;
    final long ian;
    final Room room1;
    final Room room2;
    final Patient ann;
    final Patient bea;
    final Patient cai;

    ScheduleFixture(TestClinic clinic) {
        this.clinic = clinic.withStaff();
        clinic.signIn("admin");
        User second = clinic.services.users().create(new UserDraft("injector2", "Ian Second", Role.INJECTOR, null, "LIC-2"),
                TestClinic.PASSWORD.toCharArray(), TestClinic.PASSWORD.toCharArray());
        ian = second.id();
        ivy = clinic.services.users().list().stream().filter(u -> u.username().equals("injector")).findFirst().orElseThrow().id();
        AppointmentService s = clinic.services.appointments();
        room1 = s.saveRoom(new Room(0, "Room 1", true, 0));
        room2 = s.saveRoom(new Room(0, "Room 2", true, 0));
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-3456"), false);
        cai = clinic.services.patients().create(TestClinic.patient("Cai", "Brown", "1990-01-20", "(555) 010-4567"), false);
        clinic.services.auth().signOut();
    }

    static LocalDateTime monday(String hhmm) {
        return MONDAY.atTime(LocalTime.parse(hhmm));
    }

    static AppointmentDraft draft(Patient p, long injector, Room room, LocalDateTime start, int minutes) {
        return new AppointmentDraft(p.id(), injector, room == null ? null : room.id(), start, minutes,
                AppointmentKind.TREATMENT, "Glabellar lines", List.of(), null);
    }
}
