package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.BookingConflictException;
import org.needlepoint.schedule.OutsideHoursException;
import org.needlepoint.store.Sql;
import org.needlepoint.store.StaleRecordException;

/**
 * Booking a follow-up task from the worklist: the suggested time (the task's earliest day, the hours,
 * the book's conflicts, the treating injector), the task closed as booked and linked to the appointment,
 * and one transaction (a refused booking leaves the task open and nothing booked). The test clock is
 * Saturday 21 Nov 2026 09:00; a Sculptra session signed then asks for the next no sooner than 28 days
 * (Saturday 19 Dec, open 09:00-13:00), due at 6 weeks.
 */
class TaskBookingTest {
    @TempDir
    Path dir;
    FollowUpFixture f;
    TaskBookingService bookings;
    AppointmentService book;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
        bookings = f.clinic.services.taskBookings();
        book = f.clinic.services.appointments();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private FollowUpTask task(String rule) {
        return f.followUps.patientTasks(f.ann.id()).stream().filter(t -> rule.equals(t.ruleCode())).findFirst().orElseThrow();
    }

    private long injectorId() {
        return f.clinic.services.session().require().id();
    }

    private long appointmentsOf(long patientId) {
        return f.clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM appointment WHERE patient_id = " + patientId));
    }

    @Test
    void theNextSculptraSessionIsSuggestedAsATreatmentOnItsEarliestDayWithTheTreatingInjector() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        assertThat(t.earliest()).isEqualTo(LocalDate.of(2026, 12, 19));

        BookingSuggestion s = bookings.suggest(t.id());

        assertThat(s.kind()).isEqualTo(AppointmentKind.TREATMENT);
        assertThat(s.notBefore()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(s.start()).isEqualTo(LocalDateTime.of(2026, 12, 19, 9, 0));
        assertThat(s.injectorId()).isEqualTo(injectorId());
        assertThat(s.treatingInjectorId()).isEqualTo(injectorId());
    }

    @Test
    void theSuggestionSkipsTheInjectorsTakenTimeAndTheClosedDays() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        // Saturday 19 Dec is open 09:00-13:00: fill it; Sunday is closed; Monday opens at 09:00
        book.book(new AppointmentDraft(f.bea.id(), injectorId(), null, LocalDateTime.of(2026, 12, 19, 9, 0), 240,
                AppointmentKind.TREATMENT, "Full morning", List.of(), null), false);

        BookingSuggestion s = bookings.suggest(t.id());

        assertThat(s.start()).isEqualTo(LocalDateTime.of(2026, 12, 21, 9, 0));
    }

    @Test
    void aToxinReviewIsSuggestedFromItsDueDateAsAReview() {
        f.signed(f.ann, f.glabella());
        FollowUpTask t = task("TOXIN_REVIEW");

        BookingSuggestion s = bookings.suggest(t.id());

        assertThat(s.kind()).isEqualTo(AppointmentKind.REVIEW);
        assertThat(s.start().toLocalDate()).isEqualTo(t.due());
        assertThat(s.minutes()).isEqualTo(AppointmentService.defaultMinutes(AppointmentKind.REVIEW));
    }

    @Test
    void bookingFromATaskClosesItAsBookedAndLinksTheAppointment() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        BookingSuggestion s = bookings.suggest(t.id());

        Appointment a = bookings.book(t.id(), t.version(), s.kind(), s.start(), s.minutes(), s.injectorId(), false);

        assertThat(a.followUpTaskId()).isEqualTo(t.id());
        assertThat(a.start()).isEqualTo(s.start());
        assertThat(a.kind()).isEqualTo(AppointmentKind.TREATMENT);
        FollowUpTask after = f.followUps.task(t.id());
        assertThat(after.status()).isEqualTo(TaskStatus.DONE);
        assertThat(after.lastOutcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(after.closeNote()).contains("Booked").contains("appointment " + a.id());
        assertThat((long) f.clinic.db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'followup_task'"
                + " AND record_id = " + t.id() + " AND summary LIKE '%booked for chart%'"))).isEqualTo(1L);
        assertThat(book.patientAppointments(f.ann.id()).upcoming()).extracting(Appointment::id).containsExactly(a.id());
    }

    @Test
    void aTimeBeforeTheEarliestDayIsRefusedAtTheStartField() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");

        assertThatThrownBy(() -> bookings.book(t.id(), t.version(), AppointmentKind.TREATMENT,
                LocalDateTime.of(2026, 12, 18, 10, 0), 30, injectorId(), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("start"));
        assertThat(f.followUps.task(t.id()).open()).isTrue();
        assertThat(appointmentsOf(f.ann.id())).isZero();
    }

    @Test
    void aConflictLeavesTheTaskOpenAndNothingBooked() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        BookingSuggestion s = bookings.suggest(t.id());
        // another PC takes the slot between the suggestion and the click
        book.book(new AppointmentDraft(f.bea.id(), s.injectorId(), null, s.start(), 30, AppointmentKind.TREATMENT,
                null, List.of(), null), false);

        assertThatThrownBy(() -> bookings.book(t.id(), t.version(), s.kind(), s.start(), s.minutes(), s.injectorId(), false))
                .isInstanceOf(BookingConflictException.class);
        assertThat(f.followUps.task(t.id()).open()).isTrue();
        assertThat(appointmentsOf(f.ann.id())).isZero();
    }

    @Test
    void aTaskChangedMeanwhileRefusesTheBookingAndNothingIsBooked() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        BookingSuggestion s = bookings.suggest(t.id());
        f.followUps.logCall(t.id(), t.version(), CallOutcome.NO_ANSWER, null);

        assertThatThrownBy(() -> bookings.book(t.id(), t.version(), s.kind(), s.start(), s.minutes(), s.injectorId(), false))
                .isInstanceOf(StaleRecordException.class);
        assertThat(appointmentsOf(f.ann.id())).isZero();
        assertThat(f.followUps.task(t.id()).open()).isTrue();
    }

    @Test
    void aTimeOutsideTheHoursIsAskedFirstAndTheTaskStaysOpenUntilConfirmed() {
        f.signed(f.ann, f.sculptraSession());
        FollowUpTask t = task("SCULPTRA_NEXT");
        LocalDateTime sunday = LocalDateTime.of(2026, 12, 20, 10, 0);

        assertThatThrownBy(() -> bookings.book(t.id(), t.version(), AppointmentKind.TREATMENT, sunday, 30, injectorId(),
                false)).isInstanceOf(OutsideHoursException.class);
        assertThat(f.followUps.task(t.id()).open()).isTrue();
        assertThat(appointmentsOf(f.ann.id())).isZero();

        Appointment a = bookings.book(t.id(), t.version(), AppointmentKind.TREATMENT, sunday, 30, injectorId(), true);
        assertThat(a.start()).isEqualTo(sunday);
        assertThat(f.followUps.task(t.id()).status()).isEqualTo(TaskStatus.DONE);
    }
}
