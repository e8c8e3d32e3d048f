package org.needlepoint.checkout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.needlepoint.chart.VisitSummary;
import org.needlepoint.followup.BookingSuggestion;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.BookingForm;

/**
 * The checkout screen's state and wording, without a window: what the header, the treatment and each
 * next-visit row say, what the booking form starts from (a task's suggestion, or the offer when the
 * visit created no task), and the form's fields read into a booking.
 */
public final class CheckoutModel {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** What the booking form holds: the kind, day, time and length, the injector, and the task it books (or none). */
    public record Form(NextVisit task, AppointmentKind kind, LocalDate date, String time, String minutes, Long injectorId) {
    }

    private final ZoneId zone;
    private Checkout checkout;

    public CheckoutModel(ZoneId zone) {
        this.zone = zone;
    }

    public void show(Checkout c) {
        this.checkout = c;
    }

    public Checkout checkout() {
        return checkout;
    }

    public Appointment appointment() {
        return checkout.appointment();
    }

    /** "Smith, Ann · chart 1042". */
    public String patient() {
        Appointment a = appointment();
        return a.patientName() + " \u00b7 chart " + a.chartNumber();
    }

    /** "Treatment today 09:00–09:30 with NP Ivy Injector". */
    public String when() {
        Appointment a = appointment();
        return a.kind().label() + " " + HM.format(a.start()) + "\u2013" + HM.format(a.end()) + " with " + a.injectorName()
                + (a.roomName() == null ? "" : " in " + a.roomName());
    }

    /** "Signed by NP Ivy Injector at 09:40". */
    public String signed() {
        VisitSummary v = checkout.visit();
        Instant at = v.signedAt();
        return "Chart signed" + (at == null ? "" : " at " + HM.format(at.atZone(zone))) + " \u00b7 treated by "
                + v.injectorName();
    }

    /** One line per product charted: "Dysport 300 U — 50 U". */
    public List<String> products() {
        return checkout.visit().products().stream().map(p -> p.productName() + " \u2014 " + p.unit().format(p.amount()))
                .toList();
    }

    /** The row's first line: the task's reason. */
    public static String taskTitle(NextVisit n) {
        return n.task().reason();
    }

    /** The row's second line: the suggested booking, or how it was booked. */
    public static String taskDetail(NextVisit n) {
        if (n.booked()) {
            return n.task().closeNote() == null ? "Booked." : n.task().closeNote();
        }
        BookingSuggestion s = n.suggestion();
        if (!s.found()) {
            return "No free slot in the 90 days from " + DAY.format(s.notBefore()) + ": choose a time.";
        }
        return s.kind().label() + ", " + s.minutes() + " min: " + DAY.format(s.start()) + " at " + HM.format(s.start())
                + " with " + s.injectorName();
    }

    /** The offer's line, when the visit created no follow-up task. */
    public String offerText() {
        NextVisitOffer o = checkout.offer();
        if (o == null) {
            return "";
        }
        return "No follow-up is due from this treatment. Suggested: " + o.kind().label().toLowerCase(Locale.ROOT) + " of "
                + o.minutes() + " min with " + o.injectorName() + (o.start() == null
                ? ": no free slot in the 90 days from " + DAY.format(o.notBefore()) + "."
                : ", " + DAY.format(o.start()) + " at " + HM.format(o.start()) + " (" + CheckoutService.DEFAULT_WEEKS
                + " weeks on).");
    }

    /** The booking form filled from a task's suggestion. */
    public static Form formFor(NextVisit n) {
        BookingSuggestion s = n.suggestion();
        LocalDateTime at = s.start();
        return new Form(n, s.kind(), at == null ? s.notBefore() : at.toLocalDate(), at == null ? "" : HM.format(at),
                Integer.toString(s.minutes()), s.injectorId());
    }

    /** The booking form filled from the offer (the visit created no task). */
    public Form offerForm() {
        NextVisitOffer o = checkout.offer();
        return new Form(null, o.kind(), o.start() == null ? o.notBefore() : o.start().toLocalDate(),
                o.start() == null ? "" : HM.format(o.start()), Integer.toString(o.minutes()), o.injectorId());
    }

    /** The form's fields as a booking for the patient; a ValidationException names each field that is not right. */
    public AppointmentDraft draft(AppointmentKind kind, LocalDate date, String time, String minutes, Long injectorId) {
        Appointment a = appointment();
        return BookingForm.draft(a.patientId(), kind, date, time, minutes, injectorId, null, CheckoutService.NEXT_VISIT_REASON,
                a.productIds());
    }

    /** The message once a next visit is booked. */
    public static String booked(Appointment next) {
        return "Booked: " + next.kind().label().toLowerCase(Locale.ROOT) + " on " + DAY.format(next.start()) + " at "
                + HM.format(next.start()) + " with " + next.injectorName() + ".";
    }

    /** Whether the appointment can still be completed here. */
    public boolean canComplete() {
        return !checkout.done();
    }
}
