package org.needlepoint.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.User;

/**
 * Everything a visit's reports print, read in one go: the clinic, the patient, the visit's chart
 * with its addenda, the injector's account (null if it is gone: the visit's stored name is used),
 * the products and the lots the points refer to, who prints and when.
 */
record VisitRecord(Clinic clinic, Patient patient, VisitChart chart, User injector, Catalog catalog,
                   User printedBy, Instant printedAt, ZoneId zone) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    LocalDate visitDate() {
        return chart.visit().startedAt().atZone(zone).toLocalDate();
    }

    /** "21 Nov 2026". */
    String day(Instant t) {
        return t == null ? "" : DAY.format(t.atZone(zone));
    }

    /** "21 Nov 2026, 09:00". */
    String dayTime(Instant t) {
        return t == null ? "" : DAY.format(t.atZone(zone)) + ", " + TIME.format(t.atZone(zone));
    }

    /** "09:00 on 21 Nov 2026". */
    String timeOnDay(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone)) + " on " + DAY.format(t.atZone(zone));
    }

    /** The injector as printed: "NP Ivy Injector". */
    String injectorName() {
        return injector != null ? injector.displayName() : chart.visit().injectorName();
    }

    /** "Smith, Zoë": the legal name as filed. */
    String patientFiledName() {
        return patient.details().displayName();
    }

    /** "Zoë Smith": the name the patient is addressed by on their own sheet. */
    String patientName() {
        var d = patient.details();
        return d.firstName() + " " + d.lastName();
    }
}
