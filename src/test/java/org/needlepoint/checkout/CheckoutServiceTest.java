package org.needlepoint.checkout;

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
import org.needlepoint.followup.CallOutcome;
import org.needlepoint.followup.FollowUpTask;
import org.needlepoint.followup.TaskStatus;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.AppointmentStatus;
import org.needlepoint.schedule.StatusChange;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.TestClinic;

/**
 * Checkout as the front desk: refused while the chart is a draft (nothing saved); the ready list; the
 * checkout of a signed toxin visit offering the 2-week review with the treating injector, booked in one
 * click (the task closed as booked) and the appointment completed through in treatment; a Sculptra
 * session's next session no sooner than 4 weeks; a visit with no follow-up task offered the same kind 4
 * weeks on. The test clock is Saturday 21 Nov 2026 09:00 (open 09:00-13:00).
 */
class CheckoutServiceTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    CheckoutFixture f;
    CheckoutService checkout;
    AppointmentService book;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir);
        f = new CheckoutFixture(clinic);
        checkout = clinic.services.checkout();
        book = clinic.services.appointments();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private long statusLogRows(long appointmentId) {
        return clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM appointment_status_log WHERE appointment_id = "
                + appointmentId));
    }

    @Test
    void aVisitNotYetSignedCannotBeCheckedOutAndNothingIsSaved() {
        Appointment a = f.treated(f.ann, "09:00", f.glabella(), false);
        clinic.signIn("desk");
        long logBefore = statusLogRows(a.id());

        assertThatThrownBy(() -> checkout.open(a.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("injector must sign the chart");
        assertThatThrownBy(() -> checkout.complete(a.id(), a.version())).isInstanceOf(ValidationException.class)
                .hasMessage(AppointmentService.UNSIGNED);
        // the book's status buttons cannot go round it either
        book.changeStatus(a.id(), a.version(), AppointmentStatus.IN_TREATMENT, null);
        Appointment inTreatment = book.appointment(a.id());
        assertThatThrownBy(() -> book.changeStatus(a.id(), inTreatment.version(), AppointmentStatus.COMPLETED, null))
                .isInstanceOf(ValidationException.class).hasMessage(AppointmentService.UNSIGNED);

        assertThat(book.appointment(a.id()).status()).isEqualTo(AppointmentStatus.IN_TREATMENT);
        assertThat(statusLogRows(a.id())).isEqualTo(logBefore + 1);
        assertThat(checkout.today().ready()).isEmpty();
        assertThat(checkout.today().withInjector()).extracting(Appointment::id).containsExactly(a.id());
    }

    @Test
    void theReadyListHoldsTodaysArrivedPatientsWhoseVisitIsSigned() {
        Appointment ann = f.treated(f.ann, "09:00", f.glabella(), true);
        Appointment bea = f.treated(f.bea, "09:30", f.fillerPoints(), false);
        clinic.signIn("desk");

        ReadyForCheckout r = checkout.today();

        assertThat(r.ready()).extracting(Appointment::id).containsExactly(ann.id());
        assertThat(r.withInjector()).extracting(Appointment::id).containsExactly(bea.id());
        checkout.complete(ann.id(), ann.version());
        assertThat(checkout.today().ready()).isEmpty();
    }

    @Test
    void checkoutBooksTheSuggestedReviewClosingTheTaskAndCompletesTheAppointment() {
        Appointment a = f.treated(f.ann, "09:00", f.glabella(), true);
        clinic.signIn("desk");

        Checkout co = checkout.open(a.id());

        assertThat(co.appointment().id()).isEqualTo(a.id());
        assertThat(co.visit().products()).singleElement().satisfies(p -> {
            assertThat(p.productId()).isEqualTo(f.dysport.id());
            assertThat(p.amount()).isEqualByComparingTo("50");
        });
        assertThat(co.nextVisits()).extracting(n -> n.task().ruleCode()).containsExactly("TOXIN_REVIEW", "TOXIN_RETREAT");
        assertThat(co.offer()).isNull();
        NextVisit review = co.nextVisits().get(0);
        assertThat(review.booked()).isFalse();
        assertThat(review.suggestion().kind()).isEqualTo(AppointmentKind.REVIEW);
        assertThat(review.suggestion().start()).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 0)); // 2 weeks on, a Saturday
        assertThat(review.suggestion().injectorId()).isEqualTo(f.ivy);
        assertThat(clinic.db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action = 'VIEW'"
                + " AND record_type = 'appointment' AND record_id = " + a.id() + " AND summary LIKE 'opened the checkout%'")))
                .isEqualTo(1L);

        FollowUpTask t = review.task();
        Appointment next = checkout.bookTask(t.id(), t.version(), review.suggestion().kind(), review.suggestion().start(),
                review.suggestion().minutes(), review.suggestion().injectorId(), false);
        Appointment done = checkout.complete(a.id(), a.version());

        assertThat(next.followUpTaskId()).isEqualTo(t.id());
        assertThat(next.start()).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 0));
        assertThat(next.injectorId()).isEqualTo(f.ivy);
        assertThat(next.patientId()).isEqualTo(f.ann.id());
        assertThat(done.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(book.statusLog(a.id())).extracting(StatusChange::to).containsExactly(AppointmentStatus.BOOKED,
                AppointmentStatus.ARRIVED, AppointmentStatus.IN_TREATMENT, AppointmentStatus.COMPLETED);
        assertThat(book.statusLog(a.id()).get(3).note()).isEqualTo("Checked out at the desk");
        Checkout after = checkout.open(a.id());
        assertThat(after.done()).isTrue();
        NextVisit closed = after.nextVisits().get(0);
        assertThat(closed.booked()).isTrue();
        assertThat(closed.task().status()).isEqualTo(TaskStatus.DONE);
        assertThat(closed.task().lastOutcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(closed.task().closeNote()).contains("appointment " + next.id());
        assertThat(after.nextVisits().get(1).booked()).isFalse();
        // checked out once: a second checkout is refused, nothing more in the log
        assertThatThrownBy(() -> checkout.complete(a.id(), done.version())).isInstanceOf(ValidationException.class);
        assertThat(book.statusLog(a.id())).hasSize(4);
    }

    @Test
    void aStaleCheckoutSavesNothing() {
        Appointment a = f.treated(f.ann, "09:00", f.glabella(), true);
        clinic.signIn("desk");
        book.changeStatus(a.id(), a.version(), AppointmentStatus.IN_TREATMENT, null); // another PC, meanwhile

        assertThatThrownBy(() -> checkout.complete(a.id(), a.version()))
                .isInstanceOf(org.needlepoint.store.StaleRecordException.class);
        assertThat(book.appointment(a.id()).status()).isEqualTo(AppointmentStatus.IN_TREATMENT);
    }

    @Test
    void theNextSculptraSessionIsOfferedNoSoonerThanFourWeeksWithTheSameInjector() {
        Appointment a = f.treated(f.ann, "09:00", f.sculptraSession(), true);
        clinic.signIn("desk");

        NextVisit next = checkout.open(a.id()).nextVisits().get(0);

        assertThat(next.task().ruleCode()).isEqualTo("SCULPTRA_NEXT");
        assertThat(next.suggestion().kind()).isEqualTo(AppointmentKind.TREATMENT);
        assertThat(next.suggestion().notBefore()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(next.suggestion().start()).isEqualTo(LocalDateTime.of(2026, 12, 19, 9, 0));
        assertThat(next.suggestion().injectorId()).isEqualTo(f.ivy);
        assertThatThrownBy(() -> checkout.bookTask(next.task().id(), next.task().version(), AppointmentKind.TREATMENT,
                LocalDateTime.of(2026, 12, 1, 10, 0), 30, f.ivy, false)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Not before 19 Dec 2026");
        assertThat(clinic.services.followUps().task(next.task().id()).open()).isTrue();
    }

    @Test
    void aVisitWithoutFollowUpTasksIsOfferedTheSameKindFourWeeksOnWithTheSameInjector() {
        Appointment a = f.treated(f.bea, "10:00", f.fillerPoints(), true);
        clinic.signIn("desk");

        Checkout co = checkout.open(a.id());

        assertThat(co.nextVisits()).isEmpty();
        assertThat(co.offer().kind()).isEqualTo(AppointmentKind.TREATMENT);
        assertThat(co.offer().minutes()).isEqualTo(30);
        assertThat(co.offer().injectorId()).isEqualTo(f.ivy);
        assertThat(co.offer().notBefore()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(co.offer().start()).isEqualTo(LocalDateTime.of(2026, 12, 19, 9, 0));
        Appointment next = checkout.bookNext(a.id(), co.offer().kind(), co.offer().start(), co.offer().minutes(),
                co.offer().injectorId(), false);
        assertThat(next.reason()).isEqualTo(CheckoutService.NEXT_VISIT_REASON);
        assertThat(next.patientId()).isEqualTo(f.bea.id());
    }

    @Test
    void anAppointmentWithoutACheckInHasNothingToCheckOut() {
        clinic.signIn("desk");
        Appointment a = book.book(new org.needlepoint.schedule.AppointmentDraft(f.ann.id(), f.ivy, null,
                LocalDateTime.of(2026, 11, 21, 11, 0), 30, AppointmentKind.CONSULTATION, null, List.of(), null), false);
        Appointment arrived = book.markArrived(a.id(), a.version());

        assertThatThrownBy(() -> checkout.open(a.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not checked in");
        assertThatThrownBy(() -> checkout.complete(a.id(), arrived.version())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not checked in");
        assertThat(checkout.today().withInjector()).extracting(Appointment::id).containsExactly(a.id());
    }
}
