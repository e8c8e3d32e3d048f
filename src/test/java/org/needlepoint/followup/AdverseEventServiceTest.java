package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;

/** Recording adverse events: validation, timing classes, severity tasks, urgent alerts, reports and the review list. */
class AdverseEventServiceTest {
    @TempDir
    Path dir;
    FollowUpFixture f;
    AdverseEventService events;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
        events = f.events;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static AdverseEventDraft withOnset(AdverseEventDraft d, LocalDate onset) {
        return new AdverseEventDraft(d.patientId(), d.visitId(), d.pointKeys(), d.reportedOn(), onset, d.type(),
                d.otherDescription(), d.severity(), d.visionChange(), d.breathingDifficulty(), d.serious(), d.deathDate(),
                d.description(), d.actionsTaken(), d.relevantHistory(), d.weightKg(), d.outcome(), d.outcomeDate());
    }

    private static AdverseEventDraft withSeverity(AdverseEventDraft d, Severity s) {
        return new AdverseEventDraft(d.patientId(), d.visitId(), d.pointKeys(), d.reportedOn(), d.onsetDate(), d.type(),
                d.otherDescription(), s, d.visionChange(), d.breathingDifficulty(), d.serious(), d.deathDate(),
                d.description(), d.actionsTaken(), d.relevantHistory(), d.weightKg(), d.outcome(), d.outcomeDate());
    }

    private static AdverseEventDraft withFlags(AdverseEventDraft d, AdverseEventType type, boolean vision, boolean breathing) {
        return new AdverseEventDraft(d.patientId(), d.visitId(), d.pointKeys(), d.reportedOn(), d.onsetDate(), type,
                d.otherDescription(), d.severity(), vision, breathing, d.serious(), d.deathDate(), d.description(),
                d.actionsTaken(), d.relevantHistory(), d.weightKg(), d.outcome(), d.outcomeDate());
    }

    private static AdverseEventDraft resolved(AdverseEventDraft d, EventOutcome o, LocalDate when) {
        return new AdverseEventDraft(d.patientId(), d.visitId(), d.pointKeys(), d.reportedOn(), d.onsetDate(), d.type(),
                d.otherDescription(), d.severity(), d.visionChange(), d.breathingDifficulty(), d.serious(), d.deathDate(),
                d.description(), d.actionsTaken(), d.relevantHistory(), d.weightKg(), o, when);
    }

    private List<FollowUpTask> eventTasks(AdverseEvent e) {
        return f.tasks(f.ann).stream().filter(t -> t.eventId() != null && t.eventId() == e.id()).toList();
    }

    // ------------------------------------------------------------------------------- recording

    @Test
    void aFiveDayBruiseIsRecordedAsExpectedUnlessTheInjectorSaysOtherwise() {
        VisitChart v = f.signed(f.ann, List.of(f.glabella().get(0)));
        f.days(5);
        AdverseEventDraft bruise = new AdverseEventDraft(f.ann.id(), v.visit().id(), List.of("g1"), f.today(),
                f.today().minusDays(4), AdverseEventType.BRUISING, null, Severity.GRADE_1, false, false, Set.of(), null,
                "Small bruise at the glabella, 5 days.", null, null, null, EventOutcome.IMPROVING, null);

        AdverseEvent expected = events.recordEvent(bruise);
        assertThat(expected.expected()).isTrue();
        assertThat(expected.toDraft().notExpected()).isFalse();
        assertThat(events.patientEvents(f.ann.id())).singleElement()
                .satisfies(s -> assertThat(s.typeLabel()).isEqualTo("Bruising (expected reaction)"));
        assertThat(AuditLog.withAction(f.clinic.db, Audit.CREATE)).filteredOn(a -> "adverse_event".equals(a.recordType()))
                .last().satisfies(a -> assertThat(a.summary()).contains("recorded as an expected reaction"));

        AdverseEvent adverse = events.recordEvent(bruise.withNotExpected(true));
        assertThat(adverse.expected()).as("the injector says otherwise").isFalse();
        assertThat(adverse.toDraft().notExpected()).as("the form shows the injector's word again").isTrue();

        AdverseEvent severe = events.recordEvent(new AdverseEventDraft(f.ann.id(), v.visit().id(), List.of("g1"),
                f.today(), f.today().minusDays(4), AdverseEventType.SWELLING, null, Severity.GRADE_3, false, false,
                Set.of(), null, null, null, null, null, EventOutcome.ONGOING, null));
        assertThat(severe.expected()).as("severe").isFalse();

        // changed to the injector's word later: an update records it
        AdverseEvent changed = events.updateEvent(expected.id(), expected.version(), expected.toDraft().withNotExpected(true));
        assertThat(changed.expected()).isFalse();
        assertThat(AuditLog.withAction(f.clinic.db, Audit.UPDATE)).filteredOn(a -> "adverse_event".equals(a.recordType()))
                .last().satisfies(a -> assertThat(a.summary()).contains("now an adverse reaction"));
    }

    @Test
    void anEventFollowsTheSelectedPointsToTheirLots() {
        VisitChart v = f.signed(f.ann, List.of(f.glabella().get(0), f.glabella().get(1), f.fillerPoints().get(0)));
        f.days(2);
        AdverseEventDraft d = new AdverseEventDraft(f.ann.id(), v.visit().id(), List.of("g1", "g2", "f1"), f.today(),
                f.today().minusDays(1), AdverseEventType.BRUISING, null, Severity.GRADE_1, false, false, Set.of(), null,
                "Bruise at the glabella and the right fold.", "Arnica, reassurance.", null, new BigDecimal("61.5"),
                EventOutcome.IMPROVING, null);

        AdverseEvent e = events.recordEvent(d);

        assertThat(e.patientId()).isEqualTo(f.ann.id());
        assertThat(e.patientName()).isEqualTo("Smith, Ann");
        assertThat(e.visitDate()).isEqualTo(LocalDate.parse("2026-11-21"));
        assertThat(e.injectorName()).isEqualTo("NP Ivy Injector");
        assertThat(e.reportedByName()).isEqualTo("NP Ivy Injector");
        assertThat(e.pointKeys()).containsExactly("g1", "g2", "f1");
        assertThat(e.timing()).isEqualTo(TimingClass.EARLY);
        assertThat(e.weightKg()).isEqualByComparingTo("61.5");
        assertThat(e.urgent()).isFalse();
        assertThat(e.products()).hasSize(2);
        EventProduct toxin = e.products().get(0);
        assertThat(toxin.productName()).isEqualTo("Dysport 300 U");
        assertThat(toxin.kind()).isEqualTo(ProductKind.TOXIN);
        assertThat(toxin.lotNumber()).isEqualTo("DY301A");
        assertThat(toxin.expiry()).isEqualTo(f.dysportLot.expiry());
        assertThat(toxin.dose()).isEqualTo("20 U");
        assertThat(toxin.points()).isEqualTo(2);
        assertThat(toxin.therapyDates()).containsExactly(LocalDate.parse("2026-11-21"));
        EventProduct ha = e.products().get(1);
        assertThat(ha.lotNumber()).isEqualTo("HA1LA");
        assertThat(ha.dose()).isEqualTo("0.5 mL");
        assertThat(ha.device()).isTrue();

        assertThat(AuditLog.last(f.clinic.db)).satisfies(a -> {
            assertThat(a.action()).isEqualTo(Audit.CREATE);
        });
        assertThat(AuditLog.withAction(f.clinic.db, Audit.CREATE)).filteredOn(a -> "adverse_event".equals(a.recordType()))
                .singleElement().satisfies(a -> assertThat(a.summary()).contains("Bruising", "Grade 1", "3 point(s)"));
    }

    @Test
    void timingClassesAtTheir14DayAndOneYearBoundaries() {
        VisitChart v = f.signed(f.ann, f.glabella()); // 21 Nov 2026
        f.days(366);
        LocalDate visit = LocalDate.parse("2026-11-21");
        AdverseEventDraft base = f.draft(v, AdverseEventType.DELAYED_NODULE_GRANULOMA, Severity.GRADE_2);
        assertThat(events.recordEvent(withOnset(base, visit.plusDays(13))).timing()).isEqualTo(TimingClass.EARLY);
        assertThat(events.recordEvent(withOnset(base, visit.plusDays(14))).timing()).isEqualTo(TimingClass.LATE);
        assertThat(events.recordEvent(withOnset(base, visit.plusDays(365))).timing()).isEqualTo(TimingClass.LATE);
        assertThat(events.recordEvent(withOnset(base, visit.plusDays(366))).timing()).isEqualTo(TimingClass.DELAYED);
        assertThat(TimingClass.of(visit, visit)).isEqualTo(TimingClass.EARLY);
    }

    @Test
    void theFormsRulesAreCheckedAndNothingIsSaved() {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEventDraft ok = f.draft(v, AdverseEventType.BRUISING, Severity.GRADE_1);
        assertThat(events.problems(ok)).isEmpty();

        assertThat(events.problems(withOnset(ok, f.today().minusDays(1)))).containsKey("onsetDate");
        assertThat(events.problems(withOnset(ok, f.today().plusDays(1)))).containsKey("onsetDate");
        assertThat(events.problems(withFlags(ok, AdverseEventType.OTHER, false, false))).containsOnlyKeys("otherDescription");
        AdverseEventDraft otherBlank = new AdverseEventDraft(ok.patientId(), ok.visitId(), ok.pointKeys(), ok.reportedOn(),
                ok.onsetDate(), AdverseEventType.OTHER, " ", ok.severity(), false, false, Set.of(), null, null, null, null,
                null, EventOutcome.ONGOING, null);
        assertThat(events.problems(otherBlank)).containsKey("otherDescription");
        assertThat(events.problems(resolved(ok, EventOutcome.RESOLVED, null))).containsKey("outcomeDate");
        assertThat(events.problems(resolved(ok, EventOutcome.RESOLVED_WITH_SEQUELAE, null))).containsKey("outcomeDate");
        assertThat(events.problems(resolved(ok, EventOutcome.RESOLVED, f.today()))).isEmpty();
        assertThat(events.problems(withSeverity(ok, Severity.GRADE_5))).containsKey("serious");
        AdverseEventDraft deathNoDate = new AdverseEventDraft(ok.patientId(), ok.visitId(), ok.pointKeys(), ok.reportedOn(),
                ok.onsetDate(), ok.type(), null, Severity.GRADE_5, false, false, Set.of(SeriousOutcome.DEATH), null, null,
                null, null, null, EventOutcome.ONGOING, null);
        assertThat(events.problems(deathNoDate)).containsKey("deathDate");
        AdverseEventDraft noPoints = new AdverseEventDraft(ok.patientId(), ok.visitId(), List.of(), ok.reportedOn(),
                ok.onsetDate(), ok.type(), null, ok.severity(), false, false, Set.of(), null, null, null, null, null,
                EventOutcome.ONGOING, null);
        assertThat(events.problems(noPoints)).containsKey("points");
        AdverseEventDraft strangePoint = new AdverseEventDraft(ok.patientId(), ok.visitId(), List.of("g1", "nope"),
                ok.reportedOn(), ok.onsetDate(), ok.type(), null, ok.severity(), false, false, Set.of(), null, null, null,
                null, null, EventOutcome.ONGOING, null);
        assertThat(events.problems(strangePoint)).containsKey("points");
        AdverseEventDraft heavy = new AdverseEventDraft(ok.patientId(), ok.visitId(), ok.pointKeys(), ok.reportedOn(),
                ok.onsetDate(), ok.type(), null, ok.severity(), false, false, Set.of(), null, null, null, null,
                new BigDecimal("612"), EventOutcome.ONGOING, null);
        assertThat(events.problems(heavy)).containsKey("weightKg");
        AdverseEventDraft otherPatient = new AdverseEventDraft(f.bea.id(), ok.visitId(), ok.pointKeys(), ok.reportedOn(),
                ok.onsetDate(), ok.type(), null, ok.severity(), false, false, Set.of(), null, null, null, null, null,
                EventOutcome.ONGOING, null);
        assertThat(events.problems(otherPatient)).containsKey("visit");

        assertThatThrownBy(() -> events.recordEvent(withOnset(ok, f.today().plusDays(3))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("future");
        assertThat(events.patientEvents(f.ann.id())).isEmpty();
        assertThat(f.tasks(f.ann)).noneMatch(t -> t.source() == TaskSource.EVENT);
    }

    @Test
    void aDraftChartCannotCarryAnEvent() {
        VisitChart started = f.charts.startVisit(f.ann.id());
        VisitChart draft = f.charts.saveDraft(started.visit(), new ChartDraft(null, f.glabella(), started.screening(), false, false));
        AdverseEventDraft d = f.draft(draft, AdverseEventType.SWELLING, Severity.GRADE_1);
        assertThatThrownBy(() -> events.recordEvent(d)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not signed yet");
    }

    // --------------------------------------------------------------------------- severity tasks

    private List<LocalDate> dues(List<FollowUpTask> tasks) {
        return tasks.stream().map(FollowUpTask::due).sorted().toList();
    }

    @Test
    void eachGradeGetsItsChecksCountedFromTheDayReported() {
        VisitChart v = f.signed(f.ann, f.glabella());
        f.days(1);
        LocalDate r = f.today(); // 22 Nov 2026

        AdverseEvent g1 = events.recordEvent(f.draft(v, AdverseEventType.BRUISING, Severity.GRADE_1));
        assertThat(eventTasks(g1)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TaskKind.CALL);
            assertThat(t.due()).isEqualTo(r.plusDays(3));
            assertThat(t.clinical()).isTrue();
            assertThat(t.reason()).contains("Bruising").contains("reported 22 Nov 2026");
        });
        AdverseEvent g2 = events.recordEvent(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_2));
        assertThat(dues(eventTasks(g2))).containsExactly(r.plusDays(2), r.plusDays(7));
        AdverseEvent g3 = events.recordEvent(f.draft(v, AdverseEventType.INFECTION, Severity.GRADE_3));
        assertThat(eventTasks(g3)).extracting(FollowUpTask::kind, FollowUpTask::due).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(TaskKind.CALL, r.plusDays(1)),
                org.assertj.core.groups.Tuple.tuple(TaskKind.VISIT, r.plusDays(3)),
                org.assertj.core.groups.Tuple.tuple(TaskKind.CALL, r.plusDays(14)));
        AdverseEvent g4 = events.recordEvent(f.draft(v, AdverseEventType.HYPERSENSITIVITY, Severity.GRADE_4));
        assertThat(eventTasks(g4)).extracting(FollowUpTask::kind, FollowUpTask::due).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(TaskKind.CALL, r.plusDays(1)),
                org.assertj.core.groups.Tuple.tuple(TaskKind.REVIEW, r.plusDays(7)));
    }

    @Test
    void eventTasksAreNeverMadeTwice() throws Exception {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEvent e = events.recordEvent(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_2));
        User injector = f.clinic.services.session().require();
        FollowUpPlanner planner = new FollowUpPlanner(new FollowUpStore(), f.clinic.services.audit(), f.clinic.clock);
        List<Long> again = f.clinic.db.tx(c -> planner.eventTasks(c, e.id(), e.patientId(), e.severity(), e.reportedOn(),
                "Swelling", null, injector));
        assertThat(again).isEmpty();
        assertThat(eventTasks(e)).hasSize(2);
    }

    @Test
    void aChangedGradeCancelsTheOldChecksAndAddsTheNewOnesFromToday() {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEvent e = events.recordEvent(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_1));
        f.days(5); // the grade-1 call (day 3) is now overdue
        AdverseEvent worse = events.updateEvent(e.id(), e.version(), withSeverity(e.toDraft(), Severity.GRADE_3));

        assertThat(worse.severity()).isEqualTo(Severity.GRADE_3);
        List<FollowUpTask> tasks = eventTasks(worse);
        assertThat(tasks).filteredOn(t -> "EVENT_G1_CALL_3D".equals(t.ruleCode())).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(t.closeNote()).contains("grade 1 to grade 3");
        });
        // reported 21 Nov: the day-1 call (22 Nov) and day-3 visit (24 Nov) are due today at the earliest
        LocalDate today = f.today();
        assertThat(tasks).filteredOn(FollowUpTask::open).extracting(FollowUpTask::ruleCode, FollowUpTask::due)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("EVENT_G3_CALL_1D", today),
                        org.assertj.core.groups.Tuple.tuple("EVENT_G3_VISIT_3D", today),
                        org.assertj.core.groups.Tuple.tuple("EVENT_G3_CALL_14D", LocalDate.parse("2026-12-05")));
        assertThat(AuditLog.withAction(f.clinic.db, Audit.UPDATE)).filteredOn(a -> "adverse_event".equals(a.recordType()))
                .singleElement().satisfies(a -> assertThat(a.summary()).contains("severity Grade 1 \u2013 Mild -> Grade 3"));
    }

    @Test
    void updatesAreOptimisticLocked() {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEvent e = events.recordEvent(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_1));
        AdverseEvent changed = events.updateEvent(e.id(), e.version(), resolved(e.toDraft(), EventOutcome.RESOLVED, f.today()));
        assertThat(changed.outcome()).isEqualTo(EventOutcome.RESOLVED);
        assertThat(changed.version()).isEqualTo(e.version() + 1);
        assertThatThrownBy(() -> events.updateEvent(e.id(), e.version(), e.toDraft()))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Ivy Injector");
        assertThat(events.event(e.id()).outcome()).isEqualTo(EventOutcome.RESOLVED);
        assertThat(events.history(e.id())).extracting(AuditEntry::action).containsExactly(Audit.CREATE, Audit.UPDATE);
        assertThat(events.history(e.id()).get(1).summary()).contains("outcome Ongoing -> Resolved (2026-11-21)");
    }

    // ----------------------------------------------------------------------------------- urgent

    @Test
    void urgentEventsStayOnTheBannerUntilAnInjectorClosesThem() {
        VisitChart v = f.signed(f.ann, f.fillerPoints());
        AdverseEvent bruise = events.recordEvent(f.draft(v, AdverseEventType.BRUISING, Severity.GRADE_1));
        AdverseEvent occlusion = events.recordEvent(f.draft(v, AdverseEventType.VASCULAR_OCCLUSION, Severity.GRADE_3));
        AdverseEvent vision = events.recordEvent(withFlags(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_2),
                AdverseEventType.SWELLING, true, false));
        AdverseEvent breathing = events.recordEvent(withFlags(f.draft(v, AdverseEventType.HYPERSENSITIVITY, Severity.GRADE_3),
                AdverseEventType.HYPERSENSITIVITY, false, true));

        assertThat(bruise.urgent()).isFalse();
        assertThat(occlusion.urgentOpen()).isTrue();
        f.clinic.signIn("desk"); // the banner is for everyone
        assertThat(events.openUrgentEvents()).extracting(AdverseEventSummary::id)
                .containsExactly(occlusion.id(), vision.id(), breathing.id());
        assertThat(events.openUrgentEvents().get(1).headline()).isEqualTo("Swelling; vision change");
        assertThat(events.urgentChecklist()).contains("emergency services").contains("hyaluronidase");
        assertThatThrownBy(() -> events.closeUrgent(occlusion.id(), occlusion.version(), "Done"))
                .isInstanceOf(PermissionDeniedException.class);

        List<AuditEntry> urgent = AuditLog.withAction(f.clinic.db, AdverseEventService.URGENT_EVENT);
        assertThat(urgent).extracting(AuditEntry::recordId).containsExactly(occlusion.id(), vision.id(), breathing.id());
        assertThat(urgent.get(0).summary()).contains("Vascular occlusion").contains("chart " + f.ann.chartNumber());

        f.clinic.signIn("injector");
        assertThatThrownBy(() -> events.closeUrgent(occlusion.id(), occlusion.version(), " "))
                .isInstanceOf(ValidationException.class);
        AdverseEvent closed = events.closeUrgent(occlusion.id(), occlusion.version(),
                "Hyaluronidase per protocol; perfusion back; reviewed at 2 h.");
        assertThat(closed.urgent()).isTrue();
        assertThat(closed.urgentOpen()).isFalse();
        assertThat(closed.urgentClosedByName()).isEqualTo("NP Ivy Injector");
        assertThat(events.openUrgentEvents()).extracting(AdverseEventSummary::id).containsExactly(vision.id(), breathing.id());
        assertThatThrownBy(() -> events.closeUrgent(bruise.id(), bruise.version(), "n/a"))
                .hasMessageContaining("not urgent");
    }

    @Test
    void aNewUrgentSignReopensAClosedAlertAndAnEventBecomingUrgentIsAudited() {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEvent ptosis = events.recordEvent(f.draft(v, AdverseEventType.EYELID_PTOSIS, Severity.GRADE_2));
        assertThat(ptosis.urgent()).isFalse();
        AdverseEvent spread = events.updateEvent(ptosis.id(), ptosis.version(),
                withFlags(ptosis.toDraft(), AdverseEventType.DISTANT_TOXIN_SPREAD, false, false));
        assertThat(spread.urgentOpen()).isTrue();
        AdverseEvent closed = events.closeUrgent(spread.id(), spread.version(), "Seen the same day; no swallowing problem.");
        assertThat(events.openUrgentEvents()).isEmpty();
        AdverseEvent worse = events.updateEvent(closed.id(), closed.version(), withFlags(closed.toDraft(),
                AdverseEventType.DISTANT_TOXIN_SPREAD, false, true));
        assertThat(worse.urgentOpen()).isTrue();
        assertThat(events.openUrgentEvents()).extracting(AdverseEventSummary::id).containsExactly(ptosis.id());
        assertThat(AuditLog.withAction(f.clinic.db, AdverseEventService.URGENT_EVENT)).hasSize(2);
    }

    // ---------------------------------------------------------------------- reports and review

    @Test
    void theFrontDeskLogsAReportThatWaitsForAnInjectorWhoRecordsOrDismissesIt() {
        VisitChart v = f.signed(f.ann, f.glabella());
        f.days(3);
        f.clinic.signIn("desk");
        PatientReport droop = events.logPatientReport(f.ann.id(), "Left eyelid drooping since yesterday.",
                f.clinic.clock.instant().minus(Duration.ofMinutes(10)));
        PatientReport question = events.logPatientReport(f.bea.id(), "Asks whether she can go to the gym.",
                f.clinic.clock.instant());
        assertThat(droop.status()).isEqualTo(ReportStatus.WAITING);
        assertThat(droop.takenByName()).isEqualTo("Dana Desk");
        assertThat(droop.phone()).isEqualTo("(555) 010-2345");
        assertThatThrownBy(() -> events.recordEvent(f.draft(v, AdverseEventType.EYELID_PTOSIS, Severity.GRADE_2)))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Front desk");
        assertThatThrownBy(events::reviewList).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> events.dismissReport(question.id(), question.version(), "n/a"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> events.logPatientReport(f.ann.id(), "later", f.clinic.clock.instant().plus(Duration.ofHours(2))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("future");

        f.clinic.signIn("injector");
        ReviewList before = events.reviewList();
        assertThat(before.waitingReports()).extracting(PatientReport::id).containsExactly(droop.id(), question.id());

        AdverseEventDraft d = f.draft(v, AdverseEventType.EYELID_PTOSIS, Severity.GRADE_2);
        assertThatThrownBy(() -> events.recordEventFromReport(question.id(), question.version(), d))
                .hasMessageContaining("Jones, Bea");
        AdverseEvent e = events.recordEventFromReport(droop.id(), droop.version(), d);
        assertThat(e.patientReportId()).isEqualTo(droop.id());
        events.dismissReport(question.id(), question.version(), "General aftercare question: answered on the phone.");

        ReviewList after = events.reviewList();
        assertThat(after.waitingReports()).isEmpty();
        assertThat(after.openEvents()).extracting(AdverseEventSummary::id).containsExactly(e.id());
        assertThat(events.patientReports(f.ann.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReportStatus.RECORDED);
            assertThat(r.eventId()).isEqualTo(e.id());
            assertThat(r.reviewedByName()).isEqualTo("NP Ivy Injector");
        });
        assertThat(events.patientReports(f.bea.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReportStatus.DISMISSED);
            assertThat(r.reviewNote()).startsWith("General aftercare");
        });
        assertThatThrownBy(() -> events.dismissReport(droop.id(), droop.version() + 1, "again"))
                .hasMessageContaining("already dealt with");
    }

    @Test
    void theReviewListHoldsUnresolvedEventsAndOpenUrgentOnes() {
        VisitChart v = f.signed(f.ann, f.fillerPoints());
        AdverseEvent open = events.recordEvent(f.draft(v, AdverseEventType.SWELLING, Severity.GRADE_1));
        AdverseEvent done = events.recordEvent(resolved(f.draft(v, AdverseEventType.BRUISING, Severity.GRADE_1),
                EventOutcome.RESOLVED, f.today()));
        AdverseEvent urgentResolved = events.recordEvent(resolved(f.draft(v, AdverseEventType.VASCULAR_OCCLUSION,
                Severity.GRADE_3), EventOutcome.RESOLVED_WITH_SEQUELAE, f.today()));

        ReviewList list = events.reviewList();
        assertThat(list.openEvents()).extracting(AdverseEventSummary::id).containsExactly(open.id());
        assertThat(list.openUrgent()).extracting(AdverseEventSummary::id).containsExactly(urgentResolved.id());
        assertThat(list.size()).isEqualTo(2);
        assertThat(events.patientEvents(f.ann.id())).hasSize(3);
        assertThat(events.visitEvents(v.visit().id())).extracting(AdverseEventSummary::id)
                .containsExactly(open.id(), done.id(), urgentResolved.id());
    }

    @Test
    void theFrontDeskCannotReadEvents() {
        VisitChart v = f.signed(f.ann, f.glabella());
        AdverseEvent e = events.recordEvent(f.draft(v, AdverseEventType.BRUISING, Severity.GRADE_1));
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> events.event(e.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> events.patientEvents(f.ann.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> events.updateEvent(e.id(), e.version(), e.toDraft()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(f.followUps.worklistCounts(f.today())).satisfies(n -> assertThat(n.openEvents()).isEqualTo(1));
    }
}
