package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The book's rules without a window: slots, snapping, lanes of overlapping appointments, columns, shading, and drags as service calls. */
class BookModelTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Injector IVY = new Injector(1, "Ivy Injector");
    private static final Injector IAN = new Injector(2, "Ian Second");
    private static final Room ROOM1 = new Room(10, "Room 1", true, 0);
    private static final Room ROOM2 = new Room(11, "Room 2", true, 0);

    private static Appointment appt(long id, Injector i, Room r, String start, int minutes, AppointmentStatus status) {
        LocalDateTime s = MONDAY.atTime(LocalTime.parse(start));
        return new Appointment(id, 100 + id, 1000 + id, "Smith, Ann", i.id(), i.name(), r == null ? null : r.id(),
                r == null ? null : r.name(), s, s.plusMinutes(minutes), AppointmentKind.TREATMENT, null, List.of(), status,
                null, null, false, null, null, null, 3);
    }

    private static ScheduleSettings clinicHours() {
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(d == DayOfWeek.SUNDAY ? DayHours.closed(d) : new DayHours(d, LocalTime.of(9, 0),
                    d == DayOfWeek.SATURDAY ? LocalTime.of(13, 0) : LocalTime.of(18, 0)));
        }
        return new ScheduleSettings(days, 24);
    }

    private static BookModel day(List<Appointment> list, InjectorWeek... own) {
        BookModel m = new BookModel();
        Map<Long, InjectorWeek> hours = new java.util.LinkedHashMap<>();
        hours.put(IVY.id(), new InjectorWeek(IVY.id(), IVY.name(), List.of()));
        hours.put(IAN.id(), new InjectorWeek(IAN.id(), IAN.name(), List.of()));
        for (InjectorWeek w : own) {
            hours.put(w.injectorId(), w);
        }
        m.show(new BookModel.Snapshot(MONDAY, BookModel.Mode.DAY, list, List.of(IVY, IAN), List.of(ROOM1, ROOM2),
                clinicHours(), hours));
        return m;
    }

    @Test
    void aYMapsToTheFiveMinuteSlotItFallsInAndStaysOnTheAxis() {
        BookLayout l = new BookLayout(LocalTime.of(9, 0), LocalTime.of(18, 0), 2.0);
        assertThat(l.slotAt(0)).isEqualTo(LocalTime.of(9, 0));
        assertThat(l.slotAt(9.9)).isEqualTo(LocalTime.of(9, 0)); // 4.95 minutes in
        assertThat(l.slotAt(10)).isEqualTo(LocalTime.of(9, 5));
        assertThat(l.slotAt(120 + 59)).isEqualTo(LocalTime.of(10, 25)); // 89.5 minutes
        assertThat(l.slotAt(-30)).isEqualTo(LocalTime.of(9, 0));
        assertThat(l.slotAt(5000)).isEqualTo(LocalTime.of(17, 55));
        assertThat(l.y(LocalTime.of(10, 30))).isEqualTo(180.0);
        assertThat(l.height()).isEqualTo(9 * 60 * 2.0);
    }

    @Test
    void dragsSnapToFiveMinutesAndKeepTheAppointmentOnTheAxis() {
        BookLayout l = new BookLayout(LocalTime.of(9, 0), LocalTime.of(18, 0), 2.0);
        assertThat(BookLayout.snap(7.4)).isEqualTo(5);
        assertThat(BookLayout.snap(7.6)).isEqualTo(10);
        assertThat(l.moved(LocalTime.of(10, 0), 30, 2.0 * 62)).isEqualTo(LocalTime.of(11, 0)); // 62 min -> 60
        assertThat(l.moved(LocalTime.of(10, 0), 30, -2.0 * 13)).isEqualTo(LocalTime.of(9, 45)); // -13 -> -15
        assertThat(l.moved(LocalTime.of(10, 0), 30, -2.0 * 300)).isEqualTo(LocalTime.of(9, 0));
        assertThat(l.moved(LocalTime.of(17, 0), 45, 2.0 * 60)).isEqualTo(LocalTime.of(17, 15)); // ends at 18:00
        assertThat(l.resized(LocalTime.of(10, 0), 30, 2.0 * 16)).isEqualTo(45);
        assertThat(l.resized(LocalTime.of(10, 0), 30, -2.0 * 60)).isEqualTo(5);
        assertThat(l.resized(LocalTime.of(17, 30), 15, 2.0 * 100)).isEqualTo(30);
    }

    @Test
    void overlappingAppointmentsShareTheColumnAndBackToBackOnesDoNot() {
        Appointment a = appt(1, IVY, null, "10:00", 60, AppointmentStatus.BOOKED);
        Appointment b = appt(2, IVY, null, "10:30", 30, AppointmentStatus.BOOKED);
        Appointment c = appt(3, IVY, null, "10:45", 30, AppointmentStatus.BOOKED);
        Appointment d = appt(4, IVY, null, "11:15", 15, AppointmentStatus.BOOKED); // back to back with c
        Appointment e = appt(5, IVY, null, "12:00", 30, AppointmentStatus.BOOKED);
        Map<Long, BookLayout.Lane> lanes = BookLayout.lanes(List.of(e, d, c, b, a));
        assertThat(lanes.get(1L)).isEqualTo(new BookLayout.Lane(0, 3));
        assertThat(lanes.get(2L)).isEqualTo(new BookLayout.Lane(1, 3));
        assertThat(lanes.get(3L)).isEqualTo(new BookLayout.Lane(2, 3));
        assertThat(lanes.get(4L)).as("after c ends the group is over").isEqualTo(new BookLayout.Lane(0, 1));
        assertThat(lanes.get(5L)).isEqualTo(new BookLayout.Lane(0, 1));
        // a lane that frees up is used again within the group
        Appointment f = appt(6, IAN, null, "09:00", 60, AppointmentStatus.BOOKED);
        Appointment g = appt(7, IAN, null, "09:15", 15, AppointmentStatus.BOOKED);
        Appointment h = appt(8, IAN, null, "09:30", 15, AppointmentStatus.BOOKED);
        assertThat(BookLayout.lanes(List.of(f, g, h))).containsEntry(8L, new BookLayout.Lane(1, 2))
                .containsEntry(7L, new BookLayout.Lane(1, 2)).containsEntry(6L, new BookLayout.Lane(0, 2));
    }

    @Test
    void aDayHasAColumnPerInjectorOrPerRoomAndCancelledOnesAreOffTheGrid() {
        Appointment a = appt(1, IVY, ROOM1, "10:00", 30, AppointmentStatus.CONFIRMED);
        Appointment b = appt(2, IAN, null, "10:00", 30, AppointmentStatus.BOOKED);
        Appointment gone = appt(3, IAN, ROOM2, "11:00", 30, AppointmentStatus.CANCELLED);
        BookModel m = day(List.of(a, b, gone));
        List<BookModel.Column> cols = m.columns();
        assertThat(cols).extracting(BookModel.Column::title).containsExactly("Ivy Injector", "Ian Second");
        assertThat(m.in(cols.get(0))).containsExactly(a);
        assertThat(m.in(cols.get(1))).containsExactly(b);
        m.grouping(BookModel.Grouping.ROOM);
        cols = m.columns();
        assertThat(cols).extracting(BookModel.Column::title).containsExactly("Room 1", "Room 2", "No room");
        assertThat(m.in(cols.get(0))).containsExactly(a);
        assertThat(m.in(cols.get(1))).isEmpty();
        assertThat(m.in(cols.get(2))).containsExactly(b);
    }

    @Test
    void theWeekHasSevenDaysOfOneInjectorOrAll() {
        BookModel m = new BookModel();
        Appointment a = appt(1, IVY, null, "10:00", 30, AppointmentStatus.BOOKED);
        Appointment b = appt(2, IAN, null, "10:00", 30, AppointmentStatus.BOOKED);
        m.show(new BookModel.Snapshot(MONDAY.plusDays(2), BookModel.Mode.WEEK, List.of(a, b), List.of(IVY, IAN), List.of(),
                clinicHours(), Map.of()));
        List<BookModel.Column> cols = m.columns();
        assertThat(cols).hasSize(7);
        assertThat(cols.get(0).date()).isEqualTo(MONDAY);
        assertThat(cols).as("keyed by weekday: a column's fx:id stays from week to week").extracting(BookModel.Column::key)
                .containsExactly("day-mon", "day-tue", "day-wed", "day-thu", "day-fri", "day-sat", "day-sun");
        assertThat(m.compact()).isTrue();
        assertThat(m.in(cols.get(0))).containsExactly(a, b);
        assertThat(m.lanes(cols.get(0))).as("a lane per injector in the week of all").containsEntry(1L,
                new BookLayout.Lane(0, 2)).containsEntry(2L, new BookLayout.Lane(1, 2));
        m.weekInjector(IAN.id());
        assertThat(m.compact()).isFalse();
        assertThat(m.in(m.columns().get(0))).containsExactly(b);
        assertThat(m.title()).isEqualTo("Week of Mon 23 Nov \u2013 Sun 29 Nov 2026");
        assertThat(BookModel.step(MONDAY, BookModel.Mode.WEEK, -1)).isEqualTo(MONDAY.minusWeeks(1));
        assertThat(BookModel.step(MONDAY, BookModel.Mode.DAY, 1)).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void theAxisIsTheOpeningHoursWidenedToAppointmentsAndAnInjectorsOtherHoursAreShaded() {
        InjectorWeek ianLate = new InjectorWeek(IAN.id(), IAN.name(),
                List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(16, 30))));
        BookModel m = day(List.of(), ianLate);
        BookLayout l = m.layout(2.0);
        assertThat(l.from()).isEqualTo(LocalTime.of(9, 0));
        assertThat(l.to()).isEqualTo(LocalTime.of(18, 0));
        List<BookModel.Column> cols = m.columns();
        assertThat(m.closed(cols.get(0), l)).isEmpty();
        assertThat(m.closed(cols.get(1), l)).containsExactly(new BookModel.Span(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BookModel.Span(LocalTime.of(16, 30), LocalTime.of(18, 0)));
        BookModel early = day(List.of(appt(1, IVY, null, "07:40", 30, AppointmentStatus.BOOKED),
                appt(2, IVY, null, "18:10", 20, AppointmentStatus.BOOKED)));
        BookLayout wide = early.layout(2.0);
        assertThat(wide.from()).isEqualTo(LocalTime.of(7, 0));
        assertThat(wide.to()).isEqualTo(LocalTime.of(19, 0));
        InjectorWeek ivyOff = new InjectorWeek(IVY.id(), IVY.name(), List.of(DayHours.closed(DayOfWeek.MONDAY)));
        BookModel off = day(List.of(), ivyOff);
        assertThat(off.closed(off.columns().get(0), off.layout(2.0))).containsExactly(
                new BookModel.Span(LocalTime.of(9, 0), LocalTime.of(18, 0)));
    }

    @Test
    void aDragBecomesTheMoveCallOfItsTargetColumn() {
        Appointment a = appt(1, IVY, ROOM1, "10:00", 30, AppointmentStatus.BOOKED);
        BookModel m = day(List.of(a));
        List<BookModel.Column> cols = m.columns();
        assertThat(m.move(a, cols.get(0), LocalTime.of(10, 0), 30)).as("dropped where it was").isNull();
        assertThat(m.move(a, cols.get(1), LocalTime.of(11, 0), 30)).isEqualTo(
                new BookModel.MoveCall(1, 3, MONDAY.atTime(11, 0), 30, IAN.id(), ROOM1.id()));
        assertThat(m.move(a, cols.get(0), LocalTime.of(10, 0), 45)).as("resized").isEqualTo(
                new BookModel.MoveCall(1, 3, MONDAY.atTime(10, 0), 45, IVY.id(), ROOM1.id()));
        m.grouping(BookModel.Grouping.ROOM);
        cols = m.columns();
        assertThat(m.move(a, cols.get(1), LocalTime.of(10, 0), 30)).as("another room, same injector").isEqualTo(
                new BookModel.MoveCall(1, 3, MONDAY.atTime(10, 0), 30, IVY.id(), ROOM2.id()));
        assertThat(m.move(a, cols.get(2), LocalTime.of(10, 0), 30)).as("no room").isEqualTo(
                new BookModel.MoveCall(1, 3, MONDAY.atTime(10, 0), 30, IVY.id(), null));
    }

    @Test
    void arrowKeysWalkTheColumnAndAcrossColumnsToTheNearestTime() {
        Appointment a = appt(1, IVY, null, "09:00", 30, AppointmentStatus.BOOKED);
        Appointment b = appt(2, IVY, null, "11:00", 30, AppointmentStatus.BOOKED);
        Appointment c = appt(3, IAN, null, "10:45", 30, AppointmentStatus.BOOKED);
        Appointment d = appt(4, IAN, null, "15:00", 30, AppointmentStatus.BOOKED);
        BookModel m = day(List.of(a, b, c, d));
        assertThat(m.neighbour(null, 1, false)).isEqualTo(a);
        assertThat(m.neighbour(a, 1, false)).isEqualTo(b);
        assertThat(m.neighbour(b, 1, false)).as("the last stays").isEqualTo(b);
        assertThat(m.neighbour(b, 1, true)).isEqualTo(c);
        assertThat(m.neighbour(d, -1, true)).isEqualTo(b);
        assertThat(m.neighbour(a, -1, true)).isEqualTo(a);
    }

    @Test
    void theFormReadsTimesAndNamesEachFieldThatIsWrong() {
        assertThat(BookingForm.time("9:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(BookingForm.time("0930")).isEqualTo(LocalTime.of(9, 30));
        assertThat(BookingForm.time("14.05")).isEqualTo(LocalTime.of(14, 5));
        assertThat(BookingForm.time("25:00")).isNull();
        assertThat(BookingForm.time("half nine")).isNull();
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> BookingForm.draft(null, AppointmentKind.REVIEW,
                MONDAY, "9:32", "abc", null, null, null, List.of()), org.needlepoint.common.ValidationException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("patient", "time", "minutes", "injector");
        AppointmentDraft d = BookingForm.draft(7L, AppointmentKind.REVIEW, MONDAY, "9:30", "20", 1L, 10L, "Two-week review",
                List.of(5L));
        assertThat(d).isEqualTo(new AppointmentDraft(7, 1, 10L, MONDAY.atTime(9, 30), 20, AppointmentKind.REVIEW,
                "Two-week review", List.of(5L), null));
    }

    @Test
    void aColumnsAppointmentsFollowTheGroupingTheInjectorAndANewSnapshotAfterBeingWorkedOut() {
        Appointment ivyInRoom1 = appt(1, IVY, ROOM1, "10:00", 30, AppointmentStatus.BOOKED);
        Appointment ianInRoom1 = appt(2, IAN, ROOM1, "11:00", 30, AppointmentStatus.CONFIRMED);
        Appointment cancelled = appt(3, IVY, ROOM2, "12:00", 30, AppointmentStatus.CANCELLED);
        BookModel m = day(List.of(ivyInRoom1, ianInRoom1, cancelled));
        BookModel.Column ivy = m.columns().get(0);
        assertThat(m.in(ivy)).containsExactly(ivyInRoom1);
        assertThat(m.visible()).containsExactly(ivyInRoom1, ianInRoom1);

        m.grouping(BookModel.Grouping.ROOM);
        BookModel.Column room1 = m.columns().get(0);
        assertThat(room1.title()).isEqualTo("Room 1");
        assertThat(m.in(room1)).containsExactly(ivyInRoom1, ianInRoom1);

        // the same column of a new snapshot: what the new one holds, not what was worked out before
        Appointment ivyLater = appt(4, IVY, ROOM1, "15:00", 30, AppointmentStatus.ARRIVED);
        m.show(new BookModel.Snapshot(MONDAY, BookModel.Mode.DAY, List.of(ivyLater), List.of(IVY, IAN), List.of(ROOM1, ROOM2),
                clinicHours(), m.data().hours()));
        assertThat(m.in(room1)).containsExactly(ivyLater);
        assertThat(m.visible()).containsExactly(ivyLater);

        m.show(new BookModel.Snapshot(MONDAY, BookModel.Mode.WEEK, List.of(ivyInRoom1, ianInRoom1), List.of(IVY, IAN),
                List.of(ROOM1, ROOM2), clinicHours(), m.data().hours()));
        BookModel.Column monday = m.columns().get(0);
        assertThat(m.in(monday)).containsExactly(ivyInRoom1, ianInRoom1);
        m.weekInjector(IAN.id());
        assertThat(m.in(m.columns().get(0))).containsExactly(ianInRoom1);
    }
}
