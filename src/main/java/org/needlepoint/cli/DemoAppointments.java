package org.needlepoint.cli;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.AppointmentStatus;
import org.needlepoint.schedule.CheckInForm;
import org.needlepoint.schedule.CheckInService;
import org.needlepoint.schedule.CheckInSheet;
import org.needlepoint.schedule.CheckedIn;
import org.needlepoint.schedule.ConfirmationOutcome;
import org.needlepoint.schedule.DayHours;
import org.needlepoint.schedule.Injector;
import org.needlepoint.schedule.Room;

/**
 * seed-demo's appointment book: three rooms, the opening hours (weekdays 09:00-18:00, Saturday
 * 09:00-14:00, Sunday closed), the late-cancellation window, and two weeks of appointments around
 * today (the week before, today, the week after) worked as a front desk would: the past completed,
 * with a few no-shows and cancellations (early and late); today's earlier ones checked in at the desk (identity,
 * screening answered, the planned products' consent signed on the pad when missing), which prepared each a visit
 * draft for the injector, and done, one in treatment and one checked in and waiting (before opening time: the first
 * two); tomorrow's confirmation calls made (confirmed, left a message, cancelled); the rest
 * booked or confirmed. Every status is there. Each step runs at its own time on the seed's clock.
 */
final class DemoAppointments {
    private static final String[] REASONS = {"Glabellar lines", "Crow's feet", "Forehead lines", "Cheek volume",
        "Lip flip", "Jawline contour", "Sculptra session", "Two-week review", "New patient: wants to discuss options",
        "Masseter", "Touch-up after review", null};
    private static final LocalTime FIRST = LocalTime.of(9, 0);
    private static final int SLOT_MINUTES = 45;
    private static final int SLOTS = 11;

    private final SeedClock clock;
    private final AppointmentService book;
    private final CheckInService checkIns;
    private final Services services;
    private final Random rnd;
    private final LocalDate today;
    private final Instant now;

    /** What was seeded. */
    record Result(int appointments, Map<AppointmentStatus, Integer> byStatus, int rooms, int calls, int checkedIn) {
    }

    private int checkedIn;

    DemoAppointments(Services s, Random rnd) {
        this.clock = new SeedClock(s.clock().instant(), s.clock().getZone());
        this.services = s.withClock(clock);
        this.book = services.appointments();
        this.checkIns = services.checkIns();
        this.rnd = rnd;
        this.today = LocalDate.now(s.clock());
        this.now = s.clock().instant();
    }

    /** Seeds the book for {@code patients}; leaves nobody signed in. */
    Result seed(List<Patient> patients, char[] adminPassword, char[] deskPassword) {
        Map<AppointmentStatus, Integer> byStatus = new EnumMap<>(AppointmentStatus.class);
        try {
            clock.set(at(today.minusDays(30), LocalTime.of(8, 0)));
            services.auth().signIn("admin", adminPassword);
            List<Room> rooms = new ArrayList<>();
            for (String name : List.of("Room 1", "Room 2", "Treatment suite")) {
                rooms.add(book.saveRoom(new Room(0, name, true, 0)));
            }
            List<DayHours> week = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                week.add(d == DayOfWeek.SUNDAY ? DayHours.closed(d) : new DayHours(d, LocalTime.of(9, 0),
                        d == DayOfWeek.SATURDAY ? LocalTime.of(14, 0) : LocalTime.of(18, 0)));
            }
            book.saveOpeningHours(week);
            book.saveLateCancelHours(24);
            services.auth().signOut();
            if (patients.isEmpty()) {
                return new Result(0, byStatus, rooms.size(), 0, 0);
            }
            services.auth().signIn("frontdesk", deskPassword);
            List<Product> products = services.inventory().products().stream().filter(Product::active).toList();
            List<Injector> injectors = book.injectors();
            int count = 0;
            int calls = 0;
            for (int offset = -7; offset <= 7; offset++) {
                LocalDate day = today.plusDays(offset);
                boolean closed = book.settings().openingHours().get(day.getDayOfWeek().getValue() - 1).isClosed();
                if (closed && offset != 0) {
                    continue;
                }
                List<Appointment> booked = bookDay(day, patients, injectors, rooms, products, closed);
                count += booked.size();
                calls += work(day, booked);
            }
            for (int offset = -7; offset <= 7; offset++) {
                for (Appointment a : book.day(today.plusDays(offset))) {
                    byStatus.merge(a.status(), 1, Integer::sum);
                }
            }
            return new Result(count, byStatus, rooms.size(), calls, checkedIn);
        } finally {
            services.auth().signOut();
        }
    }

    /** Books about three in four of the day's slots, a week ahead of the day (today's and later ones: as of now). */
    private List<Appointment> bookDay(LocalDate day, List<Patient> patients, List<Injector> injectors, List<Room> rooms,
                                      List<Product> products, boolean closed) {
        List<Appointment> list = new ArrayList<>();
        int slots = closed ? 2 : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 6 : SLOTS;
        for (int n = 0; n < injectors.size(); n++) {
            Injector injector = injectors.get(n);
            for (int i = 0; i < slots; i++) {
                if (!closed && rnd.nextInt(4) == 0) {
                    continue;
                }
                clock.set(at(day.minusDays(7 + rnd.nextInt(14)), LocalTime.of(9, 0).plusMinutes(rnd.nextInt(480))));
                AppointmentKind kind = AppointmentKind.values()[rnd.nextInt(AppointmentKind.values().length)];
                List<Long> planned = (kind == AppointmentKind.TREATMENT || kind == AppointmentKind.TOUCH_UP) && !products.isEmpty()
                        ? List.of(products.get(rnd.nextInt(products.size())).id()) : List.of();
                // injectors side by side get different rooms (up to as many injectors as rooms)
                Room room = rnd.nextInt(5) == 0 ? null : rooms.get((n + i) % rooms.size());
                Patient p = patients.get(rnd.nextInt(patients.size()));
                LocalDateTime start = day.atTime(FIRST.plusMinutes((long) SLOT_MINUTES * i));
                list.add(book.book(new AppointmentDraft(p.id(), injector.id(), room == null ? null : room.id(), start, null,
                        kind, REASONS[rnd.nextInt(REASONS.length)], planned, null), closed));
            }
        }
        list.sort(java.util.Comparator.comparing(Appointment::start));
        return list;
    }

    /** Works the day's appointments as the clinic would have by now; returns the confirmation calls made. */
    private int work(LocalDate day, List<Appointment> booked) {
        int calls = 0;
        LocalDateTime nowHere = LocalDateTime.ofInstant(now, clock.getZone());
        List<Appointment> started = booked.stream().filter(a -> !a.start().isAfter(nowHere)).toList();
        for (int i = 0; i < booked.size(); i++) {
            Appointment a = booked.get(i);
            if (day.isBefore(today)) {
                past(a, i);
            } else if (day.equals(today)) {
                int k = started.indexOf(a);
                int done = Math.max(started.size() - 2, 0);
                if (k >= 0 && k < done) {
                    a = checkIn(a, a.start().minusMinutes(5));
                    a = step(a, a.start(), AppointmentStatus.IN_TREATMENT, null);
                    step(a, a.end(), AppointmentStatus.COMPLETED, null);
                } else if (k >= 0 || i < 2) {
                    // the last two that have started (or, before opening, the first two): one in treatment, one arrived
                    boolean treating = started.size() >= 2 ? k == started.size() - 2 : i == 0;
                    a = checkIn(a, a.start().minusMinutes(10));
                    if (treating) {
                        step(a, a.start(), AppointmentStatus.IN_TREATMENT, null);
                    }
                } else if (rnd.nextBoolean()) {
                    call(a, a.start().minusDays(1).withHour(16), ConfirmationOutcome.CONFIRMED, null);
                    calls++;
                }
            } else if (day.equals(today.plusDays(1))) {
                LocalDateTime when = LocalDateTime.of(today, LocalTime.of(10, 0)).plusMinutes(5L * i);
                switch (i % 5) {
                    case 0, 3 -> call(a, when, ConfirmationOutcome.CONFIRMED, null);
                    case 1 -> call(a, when, ConfirmationOutcome.LEFT_MESSAGE, "Voicemail; will call back");
                    case 2 -> call(a, when, i == 2 ? ConfirmationOutcome.CANCELLED : ConfirmationOutcome.LEFT_MESSAGE,
                            i == 2 ? "Unwell; will rebook next week" : null);
                    default -> {
                        continue;
                    }
                }
                calls++;
            } else if (rnd.nextInt(3) == 0) {
                call(a, LocalDateTime.of(today, LocalTime.of(9, 30)), ConfirmationOutcome.CONFIRMED, "Confirmed early");
                calls++;
            }
        }
        return calls;
    }

    /** A past appointment: mostly completed; every 9th a no-show, every 11th cancelled (alternately late and early). */
    private void past(Appointment a, int i) {
        if (i % 9 == 4) {
            step(a, a.end().plusMinutes(15), AppointmentStatus.NO_SHOW, null);
        } else if (i % 11 == 5) {
            boolean late = (a.id() % 2) == 0;
            step(a, late ? a.start().minusHours(3) : a.start().minusDays(3), AppointmentStatus.CANCELLED,
                    late ? "Called in the morning: childcare fell through" : "Travelling that week");
        } else {
            a = step(a, a.start().minusDays(1).withHour(11), AppointmentStatus.CONFIRMED, null);
            a = step(a, a.start().minusMinutes(5), AppointmentStatus.ARRIVED, null);
            a = step(a, a.start(), AppointmentStatus.IN_TREATMENT, null);
            step(a, a.end(), AppointmentStatus.COMPLETED, null);
        }
    }

    /**
     * The desk checks the patient in at {@code when}: identity confirmed, contact details as on record, the screening
     * answered (No unless the record says otherwise), the planned products' consent signed on the pad when missing.
     */
    private Appointment checkIn(Appointment a, LocalDateTime when) {
        clock.set(at(when.toLocalDate(), when.toLocalTime()));
        CheckInSheet s = checkIns.sheet(a.id());
        if (!s.consents().missing().isEmpty()) {
            services.consents().sign(a.patientId(), s.consents().missing(), DemoCharts.demoSignature(rnd), null);
        }
        List<ScreeningEntry> answers = s.screening().stream().map(e -> e.answer() == ScreeningAnswer.UNANSWERED
                ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        PatientDetails d = s.patient().details();
        CheckedIn done = checkIns.complete(new CheckInForm(s.appointment(), s.patient().id(),
                s.patient().version(), true, d.mobilePhone(), d.otherPhone(), d.email(), d.addressLine(), d.city(),
                d.region(), d.postalCode(), d.rewardsProgramme(), d.rewardsMember(), answers));
        checkedIn++;
        return done.appointment();
    }

    private Appointment step(Appointment a, LocalDateTime when, AppointmentStatus to, String note) {
        clock.set(at(when.toLocalDate(), when.toLocalTime()));
        return book.changeStatus(a.id(), a.version(), to, note);
    }

    private void call(Appointment a, LocalDateTime when, ConfirmationOutcome outcome, String note) {
        clock.set(at(when.toLocalDate(), when.toLocalTime()));
        book.recordCall(a.id(), a.version(), outcome, note);
    }

    /** The seed's clock at that day and time, never after the seed's "now". */
    private Instant at(LocalDate day, LocalTime time) {
        Instant t = day.atTime(time).atZone(clock.getZone()).toInstant();
        return t.isAfter(now) ? now : t;
    }
}
