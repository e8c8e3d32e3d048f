package org.needlepoint.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.common.ValidationException;
import org.needlepoint.followup.BookingSuggestion;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.testing.TestClinic;

/**
 * The checkout screen's wording and forms without a window, on real checkouts read through
 * {@link CheckoutService} (a real H2 clinic in a temp folder; the test clock is Saturday 21 Nov 2026
 * 09:00): the header lines, the products, each follow-up's row before and after it is booked, the booking
 * form filled from a task's suggestion or from the offer (with or without a free slot), the form read
 * into a booking for the patient, and whether the appointment can still be completed.
 */
class CheckoutModelTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    CheckoutFixture f;
    CheckoutService checkout;
    CheckoutModel model;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir);
        f = new CheckoutFixture(clinic);
        checkout = clinic.services.checkout();
        model = new CheckoutModel(clinic.clock.getZone());
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    /** Ann's Dysport glabella at 09:00 with Ivy, signed, opened at the desk. */
    private Checkout toxin() {
        Appointment a = f.treated(f.ann, "09:00", f.glabella(), true);
        clinic.signIn("desk");
        Checkout co = checkout.open(a.id());
        model.show(co);
        return co;
    }

    @Test
    void theHeaderSaysWhoWhenAndWhoSignedWithTheProductsTotalled() {
        Checkout co = toxin();

        assertThat(model.patient()).isEqualTo("Smith, Ann \u00b7 chart " + co.appointment().chartNumber());
        assertThat(model.when()).isEqualTo("Treatment 09:00\u201309:30 with NP Ivy Injector");
        assertThat(model.signed()).isEqualTo("Chart signed at 09:00 \u00b7 treated by NP Ivy Injector");
        assertThat(model.products()).containsExactly("Dysport 300 U \u2014 50 U");
        assertThat(model.offerText()).as("a visit with follow-up tasks has no offer").isEmpty();
        assertThat(model.canComplete()).isTrue();
    }

    @Test
    void aRoomIsNamedAndAChartWithoutASigningTimeSaysSo() {
        Checkout co = toxin();
        Appointment a = co.appointment();
        Appointment inRoom = new Appointment(a.id(), a.patientId(), a.chartNumber(), a.patientName(), a.injectorId(),
                a.injectorName(), 7L, "Room 2", a.start(), a.end(), a.kind(), a.reason(), a.productIds(), a.status(),
                a.cancelReason(), a.cancelledAt(), a.lateCancel(), a.followUpTaskId(), a.visitId(), a.checkedInAt(),
                a.version());
        VisitSummary v = co.visit();
        VisitSummary unsignedTime = new VisitSummary(v.id(), v.patientId(), v.startedAt(), v.status(), v.injectorId(),
                v.injectorName(), null, v.points(), v.addenda(), v.products(), v.regions());
        model.show(new Checkout(inRoom, unsignedTime, co.nextVisits(), co.offer()));

        assertThat(model.when()).isEqualTo("Treatment 09:00\u201309:30 with NP Ivy Injector in Room 2");
        assertThat(model.signed()).isEqualTo("Chart signed \u00b7 treated by NP Ivy Injector");
    }

    @Test
    void aTaskRowOffersItsSuggestedSlotAndOnceBookedSaysHow() {
        Checkout co = toxin();
        NextVisit review = co.nextVisits().get(0);

        assertThat(CheckoutModel.taskTitle(review)).isEqualTo(review.task().reason()).isNotBlank();
        assertThat(CheckoutModel.taskDetail(review))
                .isEqualTo("Review, " + review.suggestion().minutes() + " min: Sat 5 Dec 2026 at 09:00 with NP Ivy Injector");
        CheckoutModel.Form form = CheckoutModel.formFor(review);
        assertThat(form).isEqualTo(new CheckoutModel.Form(review, AppointmentKind.REVIEW, LocalDate.of(2026, 12, 5), "09:00",
                Integer.toString(review.suggestion().minutes()), f.ivy));

        Appointment next = checkout.bookTask(review.task().id(), review.task().version(), form.kind(),
                LocalDateTime.of(2026, 12, 5, 9, 0), review.suggestion().minutes(), f.ivy, false);
        NextVisit booked = checkout.open(co.appointment().id()).nextVisits().get(0);

        assertThat(CheckoutModel.booked(next)).isEqualTo("Booked: review on Sat 5 Dec 2026 at 09:00 with NP Ivy Injector.");
        assertThat(booked.booked()).isTrue();
        assertThat(CheckoutModel.taskDetail(booked)).isEqualTo(booked.task().closeNote())
                .contains("appointment " + next.id());
    }

    @Test
    void aTaskWithNoFreeSlotAsksForATimeFromItsEarliestDay() {
        NextVisit review = toxin().nextVisits().get(0);
        BookingSuggestion s = review.suggestion();
        NextVisit full = new NextVisit(review.task(), new BookingSuggestion(s.task(), s.kind(), s.notBefore(),
                s.treatingInjectorId(), null, s.minutes(), s.injectorId(), s.injectorName()));

        assertThat(CheckoutModel.taskDetail(full)).isEqualTo("No free slot in the 90 days from " + CheckoutModel.DAY.format(
                s.notBefore()) + ": choose a time.");
        CheckoutModel.Form form = CheckoutModel.formFor(full);
        assertThat(form.date()).isEqualTo(s.notBefore());
        assertThat(form.time()).isEmpty();
        assertThat(form.minutes()).isEqualTo(Integer.toString(s.minutes()));
    }

    @Test
    void aVisitWithoutTasksOffersTheSameKindFourWeeksOnAndItsForm() {
        Appointment a = f.treated(f.bea, "10:00", f.fillerPoints(), true);
        clinic.signIn("desk");
        Checkout co = checkout.open(a.id());
        model.show(co);

        assertThat(model.offerText()).isEqualTo("No follow-up is due from this treatment. Suggested: treatment of 30 min with"
                + " NP Ivy Injector, Sat 19 Dec 2026 at 09:00 (4 weeks on).");
        assertThat(model.offerForm()).isEqualTo(new CheckoutModel.Form(null, AppointmentKind.TREATMENT,
                LocalDate.of(2026, 12, 19), "09:00", "30", f.ivy));

        NextVisitOffer o = co.offer();
        model.show(new Checkout(co.appointment(), co.visit(), List.of(), new NextVisitOffer(o.kind(), o.minutes(),
                o.notBefore(), o.injectorId(), o.injectorName(), null)));
        assertThat(model.offerText()).isEqualTo("No follow-up is due from this treatment. Suggested: treatment of 30 min with"
                + " NP Ivy Injector: no free slot in the 90 days from Sat 19 Dec 2026.");
        assertThat(model.offerForm()).isEqualTo(new CheckoutModel.Form(null, AppointmentKind.TREATMENT,
                LocalDate.of(2026, 12, 19), "", "30", f.ivy));
    }

    @Test
    void theFormIsReadIntoABookingForThePatientWithTodaysProductsOrRefusedAtItsFields() {
        Checkout co = toxin();
        Appointment a = co.appointment();
        // today's appointment planned with Dysport: the next one is planned with it too
        Appointment planned = new Appointment(a.id(), a.patientId(), a.chartNumber(), a.patientName(), a.injectorId(),
                a.injectorName(), a.roomId(), a.roomName(), a.start(), a.end(), a.kind(), a.reason(), List.of(f.dysport.id()),
                a.status(), a.cancelReason(), a.cancelledAt(), a.lateCancel(), a.followUpTaskId(), a.visitId(),
                a.checkedInAt(), a.version());
        model.show(new Checkout(planned, co.visit(), co.nextVisits(), co.offer()));

        AppointmentDraft d = model.draft(AppointmentKind.TOUCH_UP, LocalDate.of(2026, 12, 5), "930", "15", f.ivy);

        assertThat(d.patientId()).isEqualTo(f.ann.id());
        assertThat(d.start()).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 30));
        assertThat(d.minutes()).isEqualTo(15);
        assertThat(d.kind()).isEqualTo(AppointmentKind.TOUCH_UP);
        assertThat(d.injectorId()).isEqualTo(f.ivy);
        assertThat(d.roomId()).isNull();
        assertThat(d.reason()).isEqualTo(CheckoutService.NEXT_VISIT_REASON);
        assertThat(d.productIds()).containsExactly(f.dysport.id());

        ValidationException e = catchThrowableOfType(() -> model.draft(null, null, "9:31", "0", null),
                ValidationException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("kind", "date", "time", "minutes", "injector");
    }

    @Test
    void aCompletedCheckoutCannotBeCompletedAgain() {
        Checkout co = toxin();
        checkout.complete(co.appointment().id(), co.appointment().version());

        model.show(checkout.open(co.appointment().id()));

        assertThat(model.canComplete()).isFalse();
    }
}
