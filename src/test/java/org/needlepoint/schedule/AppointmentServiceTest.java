package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.schedule.ScheduleFixture.MONDAY;
import static org.needlepoint.schedule.ScheduleFixture.draft;
import static org.needlepoint.schedule.ScheduleFixture.monday;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class AppointmentServiceTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    ScheduleFixture f;
    AppointmentService book;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir);
        f = new ScheduleFixture(clinic);
        clinic.signIn("desk");
        book = clinic.services.appointments();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private Appointment at(String hhmm, int minutes) {
        return book.book(draft(f.ann, f.ivy, null, monday(hhmm), minutes), false);
    }

    // ------------------------------------------------------------------------------------- booking and reading

    @Test
    void theBookReadsItsPatientsNamesFromTheirIndexAloneAndItsWeekByTime() {
        String plan = clinic.db.read(c -> {
            try (var ps = c.prepareStatement("EXPLAIN " + AppointmentStore.BETWEEN)) {
                ps.setObject(1, java.time.OffsetDateTime.now());
                ps.setObject(2, java.time.OffsetDateTime.now().plusDays(7));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(plan).as("the week's plan").contains("PUBLIC.APPOINTMENT_START: STARTS_AT >= ?1")
                .contains("PUBLIC.PATIENT_BOOK_NAMES: ID = A.PATIENT_ID");
    }

    @Test
    void aBookingIsReadBackInTheDayAndWeekWithNamesAndAudited() {
        Appointment a = book.book(new AppointmentDraft(f.ann.id(), f.ivy, f.room1.id(), monday("10:00"), null,
                AppointmentKind.CONSULTATION, "  New patient  ", List.of(), null), false);

        assertThat(a.minutes()).isEqualTo(30);
        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.reason()).isEqualTo("New patient");
        assertThat(a.patientName()).isEqualTo("Smith, Ann");
        assertThat(a.chartNumber()).isEqualTo(f.ann.chartNumber());
        assertThat(a.injectorName()).isEqualTo("NP Ivy Injector");
        assertThat(a.roomName()).isEqualTo("Room 1");
        assertThat(book.day(MONDAY)).containsExactly(a);
        assertThat(book.day(MONDAY.plusDays(1))).isEmpty();
        assertThat(book.week(MONDAY.plusDays(3))).containsExactly(a);
        assertThat(book.week(MONDAY.minusDays(1))).isEmpty();
        assertThat(book.statusLog(a.id())).singleElement().satisfies(l -> {
            assertThat(l.from()).isNull();
            assertThat(l.to()).isEqualTo(AppointmentStatus.BOOKED);
            assertThat(l.byName()).isEqualTo("Dana Desk");
        });
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.CREATE);
            assertThat(e.patientId()).isEqualTo(f.ann.id());
            assertThat(e.summary()).contains("chart " + f.ann.chartNumber(), "10:00-10:30", "Room 1");
        });
    }

    @Test
    void defaultDurationsPerKind() {
        assertThat(AppointmentService.defaultMinutes(AppointmentKind.CONSULTATION)).isEqualTo(30);
        assertThat(AppointmentService.defaultMinutes(AppointmentKind.TREATMENT)).isEqualTo(30);
        assertThat(AppointmentService.defaultMinutes(AppointmentKind.REVIEW)).isEqualTo(15);
        assertThat(AppointmentService.defaultMinutes(AppointmentKind.TOUCH_UP)).isEqualTo(15);
        Appointment review = book.book(new AppointmentDraft(f.ann.id(), f.ivy, null, monday("11:00"), null,
                AppointmentKind.REVIEW, null, List.of(), null), false);
        assertThat(review.end()).isEqualTo(monday("11:15"));
    }

    @Test
    void badInputIsRefusedAtItsFieldAndNothingIsSaved() {
        assertThatThrownBy(() -> book.book(draft(f.ann, f.ivy, null, monday("10:00"), 2), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("minutes"));
        assertThatThrownBy(() -> book.book(draft(f.ann, f.ivy, null, MONDAY.minusDays(3).atTime(10, 0), 30), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("start"));
        long desk = clinic.services.session().require().id();
        assertThatThrownBy(() -> book.book(draft(f.ann, desk, null, monday("10:00"), 30), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("injector"));
        assertThatThrownBy(() -> book.book(new AppointmentDraft(f.ann.id(), f.ivy, null, monday("10:00"), 30,
                AppointmentKind.TREATMENT, null, List.of(999_999L), null), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("products"));
        assertThat(book.day(MONDAY)).isEmpty();
    }

    @Test
    void plannedProductsAreKept() {
        List<Long> products = clinic.services.inventory().products().stream().limit(2).map(p -> p.id()).toList();
        assertThat(products).hasSize(2);
        Appointment a = book.book(new AppointmentDraft(f.ann.id(), f.ivy, null, monday("10:00"), 30,
                AppointmentKind.TREATMENT, null, products, null), false);
        assertThat(book.appointment(a.id()).productIds()).containsExactlyInAnyOrderElementsOf(products);
    }

    // ------------------------------------------------------------------------------------- double booking

    @Test
    void theSameInjectorOverlappingByOneMinuteIsRefusedNamingTheOtherAppointment() {
        at("10:00", 30);
        assertThatThrownBy(() -> book.book(draft(f.bea, f.ivy, null, monday("10:29"), 30), false))
                .isInstanceOf(BookingConflictException.class)
                .hasMessageContaining("NP Ivy Injector already has an appointment")
                .hasMessageContaining("10:00-10:30")
                .hasMessageContaining("chart " + f.ann.chartNumber());
        assertThatThrownBy(() -> book.book(draft(f.bea, f.ivy, null, monday("09:31"), 30), false))
                .isInstanceOf(BookingConflictException.class);
        assertThatThrownBy(() -> book.book(draft(f.bea, f.ivy, null, monday("09:00"), 120), false))
                .isInstanceOf(BookingConflictException.class);
        assertThat(book.day(MONDAY)).hasSize(1);
    }

    @Test
    void backToBackIsAllowed() {
        at("10:00", 30);
        Appointment after = book.book(draft(f.bea, f.ivy, null, monday("10:30"), 30), false);
        Appointment before = book.book(draft(f.cai, f.ivy, null, monday("09:30"), 30), false);
        assertThat(book.day(MONDAY)).extracting(Appointment::start).containsExactly(monday("09:30"), monday("10:00"),
                monday("10:30"));
        assertThat(List.of(before.status(), after.status())).containsOnly(AppointmentStatus.BOOKED);
    }

    @Test
    void theSameRoomIsRefusedForAnotherInjectorAndAnotherRoomIsFine() {
        book.book(draft(f.ann, f.ivy, f.room1, monday("10:00"), 30), false);
        assertThatThrownBy(() -> book.book(draft(f.bea, f.ian, f.room1, monday("10:15"), 30), false))
                .isInstanceOf(BookingConflictException.class)
                .hasMessageContaining("Room 1 is taken")
                .hasMessageContaining("10:00-10:30")
                .hasMessageContaining("chart " + f.ann.chartNumber());
        Appointment other = book.book(draft(f.bea, f.ian, f.room2, monday("10:15"), 30), false);
        assertThat(other.roomName()).isEqualTo("Room 2");
    }

    @Test
    void cancelledAndNoShowAppointmentsDoNotBlock() {
        Appointment cancelled = book.book(draft(f.ann, f.ivy, f.room1, monday("10:00"), 30), false);
        book.cancel(cancelled.id(), cancelled.version(), "Patient has a cold");
        Appointment again = book.book(draft(f.bea, f.ivy, f.room1, monday("10:00"), 30), false);
        clinic.clock.advance(Duration.ofDays(2).plusHours(2)); // Monday 11:00
        book.changeStatus(again.id(), again.version(), AppointmentStatus.NO_SHOW, null);
        Appointment third = book.book(draft(f.cai, f.ivy, f.room1, monday("10:00"), 30), false);
        assertThat(third.status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void twoPcsBookingTheSameSlotAtOnceExactlyOneWins() throws Exception {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
        AppointmentService otherBook = other.appointments();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                String time = LocalTime.of(9, 0).plusMinutes(30L * round).toString();
                CyclicBarrier go = new CyclicBarrier(2);
                Future<Object> one = pool.submit(() -> {
                    go.await();
                    return attempt(() -> book.book(draft(f.ann, f.ivy, f.room1, monday(time), 30), false));
                });
                Future<Object> two = pool.submit(() -> {
                    go.await();
                    return attempt(() -> otherBook.book(draft(f.bea, f.ivy, f.room1, monday(time), 30), false));
                });
                List<Object> results = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
                assertThat(results).as("round " + round).filteredOn(r -> r instanceof Appointment).hasSize(1);
                assertThat(results).as("round " + round).filteredOn(r -> r instanceof BookingConflictException).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(book.day(MONDAY)).hasSize(12);
        List<String> problems = clinic.db.read(c -> new AppointmentStore().problems(c));
        assertThat(problems).isEmpty();
    }

    private static Object attempt(java.util.function.Supplier<Appointment> booking) {
        try {
            return booking.get();
        } catch (BookingConflictException e) {
            return e;
        }
    }

    // ------------------------------------------------------------------------------------- moving

    @Test
    void movingChecksConflictsAndTheVersion() {
        Appointment a = at("10:00", 30);
        Appointment b = book.book(draft(f.bea, f.ivy, null, monday("11:00"), 30), false);

        assertThatThrownBy(() -> book.move(b.id(), b.version(), monday("10:15"), 30, f.ivy, null, false))
                .isInstanceOf(BookingConflictException.class).hasMessageContaining("10:00-10:30");
        Appointment moved = book.move(b.id(), b.version(), monday("10:15"), 45, f.ian, f.room2.id(), false);
        assertThat(moved.start()).isEqualTo(monday("10:15"));
        assertThat(moved.end()).isEqualTo(monday("11:00"));
        assertThat(moved.injectorName()).isEqualTo("Ian Second");
        assertThat(moved.version()).isEqualTo(b.version() + 1);
        // resizing in place does not conflict with itself
        Appointment longer = book.move(a.id(), a.version(), monday("10:00"), 60, f.ivy, null, false);
        assertThat(longer.minutes()).isEqualTo(60);

        assertThatThrownBy(() -> book.move(b.id(), b.version(), monday("15:00"), 30, f.ivy, null, false))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Dana Desk");
        assertThat(book.appointment(b.id()).start()).isEqualTo(monday("10:15"));
    }

    // ------------------------------------------------------------------------------------- statuses

    @Test
    void theStatusFlowAndItsRefusals() {
        Appointment a = at("10:00", 30);
        a = book.changeStatus(a.id(), a.version(), AppointmentStatus.CONFIRMED, null);
        Appointment confirmed = a;
        assertThatThrownBy(() -> book.changeStatus(confirmed.id(), confirmed.version(), AppointmentStatus.COMPLETED, null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("A confirmed appointment cannot be marked completed; it can be marked arrived or no-show or cancelled.");
        assertThatThrownBy(() -> book.markArrived(confirmed.id(), confirmed.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not today");
        assertThatThrownBy(() -> book.changeStatus(confirmed.id(), confirmed.version(), AppointmentStatus.NO_SHOW, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Not yet a no-show");

        clinic.clock.advance(Duration.ofDays(2).plusMinutes(50)); // Monday 09:50
        a = book.markArrived(a.id(), a.version());
        a = book.changeStatus(a.id(), a.version(), AppointmentStatus.IN_TREATMENT, null);
        Appointment inTreatment = a;
        assertThatThrownBy(() -> book.cancel(inTreatment.id(), inTreatment.version(), "Changed mind"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be marked cancelled");
        a = book.changeStatus(a.id(), a.version(), AppointmentStatus.COMPLETED, null);
        Appointment done = a;
        assertThatThrownBy(() -> book.changeStatus(done.id(), done.version(), AppointmentStatus.ARRIVED, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("it is over");
        assertThatThrownBy(() -> book.move(done.id(), done.version(), monday("12:00"), 30, f.ivy, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be moved");
        assertThat(book.statusLog(a.id())).extracting(StatusChange::to).containsExactly(AppointmentStatus.BOOKED,
                AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED, AppointmentStatus.IN_TREATMENT, AppointmentStatus.COMPLETED);
        assertThat(AppointmentService.nextStatuses(AppointmentStatus.BOOKED)).containsExactlyInAnyOrder(
                AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED);
        assertThat(AppointmentService.nextStatuses(AppointmentStatus.CANCELLED)).isEmpty();
    }

    @Test
    void aCancellationNeedsAReasonAndAStaleStatusChangeIsAConflict() {
        Appointment a = at("10:00", 30);
        assertThatThrownBy(() -> book.cancel(a.id(), a.version(), "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("cancelReason"));
        book.changeStatus(a.id(), a.version(), AppointmentStatus.CONFIRMED, null);
        assertThatThrownBy(() -> book.cancel(a.id(), a.version(), "Travelling"))
                .isInstanceOf(StaleRecordException.class);
        Appointment now = book.appointment(a.id());
        Appointment cancelled = book.cancel(now.id(), now.version(), "Travelling");
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Travelling");
        assertThat(cancelled.cancelledAt()).isEqualTo(clinic.clock.instant());
        assertThat(cancelled.lateCancel()).isFalse();
    }

    // ------------------------------------------------------------------------------------- hours

    @Test
    void outsideTheHoursIsAQuestionAndTheFlagBooksAnyway() {
        LocalDate sunday = MONDAY.minusDays(1);
        assertThatThrownBy(() -> book.book(draft(f.ann, f.ivy, null, sunday.atTime(10, 0), 30), false))
                .isInstanceOf(OutsideHoursException.class)
                .hasMessageContaining("outside the clinic's opening hours (closed on Sundays)")
                .hasMessageEndingWith("Book it anyway?");
        assertThatThrownBy(() -> book.book(draft(f.ann, f.ivy, null, monday("17:45"), 30), false))
                .isInstanceOf(OutsideHoursException.class).hasMessageContaining("09:00-18:00 on Mondays");
        assertThat(book.day(sunday)).isEmpty();
        Appointment anyway = book.book(draft(f.ann, f.ivy, null, sunday.atTime(10, 0), 30), true);
        assertThat(book.day(sunday)).containsExactly(anyway);
        assertThat(AuditLog.last(clinic.db).summary()).contains("outside hours, confirmed");

        // the injector's own hours: Ivy works Mondays 12:00-16:00
        clinic.services.auth().signOut();
        clinic.signIn("admin");
        book.saveInjectorHours(f.ivy, List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(16, 0))));
        assertThatThrownBy(() -> book.book(draft(f.bea, f.ivy, null, monday("10:00"), 30), false))
                .isInstanceOf(OutsideHoursException.class)
                .hasMessageContaining("outside NP Ivy Injector's working hours (12:00-16:00 on Mondays)");
        assertThat(book.book(draft(f.bea, f.ivy, null, monday("12:00"), 30), false).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(book.book(draft(f.cai, f.ian, null, monday("10:00"), 30), false).injectorId()).isEqualTo(f.ian);
    }

    @Test
    void settingsAreAdminsOnlyAndAudited() {
        List<DayHours> week = List.of(new DayHours(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        assertThatThrownBy(() -> book.saveOpeningHours(week)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> book.saveLateCancelHours(48)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> book.saveRoom(new Room(0, "Room 3", true, 0))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> book.saveInjectorHours(f.ivy, week)).isInstanceOf(PermissionDeniedException.class);
        clinic.services.auth().signOut();
        clinic.signIn("admin");

        ScheduleSettings s = book.saveOpeningHours(week);
        assertThat(s.openingHours().get(6)).isEqualTo(week.get(0));
        assertThat(AuditLog.last(clinic.db).summary()).isEqualTo("opening hours: Sun 10:00-14:00");
        assertThat(book.saveLateCancelHours(48).lateCancelHours()).isEqualTo(48);
        assertThatThrownBy(() -> book.saveLateCancelHours(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> book.saveOpeningHours(List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(18, 0),
                LocalTime.of(9, 0))))).isInstanceOf(ValidationException.class).hasMessageContaining("end after they start");
        assertThatThrownBy(() -> book.saveRoom(new Room(0, "room 1", true, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("roomName"));
        Room out = book.saveRoom(new Room(f.room2.id(), "Room 2", false, f.room2.version()));
        assertThat(book.activeRooms()).extracting(Room::name).containsExactly("Room 1");
        assertThat(out.active()).isFalse();
        assertThatThrownBy(() -> book.book(draft(f.ann, f.ivy, f.room2, monday("10:00"), 30), false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Room 2 is not in use");
        assertThat(book.saveInjectorHours(f.ivy, List.of(DayHours.closed(DayOfWeek.FRIDAY))).ownDays())
                .containsExactly(DayHours.closed(DayOfWeek.FRIDAY));
    }

    @Test
    void nobodySignedInCannotBookOrRead() {
        clinic.services.auth().signOut();
        assertThatThrownBy(() -> at("10:00", 30)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> book.day(MONDAY)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void injectorsAndAdminsMayBookToo() {
        clinic.services.auth().signOut();
        clinic.signIn("injector");
        assertThat(at("10:00", 30).status()).isEqualTo(AppointmentStatus.BOOKED);
        clinic.services.auth().signOut();
        clinic.signIn("admin");
        assertThat(book.book(draft(f.bea, f.ivy, null, monday("11:00"), 30), false).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    // ------------------------------------------------------------------------------------- next free slot

    @Test
    void theNextFreeSlotRespectsHoursAndConflicts() {
        at("09:00", 30);
        at("09:30", 60);
        book.book(draft(f.bea, f.ivy, null, monday("10:45"), 30), false);

        FreeSlot ivy = book.nextFreeSlot(AppointmentKind.REVIEW, null, f.ivy, monday("08:00")).orElseThrow();
        assertThat(ivy.start()).isEqualTo(monday("10:30"));
        assertThat(ivy.end()).isEqualTo(monday("10:45"));
        FreeSlot longer = book.nextFreeSlot(AppointmentKind.TREATMENT, null, f.ivy, monday("08:00")).orElseThrow();
        assertThat(longer.start()).isEqualTo(monday("11:15"));
        // any injector: Ian is free at opening time
        FreeSlot any = book.nextFreeSlot(AppointmentKind.TREATMENT, null, null, monday("08:00")).orElseThrow();
        assertThat(any.injectorId()).isEqualTo(f.ian);
        assertThat(any.start()).isEqualTo(monday("09:00"));
        // late on Saturday (closes 13:00) -> Sunday closed -> Monday; a start between steps is rounded up
        FreeSlot weekend = book.nextFreeSlot(AppointmentKind.TREATMENT, 45, f.ian, MONDAY.minusDays(2).atTime(12, 31)).orElseThrow();
        assertThat(weekend.start()).isEqualTo(monday("09:00"));
        FreeSlot saturday = book.nextFreeSlot(AppointmentKind.REVIEW, null, f.ian, MONDAY.minusDays(2).atTime(12, 31)).orElseThrow();
        assertThat(saturday.start()).isEqualTo(MONDAY.minusDays(2).atTime(12, 35));
        // the injector's own hours count
        clinic.services.auth().signOut();
        clinic.signIn("admin");
        book.saveInjectorHours(f.ian, List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0))));
        assertThat(book.nextFreeSlot(AppointmentKind.TREATMENT, null, f.ian, monday("08:00")).orElseThrow().start())
                .isEqualTo(monday("13:00"));
    }

    // ------------------------------------------------------------------------------------- a patient's appointments

    @Test
    void aPatientsAppointmentsWithNoShowAndLateCancellationCountsAreAudited() {
        Appointment early = at("09:00", 30);
        book.cancel(early.id(), early.version(), "Booked in error"); // 48 h ahead: not late
        Appointment noShow = at("10:00", 30);
        Appointment late = at("11:00", 30);
        Appointment upcoming = book.book(draft(f.ann, f.ivy, null, MONDAY.plusDays(7).atTime(10, 0), 30), false);
        clinic.clock.advance(Duration.ofHours(30)); // Sunday 15:00: 20 h before 11:00
        Appointment lateCancelled = book.cancel(late.id(), late.version(), "Work");
        assertThat(lateCancelled.lateCancel()).isTrue();
        clinic.clock.advance(Duration.ofHours(19).plusMinutes(30)); // Monday 10:30
        book.changeStatus(noShow.id(), noShow.version(), AppointmentStatus.NO_SHOW, null);

        PatientAppointments p = book.patientAppointments(f.ann.id());
        assertThat(p.upcoming()).extracting(Appointment::id).containsExactly(upcoming.id());
        assertThat(p.past()).extracting(Appointment::id).containsExactlyInAnyOrder(early.id(), noShow.id(), late.id());
        assertThat(p.noShows()).isEqualTo(1);
        assertThat(p.lateCancellations()).isEqualTo(1);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.patientId()).isEqualTo(f.ann.id());
        });
        assertThat(book.patientAppointments(f.bea.id()).noShows()).isZero();
    }

    // ------------------------------------------------------------------------------------- confirmation calls

    @Test
    void tomorrowsCallListShowsTheLatestOutcomeAndACancelledCallCancels() {
        clinic.clock.advance(Duration.ofDays(1)); // Sunday: tomorrow is Monday
        Appointment a = at("10:00", 30);
        Appointment b = book.book(draft(f.bea, f.ivy, null, monday("11:00"), 30), false);
        Appointment c = book.book(draft(f.cai, f.ivy, null, monday("12:00"), 30), false);
        book.book(draft(f.cai, f.ivy, null, MONDAY.plusDays(1).atTime(12, 0), 30), false);

        assertThat(book.tomorrowsConfirmations()).extracting(r -> r.appointment().id()).containsExactly(a.id(), b.id(), c.id());
        book.recordCall(a.id(), a.version(), ConfirmationOutcome.LEFT_MESSAGE, "voicemail");
        Appointment confirmed = book.recordCall(a.id(), a.version(), ConfirmationOutcome.CONFIRMED, null);
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        Appointment cancelled = book.recordCall(b.id(), b.version(), ConfirmationOutcome.CANCELLED, null);
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Cancelled on the confirmation call");
        assertThat(cancelled.lateCancel()).isFalse(); // 26 h ahead

        List<ConfirmationRow> rows = book.tomorrowsConfirmations();
        assertThat(rows).extracting(r -> r.appointment().id()).containsExactly(a.id(), b.id(), c.id());
        assertThat(rows.get(0).lastOutcome()).isEqualTo(ConfirmationOutcome.CONFIRMED);
        assertThat(rows.get(0).calls()).isEqualTo(2);
        assertThat(rows.get(0).mobilePhone()).isEqualTo("(555) 010-2345");
        assertThat(rows.get(1).lastOutcome()).isEqualTo(ConfirmationOutcome.CANCELLED);
        assertThat(rows.get(2).lastOutcome()).isNull();
        assertThat(book.calls(a.id())).extracting(ConfirmationCall::outcome).containsExactly(ConfirmationOutcome.LEFT_MESSAGE,
                ConfirmationOutcome.CONFIRMED);
        assertThatThrownBy(() -> book.recordCall(b.id(), cancelled.version(), ConfirmationOutcome.CONFIRMED, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nothing to confirm");
        // the call log is append-only, even to raw SQL
        assertThatThrownBy(() -> clinic.db.tx(conn -> conn.createStatement().executeUpdate("DELETE FROM appointment_call")))
                .hasMessageContaining("append-only");
    }

    @Test
    void theChecksCountAppointmentsAndFindNoProblem() {
        at("10:00", 30);
        Appointment b = book.book(draft(f.bea, f.ivy, null, monday("11:00"), 30), false);
        book.cancel(b.id(), b.version(), "Moved away");
        AppointmentStore store = new AppointmentStore();
        java.util.Map<String, Long> counts = clinic.db.read(store::counts);
        assertThat(counts).containsEntry("appointments", 2L)
                .containsEntry("appointments booked", 1L).containsEntry("appointments cancelled", 1L).containsEntry("rooms", 2L);
        List<String> problems = clinic.db.read(store::problems);
        assertThat(problems).isEmpty();
    }
}
