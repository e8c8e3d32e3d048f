package org.needlepoint.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.needlepoint.app.Services;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.followup.AdverseEvent;
import org.needlepoint.followup.AdverseEventDraft;
import org.needlepoint.followup.AdverseEventService;
import org.needlepoint.followup.AdverseEventType;
import org.needlepoint.followup.CallOutcome;
import org.needlepoint.followup.EventOutcome;
import org.needlepoint.followup.FollowUpService;
import org.needlepoint.followup.FollowUpTask;
import org.needlepoint.followup.NewTask;
import org.needlepoint.followup.PatientReport;
import org.needlepoint.followup.SeriousOutcome;
import org.needlepoint.followup.Severity;
import org.needlepoint.followup.TaskKind;
import org.needlepoint.followup.TaskSource;
import org.needlepoint.followup.TaskStatus;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Role;

/**
 * seed-demo's side effects and follow-ups, on top of {@link DemoCharts}' signed visits (whose
 * signing already made the protocol's tasks): a handful of adverse events of several types (some
 * resolved, one urgent alert closed, one urgent alert still open), patients' phoned-in reports
 * (one waiting, one recorded as an event, one dismissed), and the past worked as a clinic would
 * have: most past tasks done by phone (some after unanswered calls), some missed or cancelled, a
 * few left overdue; one task snoozed. Where the charted history leaves a state empty (a small
 * demo), a task added by hand fills it, so every state is always shown: open due today, overdue,
 * upcoming, done with attempts, missed, cancelled, snoozed.
 *
 * <p>Everything goes through the services, as the demo injector (events, clinical closings) and
 * the demo front desk (calls, snoozes, reports), back-dated by a clock of its own. Deterministic
 * for a seed and a day.
 */
final class DemoFollowUps {
    private final SeedClock clock;
    private final Services services;
    private final FollowUpService followUps;
    private final AdverseEventService events;
    private final Random rnd;
    private final LocalDate today;
    /** The seed's "now": nothing is back-dated after it. */
    private final Instant now;
    private final List<FollowUpTask> clinicalToClose = new ArrayList<>();
    private final List<Boolean> clinicalMissed = new ArrayList<>();
    private int eventCount;
    private int reportCount;
    private PatientReport toRecord;
    private VisitChart toRecordOn;
    private PatientReport toDismiss;

    /** What was seeded. */
    record Result(int events, int openUrgent, int reports, Map<TaskStatus, Integer> tasks, int snoozed) {
    }

    DemoFollowUps(Services s, Random rnd) {
        this.clock = new SeedClock(s.clock().instant(), s.clock().getZone());
        this.services = s.withClock(clock);
        this.followUps = services.followUps();
        this.events = services.adverseEvents();
        this.rnd = rnd;
        this.today = LocalDate.now(s.clock());
        this.now = s.clock().instant();
    }

    /** Seeds events, reports and worked tasks; {@code patients} in creation order. Leaves nobody signed in. */
    Result seed(List<Patient> patients, List<VisitChart> signed, char[] injectorPassword, char[] deskPassword) {
        if (patients.isEmpty()) {
            return new Result(0, 0, 0, new EnumMap<>(TaskStatus.class), 0);
        }
        try {
            clock.set(at(today.minusYears(3), LocalTime.of(7, 0)));
            services.auth().signIn("frontdesk", deskPassword);
            logReports(patients, signed);
            services.auth().signOut();
            services.auth().signIn("injector", injectorPassword);
            recordEvents(signed);
            reviewReports();
            services.auth().signOut();
            services.auth().signIn("frontdesk", deskPassword);
            workThePast(patients);
            fillEveryState(patients);
            services.auth().signOut();
            services.auth().signIn("injector", injectorPassword);
            closeClinical();
            return result(patients);
        } finally {
            services.auth().signOut();
        }
    }

    // ---------------------------------------------------------------------------------- events

    private void recordEvents(List<VisitChart> signed) {
        Map<Long, ProductKind> kinds = new java.util.HashMap<>();
        for (Product p : services.inventory().products()) {
            kinds.put(p.id(), p.kind());
        }
        List<VisitChart> toxin = signed.stream().filter(v -> has(v, kinds, ProductKind.TOXIN)).toList();
        List<VisitChart> sculptra = signed.stream().filter(v -> has(v, kinds, ProductKind.BIOSTIMULATOR)).toList();
        List<VisitChart> oldToxin = toxin.stream().filter(v -> day(v).isBefore(today.minusDays(60))).toList();
        List<VisitChart> oldSculptra = sculptra.stream().filter(v -> day(v).isBefore(today.minusDays(90))).toList();

        if (!oldToxin.isEmpty()) {
            VisitChart v = oldToxin.get(0);
            AdverseEvent e = record(v, keys(v, 2), 2, 1, AdverseEventType.BRUISING, null, Severity.GRADE_1, false, false,
                    "Small bruise at the glabella, no swelling.", "Reassured; arnica and a cold compress advised.");
            resolve(e, 8, EventOutcome.RESOLVED);
        }
        if (oldToxin.size() > 1) {
            VisitChart v = oldToxin.get(oldToxin.size() / 2);
            AdverseEvent e = record(v, keys(v, 1), 7, 6, AdverseEventType.EYELID_PTOSIS, null, Severity.GRADE_2, false, false,
                    "Mild left upper-eyelid droop, about 1-2 mm, noticed on day 6.",
                    "Seen in clinic; apraclonidine eye drops prescribed; review in 2 weeks.");
            resolve(e, 40, EventOutcome.RESOLVED);
        }
        if (oldToxin.size() > 2) {
            VisitChart v = oldToxin.get(oldToxin.size() - 1);
            AdverseEvent e = record(v, keys(v, 5), 1, 1, AdverseEventType.OTHER, "Headache", Severity.GRADE_1, false, false,
                    "Frontal headache the day after treatment.", "Paracetamol; settled within two days.");
            resolve(e, 3, EventOutcome.RESOLVED);
        }
        if (!oldSculptra.isEmpty()) {
            VisitChart v = oldSculptra.get(0);
            AdverseEvent e = record(v, keys(v, 2), 0, 0, AdverseEventType.VASCULAR_OCCLUSION, null, Severity.GRADE_3, false,
                    false, "Blanching and pain of the right malar skin minutes after a fan; no vision change.",
                    "Injection stopped; massage, warm compress, the clinic's protocol; perfusion back within the hour.");
            clock.set(at(day(v), LocalTime.of(13, 30)));
            e = events.closeUrgent(e.id(), e.version(), "Perfusion back, patient comfortable and sent home with a"
                    + " call-back plan; reviewed the next morning.");
            resolve(e, 14, EventOutcome.RESOLVED_WITH_SEQUELAE);
        }
        // the alert still open: the latest toxin visit (spread symptoms) or else the latest Sculptra one (occlusion)
        VisitChart recent = toxin.isEmpty() ? null : toxin.get(toxin.size() - 1);
        if (recent != null && day(recent).isBefore(today)) {
            long back = Math.min(ChronoUnit.DAYS.between(day(recent), today), 1);
            recordAt(recent, keys(recent, 5), today, today.minusDays(back), LocalTime.of(8, 15),
                    AdverseEventType.DISTANT_TOXIN_SPREAD, null, Severity.GRADE_3, false, true,
                    "Phoned at 08:10: some difficulty swallowing since last night, voice normal.",
                    "Told to go to the emergency department now; injector informed; call back this afternoon.");
        } else if (!sculptra.isEmpty()) {
            VisitChart v = sculptra.get(sculptra.size() - 1);
            record(v, keys(v, 2), 0, 0, AdverseEventType.VASCULAR_OCCLUSION, null, Severity.GRADE_3, true, false,
                    "Blanching with blurred vision in the right eye during the session.",
                    "Injection stopped; emergency services called; the clinic's protocol started.");
        }
    }

    private static boolean has(VisitChart v, Map<Long, ProductKind> kinds, ProductKind kind) {
        return v.points().stream().anyMatch(p -> kinds.get(p.productId()) == kind);
    }

    private LocalDate day(VisitChart v) {
        return v.visit().startedAt().atZone(clock.getZone()).toLocalDate();
    }

    private static List<String> keys(VisitChart v, int n) {
        return v.points().stream().limit(n).map(InjectionPoint::key).toList();
    }

    /** An event reported {@code reportedAfter} days after the visit, begun {@code onsetAfter} days after it. */
    private AdverseEvent record(VisitChart v, List<String> keys, int reportedAfter, int onsetAfter, AdverseEventType type,
                                String other, Severity severity, boolean vision, boolean breathing, String description,
                                String actions) {
        return recordAt(v, keys, day(v).plusDays(reportedAfter), day(v).plusDays(onsetAfter),
                reportedAfter == 0 ? LocalTime.of(11, 0) : LocalTime.of(10, 30), type, other, severity, vision, breathing,
                description, actions);
    }

    private AdverseEvent recordAt(VisitChart v, List<String> keys, LocalDate reported, LocalDate onset, LocalTime time,
                                  AdverseEventType type, String other, Severity severity, boolean vision, boolean breathing,
                                  String description, String actions) {
        clock.set(at(reported, time));
        eventCount++;
        return events.recordEvent(new AdverseEventDraft(v.visit().patientId(), v.visit().id(), keys, reported, onset, type,
                other, severity, vision, breathing, severity == Severity.GRADE_3 && type == AdverseEventType.VASCULAR_OCCLUSION
                ? Set.of(SeriousOutcome.REQUIRED_INTERVENTION) : Set.of(), null, description, actions, null,
                rnd.nextBoolean() ? null : new BigDecimal(55 + rnd.nextInt(30) + "." + rnd.nextInt(10)),
                EventOutcome.ONGOING, null));
    }

    /** Marks the event resolved {@code after} days after its onset, if that day has come; else improving. */
    private void resolve(AdverseEvent e, int after, EventOutcome outcome) {
        LocalDate when = e.onsetDate().plusDays(after);
        if (!when.isBefore(today)) {
            return;
        }
        clock.set(at(when, LocalTime.of(16, 0)));
        AdverseEventDraft d = e.toDraft();
        events.updateEvent(e.id(), e.version(), new AdverseEventDraft(d.patientId(), d.visitId(), d.pointKeys(),
                d.reportedOn(), d.onsetDate(), d.type(), d.otherDescription(), d.severity(), d.visionChange(),
                d.breathingDifficulty(), d.serious(), d.deathDate(), d.description(), d.actionsTaken(), d.relevantHistory(),
                d.weightKg(), outcome, when));
    }

    // --------------------------------------------------------------------------------- reports

    private void logReports(List<Patient> patients, List<VisitChart> signed) {
        // one recorded as an event later: a lump after a Sculptra session, two months on
        Map<Long, ProductKind> kinds = new java.util.HashMap<>();
        for (Product p : services.inventory().products()) {
            kinds.put(p.id(), p.kind());
        }
        for (VisitChart v : signed) {
            if (has(v, kinds, ProductKind.BIOSTIMULATOR) && day(v).plusDays(62).isBefore(today)) {
                clock.set(at(day(v).plusDays(60), LocalTime.of(10, 5)));
                toRecord = events.logPatientReport(v.visit().patientId(), "Small lump under the skin of the cheek, not"
                        + " painful, not red; asks whether it will go.", clock.instant());
                toRecordOn = v;
                reportCount++;
                break;
            }
        }
        Patient asker = patients.get(patients.size() > 2 ? 2 : 0);
        clock.set(at(today.minusDays(9), LocalTime.of(15, 20)));
        toDismiss = events.logPatientReport(asker.id(), "Asks whether she can fly two days after her treatment.",
                clock.instant());
        reportCount++;
        Patient caller = signed.isEmpty() ? patients.get(0) : patients.stream()
                .filter(p -> p.id() == signed.get(signed.size() - 1).visit().patientId()).findFirst().orElse(patients.get(0));
        clock.set(at(today, LocalTime.of(8, 40)));
        events.logPatientReport(caller.id(), "Mild headache and a small bruise between the brows since the treatment;"
                + " asks whether this is normal.", clock.instant().minusSeconds(300));
        reportCount++;
    }

    private void reviewReports() {
        if (toRecord != null) {
            LocalDate phoned = toRecord.phonedAt().atZone(clock.getZone()).toLocalDate();
            clock.set(at(phoned.plusDays(1), LocalTime.of(12, 10)));
            AdverseEventDraft d = new AdverseEventDraft(toRecordOn.visit().patientId(), toRecordOn.visit().id(),
                    keys(toRecordOn, 3), phoned, phoned.minusDays(7), AdverseEventType.PAPULE_NODULE, null,
                    Severity.GRADE_1, false, false, Set.of(), null, "Palpable, not visible, 4 mm papule of the malar area.",
                    "Massage advised; review at the next session.", null, null, EventOutcome.IMPROVING, null);
            events.recordEventFromReport(toRecord.id(), toRecord.version(), d);
            eventCount++;
        }
        clock.set(at(today.minusDays(8), LocalTime.of(9, 5)));
        events.dismissReport(toDismiss.id(), toDismiss.version(), "Aftercare question: flying is fine; answered by phone.");
    }

    // ------------------------------------------------------------------------------------ tasks

    /** The tasks of the patients the demo charts (the first {@link DemoCharts#CHARTED_PATIENTS}), by due date. */
    private List<FollowUpTask> allTasks(List<Patient> patients) {
        List<FollowUpTask> out = new ArrayList<>();
        for (Patient p : patients.stream().limit(DemoCharts.CHARTED_PATIENTS).toList()) {
            // the recall calls were created just now, when the demo lot was recalled: they wait for the front desk
            followUps.patientTasks(p.id()).stream().filter(t -> t.source() != TaskSource.LOT_RECALL).forEach(out::add);
        }
        out.sort(Comparator.comparing(FollowUpTask::due).thenComparing(FollowUpTask::id));
        return out;
    }

    /** Past tasks as a clinic would have worked them. */
    private void workThePast(List<Patient> patients) {
        for (FollowUpTask t : allTasks(patients)) {
            if (!t.open() || !t.due().isBefore(today)) {
                continue;
            }
            long age = ChronoUnit.DAYS.between(t.due(), today);
            int r = rnd.nextInt(100);
            if (age > 14) {
                if (r < 72) {
                    callUntilDone(t);
                } else if (r < 86) {
                    closeLater(t, true);
                } else if (r < 95) {
                    closeLater(t, false);
                } else if (age > 60) {
                    closeLater(t, true);
                }
                // else left open: overdue for weeks
            } else if (r < 30) {
                call(t, t.due(), rnd.nextBoolean() ? CallOutcome.NO_ANSWER : CallOutcome.LEFT_MESSAGE, null);
            } else if (r < 60) {
                callUntilDone(t);
            }
        }
    }

    private FollowUpTask call(FollowUpTask t, LocalDate day, CallOutcome outcome, String note) {
        clock.set(at(day, LocalTime.of(10, 0).plusMinutes(rnd.nextInt(300))));
        return followUps.logCall(t.id(), t.version(), outcome, note);
    }

    private void callUntilDone(FollowUpTask t) {
        LocalDate day = t.due();
        if (rnd.nextInt(10) < 4) {
            t = call(t, day, CallOutcome.NO_ANSWER, null);
            day = day.plusDays(1);
        }
        if (t.kind() == TaskKind.CALL) {
            call(t, day, rnd.nextInt(3) == 0 ? CallOutcome.BOOKED : CallOutcome.REACHED,
                    rnd.nextBoolean() ? "All well; no concerns." : null);
        } else {
            call(t, day, CallOutcome.BOOKED, "Booked for " + day.plusDays(2 + rnd.nextInt(5)) + ".");
        }
    }

    /** Missed or cancelled: the front desk does it for everyday tasks, the injector (later) for clinical ones. */
    private void closeLater(FollowUpTask t, boolean missed) {
        if (t.clinical()) {
            clinicalToClose.add(t);
            clinicalMissed.add(missed);
            return;
        }
        if (missed) {
            clock.set(at(t.due().plusDays(7), LocalTime.of(17, 0)));
            followUps.markMissed(t.id(), t.version(), "Three messages left, no reply.");
        } else {
            clock.set(at(t.due().plusDays(1), LocalTime.of(11, 0)));
            followUps.cancel(t.id(), t.version(), "Patient asked not to be reminded; will book when ready.");
        }
    }

    private void closeClinical() {
        for (int i = 0; i < clinicalToClose.size(); i++) {
            FollowUpTask t = followUps.task(clinicalToClose.get(i).id());
            if (!t.open()) {
                continue;
            }
            if (clinicalMissed.get(i)) {
                clock.set(at(t.due().plusDays(10), LocalTime.of(17, 30)));
                followUps.markMissed(t.id(), t.version(), "Not reached after three calls; letter sent.");
            } else {
                clock.set(at(t.due().plusDays(2), LocalTime.of(17, 30)));
                followUps.cancel(t.id(), t.version(), "Seen at another visit in the meantime; checked then.");
            }
        }
    }

    /** Adds tasks by hand for any state the history left empty, and snoozes one upcoming task. */
    private void fillEveryState(List<Patient> patients) {
        Patient p = patients.get(0);
        Patient q = patients.get(patients.size() > 1 ? 1 : 0);
        Set<Long> closingLater = new java.util.HashSet<>();
        clinicalToClose.forEach(t -> closingLater.add(t.id()));
        List<FollowUpTask> tasks = allTasks(patients).stream().filter(t -> !closingLater.contains(t.id())).toList();
        if (tasks.stream().noneMatch(t -> t.open() && t.due().isBefore(today))) {
            clock.set(at(today.minusDays(4), LocalTime.of(9, 0)));
            manual(q, today.minusDays(2), "Call back: asked for a copy of the treatment record.");
        }
        if (tasks.stream().noneMatch(t -> t.status() == TaskStatus.DONE && t.attempts() > 0)) {
            clock.set(at(today.minusDays(12), LocalTime.of(9, 0)));
            FollowUpTask t = manual(p, today.minusDays(11), "Call to confirm the review appointment.");
            t = call(t, today.minusDays(11), CallOutcome.NO_ANSWER, null);
            call(t, today.minusDays(10), CallOutcome.REACHED, "Confirmed.");
        }
        if (tasks.stream().noneMatch(t -> t.status() == TaskStatus.MISSED) && !clinicalMissed.contains(true)) {
            clock.set(at(today.minusDays(20), LocalTime.of(9, 0)));
            FollowUpTask t = manual(q, today.minusDays(19), "Remind about the Sculptra aftercare massage.");
            clock.set(at(today.minusDays(12), LocalTime.of(17, 0)));
            followUps.markMissed(t.id(), t.version(), "No answer all week.");
        }
        if (tasks.stream().noneMatch(t -> t.status() == TaskStatus.CANCELLED) && !clinicalMissed.contains(false)) {
            clock.set(at(today.minusDays(6), LocalTime.of(9, 0)));
            FollowUpTask t = manual(p, today.minusDays(3), "Offer an earlier appointment.");
            clock.set(at(today.minusDays(5), LocalTime.of(12, 0)));
            followUps.cancel(t.id(), t.version(), "The patient booked online herself.");
        }
        clock.set(at(today, LocalTime.of(8, 30)));
        if (tasks.stream().noneMatch(t -> t.open() && t.due().isEqual(today))) {
            manual(p, today, "Call back: asked about the aftercare sheet.");
        }
        if (tasks.stream().filter(t -> t.open() && t.due().isAfter(today) && !t.due().isAfter(today.plusDays(7))).count() < 2) {
            manual(q, today.plusDays(2), "Confirm Thursday's review appointment.");
            manual(p, today.plusDays(5), "Remind to bring the list of medications.");
        }
        FollowUpTask away = manual(q, today.plusDays(1), "Offer the next Sculptra session dates.");
        clock.set(at(today, LocalTime.of(8, 50)));
        followUps.snooze(away.id(), away.version(), today.plusDays(10));
    }

    private FollowUpTask manual(Patient p, LocalDate due, String reason) {
        return followUps.createTask(new NewTask(p.id(), TaskKind.CALL, due, null, Role.FRONT_DESK, null, reason, false));
    }

    // ----------------------------------------------------------------------------------- result

    private Result result(List<Patient> patients) {
        Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
        int snoozed = 0;
        for (FollowUpTask t : allTasks(patients)) {
            byStatus.merge(t.status(), 1, Integer::sum);
            if (t.open() && t.snoozedOn(today)) {
                snoozed++;
            }
        }
        return new Result(eventCount, events.openUrgentEvents().size(), reportCount, byStatus, snoozed);
    }

    /** That time of that day, but never after the seed's "now". */
    private Instant at(LocalDate day, LocalTime time) {
        Instant t = day.atTime(time).atZone(clock.getZone()).toInstant();
        return t.isAfter(now) ? now : t;
    }
}
