package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.chart.ChartFixture.pt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.Lot;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.SignInException;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.store.StoreException;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class ChartServiceTest {
    private static final char[] PASSWORD = TestClinic.PASSWORD.toCharArray();

    @TempDir
    Path dir;
    ChartFixture f;
    ChartService charts;

    @BeforeEach
    void open() {
        f = new ChartFixture(dir);
        charts = f.charts;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private VisitChart reload(long visitId) {
        return f.clinic.db.read(c -> new ChartStore().chart(c, visitId)).orElseThrow();
    }

    private int auditRows() {
        return AuditLog.entries(f.clinic.db).size();
    }

    // ------------------------------------------------------------------------------ drafting

    @Test
    void anInjectorStartsADraftWithAPreFlaggedChecklist() {
        Patient bea = f.patientWith("Penicillin", "Aspirin 81 mg daily", null, Pregnancy.NO);
        User injector = f.clinic.services.session().require();

        VisitChart chart = charts.startVisit(bea.id());

        Visit v = chart.visit();
        assertThat(v.status()).isEqualTo(VisitStatus.DRAFT);
        assertThat(v.patientId()).isEqualTo(bea.id());
        assertThat(v.injectorId()).isEqualTo(injector.id());
        assertThat(v.injectorName()).isEqualTo("NP Ivy Injector");
        assertThat(v.startedAt()).isEqualTo(f.clinic.clock.instant());
        assertThat(chart.points()).isEmpty();
        assertThat(chart.readOnly()).isFalse();
        assertThat(chart.screening()).extracting(ScreeningEntry::item).contains(ScreeningItem.ANTICOAGULANTS,
                ScreeningItem.NSAIDS_SUPPLEMENTS, ScreeningItem.PREGNANCY, ScreeningItem.SITE_INFECTION);
        assertThat(chart.screening()).filteredOn(e -> e.item() == ScreeningItem.NSAIDS_SUPPLEMENTS).singleElement()
                .satisfies(e -> {
                    assertThat(e.answer()).isEqualTo(ScreeningAnswer.YES);
                    assertThat(e.flaggedByRecord()).isTrue();
                    assertThat(e.note()).contains("Aspirin 81 mg daily");
                });
        AuditEntry row = AuditLog.last(f.clinic.db);
        assertThat(row.action()).isEqualTo(Audit.CREATE);
        assertThat(row.recordType()).isEqualTo("visit");
        assertThat(row.recordId()).isEqualTo(v.id());
        assertThat(row.patientId()).isEqualTo(bea.id());
        assertThat(row.userId()).isEqualTo(injector.id());
    }

    @Test
    void choosingDysportAddsItsQuestionsPreFlaggedFromTheRecord() {
        Patient bea = f.patientWith("Cow's milk protein", null, null, Pregnancy.NO);
        VisitChart chart = charts.startVisit(bea.id());

        VisitChart saved = charts.saveDraft(chart.visit(), ChartDraft.of(chart).withPoints(f.glabella()));

        assertThat(saved.screening()).filteredOn(e -> e.item() == ScreeningItem.COWS_MILK_ALLERGY).singleElement()
                .satisfies(e -> {
                    assertThat(e.answer()).isEqualTo(ScreeningAnswer.YES);
                    assertThat(e.note()).contains("Cow's milk protein");
                });
        assertThat(saved.screening()).extracting(ScreeningEntry::item).contains(ScreeningItem.NEUROMUSCULAR)
                .doesNotContain(ScreeningItem.KELOIDS);
        assertThat(charts.screening(bea.id(), List.of(f.sculptra.id()), saved.screening()))
                .extracting(ScreeningEntry::item).contains(ScreeningItem.KELOIDS, ScreeningItem.COWS_MILK_ALLERGY);
    }

    @Test
    void saveDraftStoresEverythingInOneGoAndAnUnchangedDraftWritesNothing() {
        VisitChart started = charts.startVisit(f.patient.id());
        ChartDraft draft = f.ready(started, f.glabella()).withNotes("Moderate glabellar lines at frown.");

        VisitChart saved = charts.saveDraft(started.visit(), draft);

        assertThat(saved.visit().version()).isEqualTo(started.visit().version() + 1);
        assertThat(saved.points()).isEqualTo(f.glabella());
        assertThat(saved.visit().notes()).isEqualTo("Moderate glabellar lines at frown.");
        assertThat(saved.visit().consentConfirmed()).isTrue();
        assertThat(reload(saved.visit().id())).isEqualTo(saved);
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.UPDATE);
            assertThat(e.recordId()).isEqualTo(saved.visit().id());
            assertThat(e.summary()).contains("5 points", "Dysport 300 U 50 U");
        });

        int rows = auditRows();
        VisitChart again = charts.saveDraft(saved.visit(), draft);
        assertThat(again).isEqualTo(saved);
        assertThat(again.visit().version()).isEqualTo(saved.visit().version());
        assertThat(auditRows()).isEqualTo(rows);

        List<InjectionPoint> fewer = new ArrayList<>(f.glabella().subList(0, 3));
        fewer.set(0, fewer.get(0).withAmount(new BigDecimal("12.5")));
        VisitChart edited = charts.saveDraft(saved.visit(), ChartDraft.of(saved).withPoints(fewer));
        assertThat(edited.points()).hasSize(3).first().satisfies(p -> assertThat(p.amount()).isEqualTo(new BigDecimal("12.5")));
        assertThat(reload(edited.visit().id()).points()).isEqualTo(fewer);
    }

    @Test
    void aSaveWritesOnlyThePointsAndAnswersThatChangedAndKeepsTheOrder() {
        VisitChart saved = f.drafted(f.glabella());
        long visit = saved.visit().id();
        java.util.Map<String, Long> before = pointIds(visit);
        assertThat(before).containsOnlyKeys("g1", "g2", "g3", "g4", "g5");

        List<InjectionPoint> next = new ArrayList<>(f.glabella());
        next.set(1, next.get(1).withAmount(new BigDecimal("12.5")));
        next.remove(4);
        next.add(1, pt("g6", Region.FRONTALIS, Side.MIDLINE, f.dysport, f.dysportLot, "5"));
        next.add(0, next.remove(4)); // g4 moved to the front
        List<ScreeningEntry> answers = new ArrayList<>(saved.screening());
        ScreeningEntry first = answers.get(0);
        answers.set(0, first.answered(ScreeningAnswer.YES, "Asked again: yes."));
        f.clinic.clock.advance(Duration.ofNanos(1_234_567_891)); // a clock finer than the database's microseconds
        VisitChart edited = charts.saveDraft(saved.visit(), ChartDraft.of(saved).withPoints(next).withScreening(answers));

        java.util.Map<String, Long> after = pointIds(visit);
        assertThat(after).containsOnlyKeys("g1", "g2", "g3", "g4", "g6");
        for (String kept : List.of("g1", "g2", "g3", "g4")) {
            assertThat(after.get(kept)).as("the row of %s", kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("g6")).isNotIn(before.values());
        VisitChart read = reload(visit);
        assertThat(read).isEqualTo(edited);
        assertThat(read.points()).extracting(InjectionPoint::key).containsExactly("g4", "g1", "g6", "g2", "g3");
        assertThat(read.points().get(3).amount()).isEqualByComparingTo("12.5");
        assertThat(read.screening()).filteredOn(e -> e.item() == first.item()).singleElement()
                .satisfies(e -> assertThat(e.note()).isEqualTo("Asked again: yes."));

        // every point gone, and a toxin question no product needs any more left out: their rows go too
        assertThat(edited.screening()).extracting(ScreeningEntry::item).contains(ScreeningItem.NEUROMUSCULAR);
        VisitChart emptied = charts.saveDraft(edited.visit(), ChartDraft.of(edited).withPoints(List.of())
                .withScreening(edited.screening().stream().filter(e -> e.item() != ScreeningItem.NEUROMUSCULAR).toList()));
        assertThat(pointIds(visit)).isEmpty();
        assertThat(reload(visit)).isEqualTo(emptied);
        assertThat(reload(visit).screening()).extracting(ScreeningEntry::item).doesNotContain(ScreeningItem.NEUROMUSCULAR)
                .contains(first.item());
    }

    private java.util.Map<String, Long> pointIds(long visitId) {
        return f.clinic.db.read(c -> {
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            try (var ps = c.prepareStatement("SELECT point_key, id FROM injection_point WHERE visit_id = ?")) {
                ps.setLong(1, visitId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return ids;
        });
    }

    @Test
    void aBadPointIsRefusedWithItsFieldAndNothingIsSaved() {
        VisitChart started = charts.startVisit(f.patient.id());
        List<InjectionPoint> points = new ArrayList<>(f.glabella());
        points.add(pt("bad", Region.TEMPLE, Side.LEFT, f.sculptra, f.sculptraLot, "-1"));

        assertThatThrownBy(() -> charts.saveDraft(started.visit(), f.ready(started, points)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("points.bad.amount"));
        assertThat(reload(started.visit().id())).isEqualTo(started);
    }

    // ------------------------------------------------------------------- where points land

    private static InjectionPoint at(InjectionPoint p, Placement where) {
        return new InjectionPoint(p.key(), where.view(), where.x(), where.y(), p.region(), p.side(), p.productId(),
                p.lotId(), p.vialId(), p.amount(), p.unit(), p.depth(), p.technique(), p.note(), p.addendumId());
    }

    @Test
    void aPointSentWithAWrongRegionAndSideIsStoredWhereItLands() {
        // a patient with the toxin consent only: the Sculptra consent, with its off-label-use section, is not on file
        Patient cleo = f.unconsented("Cleo", "Toxinonly");
        f.consent(cleo, ConsentKind.TOXIN);
        VisitChart started = charts.startVisit(cleo.id());
        Placement rightCorrugator = ChartFixture.spot(Region.CORRUGATOR, Side.RIGHT, f.dysport);
        Placement lips = ChartFixture.spot(Region.LIPS, Side.MIDLINE, f.sculptra);
        // the caller claims the forehead and the cheek; the points lie on the right corrugator and on the lips
        InjectionPoint toxin = at(pt("c", Region.FRONTALIS, Side.LEFT, f.dysport, f.dysportLot, "10"), rightCorrugator);
        InjectionPoint plla = at(pt("s", Region.MALAR, Side.LEFT, f.sculptra, f.sculptraLot, "0.5"), lips);

        VisitChart saved = charts.saveDraft(started.visit(), f.ready(started, List.of(toxin, plla)));

        assertThat(saved.points()).extracting(InjectionPoint::key, InjectionPoint::region, InjectionPoint::side)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c", Region.CORRUGATOR, Side.RIGHT),
                        org.assertj.core.groups.Tuple.tuple("s", Region.LIPS, Side.MIDLINE));
        assertThat(reload(saved.visit().id()).points()).isEqualTo(saved.points());
        // what depends on the region follows where the point is: Sculptra in the lips warns and is off-label
        assertThat(ChartRules.warnings(saved.points(), charts.catalog(), f.today(), false))
                .extracting(ChartWarning::code).contains(ChartWarning.PLLA_AVOID_REGION, ChartWarning.PLLA_OFF_LABEL);
        assertThatThrownBy(() -> charts.sign(saved.visit().id(), saved.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("consent", "offLabelConsent"));
    }

    @Test
    void aPointOnNoRegionOfTheDiagramIsRefusedAndNothingIsSaved() {
        VisitChart started = charts.startVisit(f.patient.id());
        VisitChart saved = charts.saveDraft(started.visit(), f.ready(started, f.glabella()));
        int rows = auditRows();
        List<InjectionPoint> points = new ArrayList<>(f.glabella());
        // the top corner of the front face: inside the drawing's square, outside every region
        points.add(at(pt("off", Region.TEMPLE, Side.RIGHT, f.dysport, f.dysportLot, "10"),
                new Placement(DiagramView.FACE_FRONT, 0.02, 0.02)));

        assertThatThrownBy(() -> charts.saveDraft(saved.visit(), ChartDraft.of(saved).withPoints(points)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("points.off.region");
                    assertThat(e.getMessage()).contains("Dysport 300 U point", "Face, front", "lies on no region");
                });
        assertThat(reload(saved.visit().id())).as("nothing saved").isEqualTo(saved);
        assertThat(auditRows()).isEqualTo(rows);

        VisitChart signed = charts.sign(saved.visit().id(), saved.visit().version(), PASSWORD);
        InjectionPoint offBody = at(pt("late", Region.ABDOMEN, Side.LEFT, f.dysport, f.dysportLot, "5"),
                new Placement(DiagramView.BODY_BACK, 0.5, 0.3));
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), "Touch-up", List.of(offBody)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("points.late.region"));
        assertThat(reload(signed.visit().id())).isEqualTo(signed);
        assertThatThrownBy(() -> charts.saveAsPattern("Off the face", points))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("points.off.region"));
        assertThat(charts.patterns()).extracting(ChartPattern::name).doesNotContain("Off the face");
    }

    @Test
    void addendumPointsAndSavedPatternsAreNamedWhereTheyLand() {
        VisitChart signed = f.signed(f.glabella());
        Placement leftCorrugator = ChartFixture.spot(Region.CORRUGATOR, Side.LEFT, f.dysport);
        InjectionPoint claimedProcerus = at(pt("t1", Region.PROCERUS, Side.MIDLINE, f.dysport, f.dysportLot, "5"),
                leftCorrugator);

        VisitChart amended = charts.addAddendum(signed.visit().id(), "Touch-up", List.of(claimedProcerus));

        assertThat(amended.addenda()).singleElement().satisfies(a -> assertThat(a.points()).singleElement()
                .satisfies(p -> assertThat(p.place()).isEqualTo("Corrugator supercilii, left")));
        ChartPattern mine = charts.saveAsPattern("One corrugator", List.of(claimedProcerus));
        assertThat(mine.points()).singleElement().satisfies(p -> {
            assertThat(p.region()).isEqualTo(Region.CORRUGATOR);
            assertThat(p.side()).isEqualTo(Side.LEFT);
        });
    }

    @Test
    void theDraftSurvivesClosingTheApp() {
        VisitChart started = charts.startVisit(f.patient.id());
        VisitChart saved = charts.saveDraft(started.visit(), f.ready(started, f.glabella()).withNotes("Half done"));
        f.close();

        try (TestClinic reopened = new TestClinic(dir)) {
            reopened.signIn("injector");
            ChartService again = reopened.services.charts();
            assertThat(again.myDrafts()).extracting(VisitSummary::id).containsExactly(saved.visit().id());

            VisitChart resumed = again.startVisit(f.patient.id());
            assertThat(resumed.visit().id()).as("start resumes the open draft").isEqualTo(saved.visit().id());
            assertThat(resumed.points()).isEqualTo(f.glabella());
            assertThat(resumed.visit().notes()).isEqualTo("Half done");
            assertThat(resumed.screening()).isEqualTo(saved.screening());
            assertThat(again.openVisit(saved.visit().id())).isEqualTo(resumed);
        }
    }

    @Test
    void twoEditorsOfOneDraftCannotOverwriteEachOther() {
        VisitChart started = charts.startVisit(f.patient.id());
        Services otherPc = f.clinic.services.withClock(f.clinic.clock);
        otherPc.auth().signIn("admin", PASSWORD);
        VisitChart seenByAdmin = otherPc.charts().openVisit(started.visit().id());

        f.clinic.clock.advance(Duration.ofMinutes(3));
        VisitChart injectorSaved = charts.saveDraft(started.visit(), f.ready(started, f.glabella()));

        List<InjectionPoint> adminPoints = List.of(pt("a1", Region.FRONTALIS, Side.LEFT, f.dysport, f.dysportLot, "5"));
        assertThatThrownBy(() -> otherPc.charts().saveDraft(seenByAdmin.visit(), ChartDraft.of(seenByAdmin).withPoints(adminPoints)))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("changed by Ivy Injector at 09:03 on 21 Nov 2026");
        assertThat(reload(started.visit().id())).isEqualTo(injectorSaved);
    }

    // -------------------------------------------------------------------------------- signing

    @Test
    void signingMakesTheChartReadOnly() {
        VisitChart draft = f.drafted(f.glabella());
        f.clinic.clock.advance(Duration.ofMinutes(20));

        VisitChart signed = charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD);

        assertThat(signed.visit().status()).isEqualTo(VisitStatus.SIGNED);
        assertThat(signed.visit().signedAt()).isEqualTo(f.clinic.clock.instant());
        assertThat(signed.visit().signedByName()).isEqualTo("NP Ivy Injector");
        assertThat(signed.readOnly()).isTrue();
        assertThat(signed.points()).isEqualTo(draft.points());
        // the signature's row, followed in the same transaction by the follow-up tasks' CREATE rows
        assertThat(AuditLog.withAction(f.clinic.db, Audit.SIGN)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.SIGN);
            assertThat(e.recordId()).isEqualTo(draft.visit().id());
            assertThat(e.patientId()).isEqualTo(f.patient.id());
        });
        assertThat(AuditLog.entries(f.clinic.db)).as("the stock it used, in the same transaction")
                .anySatisfy(e -> assertThat(e.summary())
                        .contains("stock used by the signed visit", "1 vial of Dysport 300 U lot DY301A"));

        assertThatThrownBy(() -> charts.saveDraft(signed.visit(), ChartDraft.of(signed).withPoints(List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsKey("status");
                    assertThat(e.getMessage()).contains("signed by NP Ivy Injector at 09:20", "addendum");
                });
        assertThatThrownBy(() -> charts.sign(signed.visit().id(), signed.visit().version(), PASSWORD))
                .isInstanceOf(ValidationException.class).hasMessageContaining("read-only");
        assertThat(reload(signed.visit().id())).isEqualTo(signed);
    }

    @Test
    void aWrongPasswordSignsNothing() {
        VisitChart draft = f.drafted(f.glabella());

        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), "nope".toCharArray()))
                .isInstanceOf(SignInException.class).hasMessageStartingWith("Wrong password.");

        assertThat(reload(draft.visit().id())).isEqualTo(draft);
        assertThat(AuditLog.withAction(f.clinic.db, Audit.SIGN)).isEmpty();
        assertThat(AuditLog.last(f.clinic.db).action()).isEqualTo(Audit.SIGN_IN_FAILED);
        assertThat(f.clinic.services.session().require().username()).as("still signed in").isEqualTo("injector");
    }

    @Test
    void signingNeedsPointsASignedConsentOnFileAndAnswers() {
        Patient dee = f.unconsented("Dee", "Noconsent");
        VisitChart started = charts.startVisit(dee.id());
        assertThatThrownBy(() -> charts.sign(started.visit().id(), started.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("points").doesNotContainKey("consent"));

        // the draft claims consent (as a checkbox once did): only a signed consent on file counts
        VisitChart noConsent = charts.saveDraft(started.visit(), f.ready(started, f.glabella()).withConsents(true, false));
        assertThatThrownBy(() -> charts.sign(noConsent.visit().id(), noConsent.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("consent");
                    assertThat(e.getMessage()).contains("No valid consent on file for Botulinum toxin");
                });

        f.consent(dee, ConsentKind.TOXIN);
        VisitChart unanswered = charts.saveDraft(noConsent.visit(), ChartDraft.of(noConsent).withScreening(List.of()));
        assertThatThrownBy(() -> charts.sign(unanswered.visit().id(), unanswered.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("screening");
                    assertThat(e.getMessage()).contains("Neuromuscular disease", "Cow's-milk protein allergy");
                });
        assertThat(reload(started.visit().id()).visit().status()).isEqualTo(VisitStatus.DRAFT);

        VisitChart answered = charts.saveDraft(unanswered.visit(), f.ready(unanswered, f.glabella())
                .withConsents(false, false));
        VisitChart signed = charts.sign(answered.visit().id(), answered.visit().version(), PASSWORD);
        assertThat(signed.visit().signed()).isTrue();
        assertThat(signed.visit().consentConfirmed()).as("the visit records the consent found on file").isTrue();
    }

    @Test
    void offLabelSculptraNeedsTheSculptraConsentWithItsOffLabelSection() {
        Patient eve = f.unconsented("Eve", "Sculptra");
        List<InjectionPoint> points = List.of(
                pt("t", Region.TEMPLE, Side.LEFT, f.sculptra, f.sculptraLot, "1"),
                pt("n", Region.NECK, Side.MIDLINE, f.sculptra, f.sculptraLot, "1"));
        VisitChart started = charts.startVisit(eve.id());
        VisitChart draft = charts.saveDraft(started.visit(), f.ready(started, points));

        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("consent", "offLabelConsent");
                    assertThat(e.getMessage()).contains("Sculptra (PLLA)", "Neck", "off-label");
                });

        f.consent(eve, ConsentKind.BIOSTIMULATOR);
        VisitChart signed = charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD);
        assertThat(signed.visit().signed()).isTrue();
        assertThat(signed.visit().offLabelConsentConfirmed()).as("recorded from the Sculptra consent on file").isTrue();

        VisitChart onLabel = f.drafted(List.of(pt("m", Region.MALAR, Side.LEFT, f.sculptra, f.sculptraLot, "2")));
        assertThat(charts.sign(onLabel.visit().id(), onLabel.visit().version(), PASSWORD).visit().signed()).isTrue();
    }

    @Test
    void aConsentSignedAfterTheVisitsDayDoesNotCountForIt() {
        Patient fay = f.unconsented("Fay", "Late");
        VisitChart started = charts.startVisit(fay.id());
        VisitChart draft = charts.saveDraft(started.visit(), f.ready(started, f.glabella()));
        f.clinic.clock.advance(Duration.ofDays(1));
        f.consent(fay, ConsentKind.TOXIN);
        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));
    }

    @Test
    void anExpiredRecalledMissingOrMismatchedLotIsRefusedAtSigning() {
        Lot shortDated = f.clinic.receive(f.dysport, "DY-SHORT", f.today().plusDays(2), 1);
        VisitChart draft = f.drafted(List.of(pt("g1", Region.PROCERUS, Side.MIDLINE, f.dysport, shortDated, "10")));
        f.clinic.clock.advance(Duration.ofDays(3));

        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("points.g1.lot");
                    assertThat(e.getMessage()).contains("DY-SHORT", "expired on 23 Nov 2026");
                });
        assertThat(charts.usableLots(f.dysport.id())).extracting(Lot::lotNumber).containsExactly("DY301A");

        // a lot of another product is refused as soon as the draft is saved; a missing lot only at signing
        assertThatThrownBy(() -> charts.saveDraft(draft.visit(), ChartDraft.of(draft).withPoints(List.of(
                pt("g1", Region.PROCERUS, Side.MIDLINE, f.dysport, f.botoxLot, "10")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("points.g1.lot");
                    assertThat(e.fieldErrors().get("points.g1.lot")).contains("BX100A", "Botox Cosmetic 100 U");
                });
        VisitChart missing = charts.saveDraft(draft.visit(), ChartDraft.of(draft).withPoints(List.of(
                pt("g2", Region.CORRUGATOR, Side.LEFT, f.dysport, (Long) null, "10"))));
        assertThatThrownBy(() -> charts.sign(missing.visit().id(), missing.visit().version(), PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("points.g2.lot"));

        VisitChart withLot = charts.saveDraft(missing.visit(), ChartDraft.of(missing).withPoints(f.glabella()));
        f.clinic.signIn("admin");
        f.clinic.services.inventory().markRecalled(f.dysportLot.id(), "Supplier notice 42");
        f.clinic.signIn("injector");
        assertThatThrownBy(() -> charts.sign(withLot.visit().id(), withLot.visit().version(), PASSWORD))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Lot DY301A of Dysport 300 U was recalled on 24 Nov 2026 by Alex Admin: Supplier notice 42.");
        assertThat(reload(draft.visit().id()).visit().status()).isEqualTo(VisitStatus.DRAFT);
    }

    @Test
    void onlyTheVisitsInjectorSignsIt() {
        VisitChart draft = f.drafted(f.glabella());
        f.clinic.signIn("admin");

        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Ivy Injector");
        assertThat(reload(draft.visit().id())).isEqualTo(draft);
    }

    @Test
    void aStaleVersionIsNotSigned() {
        VisitChart draft = f.drafted(f.glabella());
        charts.saveDraft(draft.visit(), ChartDraft.of(draft).withNotes("changed"));

        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void endOfDaySigningSignsAllOrNothing() {
        VisitChart a = f.drafted(f.glabella());
        Patient bea = f.unconsented("Bea", "Jones");
        VisitChart bStarted = charts.startVisit(bea.id());
        VisitChart b = charts.saveDraft(bStarted.visit(), f.ready(bStarted, f.glabella()));

        assertThatThrownBy(() -> charts.signDrafts(List.of(a.visit(), b.visit()), PASSWORD))
                .isInstanceOf(ValidationException.class).hasMessageContaining("No valid consent on file");
        assertThat(reload(a.visit().id()).visit().signed()).isFalse();

        f.consent(bea, ConsentKind.TOXIN);
        List<VisitChart> signed = charts.signDrafts(List.of(a.visit(), b.visit()), PASSWORD);
        assertThat(signed).allSatisfy(c -> assertThat(c.visit().signed()).isTrue());
        assertThat(AuditLog.withAction(f.clinic.db, Audit.SIGN)).hasSize(2);
    }

    // -------------------------------------------------------------------------------- addenda

    @Test
    void anAddendumKeepsTheOriginalAndIsStampedWithAuthorAndTime() {
        VisitChart signed = f.signed(f.glabella());
        f.clinic.clock.advance(Duration.ofDays(14));
        f.clinic.signIn("admin");
        User admin = f.clinic.services.session().require();
        InjectionPoint touchUp = pt("t1", Region.CORRUGATOR, Side.LEFT, f.dysport, f.dysportLot, "5");

        VisitChart amended = charts.addAddendum(signed.visit().id(), "Two-week review: residual movement of the left"
                + " corrugator; 5 U added.", List.of(touchUp));

        assertThat(amended.visit()).isEqualTo(signed.visit());
        assertThat(amended.points()).isEqualTo(signed.points());
        assertThat(amended.addenda()).singleElement().satisfies(a -> {
            assertThat(a.authorId()).isEqualTo(admin.id());
            assertThat(a.authorName()).isEqualTo("Alex Admin");
            assertThat(a.createdAt()).isEqualTo(f.clinic.clock.instant());
            assertThat(a.text()).startsWith("Two-week review");
            assertThat(a.points()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("t1");
                assertThat(p.addendumId()).isEqualTo(a.id());
            });
        });
        assertThat(amended.allPoints()).hasSize(6);
        assertThat(ChartRules.totals(amended.allPoints(), charts.catalog()).product(f.dysport.id()).orElseThrow().amount())
                .isEqualTo(new BigDecimal("55"));
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.ADDENDUM);
            assertThat(e.userId()).isEqualTo(admin.id());
            assertThat(e.summary()).contains("Two-week review", "1 point");
        });

        VisitChart textOnly = charts.addAddendum(signed.visit().id(), "Patient phoned: mild bruising, resolving.", null);
        assertThat(textOnly.addenda()).hasSize(2);
        assertThat(textOnly.points()).isEqualTo(signed.points());
    }

    @Test
    void anAddendumNeedsASignedVisitSomethingToSayAndGoodLots() {
        VisitChart draft = f.drafted(f.glabella());
        assertThatThrownBy(() -> charts.addAddendum(draft.visit().id(), "too early", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not signed yet");

        VisitChart signed = charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD);
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), "  ", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("text"));
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), null,
                List.of(pt("x", Region.CORRUGATOR, Side.LEFT, f.dysport, (Long) null, "5"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("points.x.lot"));
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), null,
                List.of(pt("g1", Region.CORRUGATOR, Side.LEFT, f.dysport, f.dysportLot, "5"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("points.g1.key"));
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), null,
                List.of(pt("s", Region.FOREHEAD, Side.LEFT, f.sculptra, f.sculptraLot, "1"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("offLabelConsent"));
        assertThat(reload(signed.visit().id())).isEqualTo(signed);
    }

    @Test
    void theDatabaseItselfRefusesToChangeASignedChart() {
        VisitChart signed = charts.addAddendum(f.signed(f.glabella()).visit().id(), "note", null);
        long id = signed.visit().id();
        List<String> attempts = List.of(
                "UPDATE injection_point SET amount = 20 WHERE visit_id = " + id,
                "DELETE FROM injection_point WHERE visit_id = " + id,
                "INSERT INTO injection_point (visit_id, point_key, seq, diagram_view, x, y, region, side, product_id,"
                        + " amount, amount_unit) VALUES (" + id + ", 'sneaky', 99, 'FACE_FRONT', 0.5, 0.5, 'PROCERUS',"
                        + " 'MIDLINE', " + f.dysport.id() + ", 10, 'U')",
                "UPDATE visit SET clinical_notes = 'rewritten' WHERE id = " + id,
                "UPDATE visit SET status = 'DRAFT', signed_at = NULL, signed_by = NULL WHERE id = " + id,
                "DELETE FROM visit WHERE id = " + id,
                "UPDATE visit_screening SET answer = 'YES' WHERE visit_id = " + id,
                "DELETE FROM visit_screening WHERE visit_id = " + id,
                "UPDATE addendum SET note_text = 'rewritten' WHERE visit_id = " + id,
                "DELETE FROM addendum WHERE visit_id = " + id);
        for (String sql : attempts) {
            assertThatThrownBy(() -> f.clinic.db.tx(c -> c.createStatement().executeUpdate(sql)))
                    .as(sql).isInstanceOf(StoreException.class).hasMessageContaining("Refused on");
        }
        assertThat(reload(id)).isEqualTo(signed);

        VisitChart draft = charts.startVisit(f.patientWith(null, null, null, Pregnancy.NO).id());
        assertThatThrownBy(() -> f.clinic.db.tx(c -> c.createStatement().executeUpdate(
                "INSERT INTO addendum (visit_id, author_id, created_at, note_text) VALUES (" + draft.visit().id()
                        + ", " + draft.visit().injectorId() + ", CURRENT_TIMESTAMP, 'x')")))
                .isInstanceOf(StoreException.class).hasMessageContaining("only be added to a signed visit");
        int changed = f.clinic.db.tx(c -> c.createStatement().executeUpdate(
                "UPDATE visit SET clinical_notes = 'drafts may change' WHERE id = " + draft.visit().id()));
        assertThat(changed).isEqualTo(1);
    }

    // -------------------------------------------------------------------------- permissions

    @Test
    void theFrontDeskCannotChart() {
        VisitChart signed = f.signed(List.of(pt("p", Region.PROCERUS, Side.MIDLINE, f.dysport, f.dysportLot, "10")));
        VisitChart draft = f.drafted(f.glabella());
        assertThat(draft.visit().id()).isNotEqualTo(signed.visit().id());
        f.clinic.signIn("desk");
        int rows = auditRows();

        assertThatThrownBy(() -> charts.startVisit(f.patient.id())).isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Front desk accounts cannot chart visits.");
        assertThatThrownBy(() -> charts.saveDraft(draft.visit(), ChartDraft.of(draft).withNotes("x")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> charts.sign(draft.visit().id(), draft.visit().version(), PASSWORD))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> charts.addAddendum(signed.visit().id(), "x", null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> charts.saveAsPattern("Mine", f.glabella())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> charts.lotForCode(new Gs1Code("02099990003007", null, "DY301A", null, null), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> charts.openVisit(draft.visit().id())).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("still being charted");
        assertThat(auditRows()).isEqualTo(rows);
        assertThat(reload(draft.visit().id())).isEqualTo(draft);
    }

    @Test
    void theFrontDeskSeesTheTimelineAndSignedMapsWithoutClinicalNotes() {
        VisitChart signed = f.signed(f.glabella());
        charts.addAddendum(signed.visit().id(), "Phoned: mild bruising.", null);
        f.clinic.signIn("desk");
        User desk = f.clinic.services.session().require();

        assertThat(charts.history(f.patient.id())).singleElement().satisfies(s -> {
            assertThat(s.productSummary()).isEqualTo("Dysport 300 U 50 U");
            assertThat(s.regions()).containsExactlyInAnyOrder(Region.PROCERUS, Region.CORRUGATOR);
        });
        VisitChart seen = charts.openVisit(signed.visit().id());

        assertThat(seen.redacted()).isTrue();
        assertThat(seen.readOnly()).isTrue();
        assertThat(seen.points()).isEqualTo(signed.points());
        assertThat(seen.visit().notes()).isNull();
        assertThat(seen.screening()).isEmpty();
        assertThat(seen.addenda()).singleElement().satisfies(a -> assertThat(a.text()).isNull());
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.userId()).isEqualTo(desk.id());
            assertThat(e.recordId()).isEqualTo(signed.visit().id());
            assertThat(e.patientId()).isEqualTo(f.patient.id());
        });
    }

    @Test
    void openingAVisitIsAudited() {
        VisitChart signed = f.signed(f.glabella());
        f.clinic.signIn("admin");

        VisitChart opened = charts.openVisit(signed.visit().id());

        assertThat(opened).isEqualTo(signed);
        assertThat(opened.redacted()).isFalse();
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.recordType()).isEqualTo("visit");
            assertThat(e.summary()).contains("signed visit of 09:00 on 21 Nov 2026");
        });
        assertThat(AuditLog.entries(f.clinic.db)).extracting(AuditEntry::action)
                .contains(Audit.CREATE, Audit.UPDATE, Audit.SIGN, Audit.VIEW);
    }

    @Test
    void theChartScreenOpensAVisitWithItsPatientsHeaderInOneAuditedOpening() {
        VisitChart signed = f.signed(f.glabella());
        int rows = auditRows();

        ChartService.OpenedChart opened = charts.openChart(f.patient.id(), signed.visit().id());

        assertThat(opened.chart()).isEqualTo(signed);
        assertThat(opened.patient().chartNumber()).isEqualTo(f.patient.chartNumber());
        assertThat(opened.patient().details().displayName()).isEqualTo(f.patient.details().displayName());
        assertThat(AuditLog.entries(f.clinic.db)).hasSize(rows + 1);
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.recordType()).as("the visit's opening, not a second record opening").isEqualTo("visit");
        });
        Patient other = f.patientWith(null, null, null, Pregnancy.NO);
        assertThatThrownBy(() -> charts.openChart(other.id(), signed.visit().id()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another patient");

        VisitChart started = charts.openChart(other.id(), null).chart();
        assertThat(started.visit().patientId()).isEqualTo(other.id());
        assertThat(AuditLog.last(f.clinic.db).action()).isEqualTo(Audit.CREATE);

        int before = auditRows();
        assertThat(charts.patientOfVisit(signed.visit().id()).id()).isEqualTo(f.patient.id());
        assertThat(auditRows()).as("the side-effect form audits its own opening of the visit").isEqualTo(before);
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> charts.patientOfVisit(started.visit().id())).isInstanceOf(PermissionDeniedException.class);
        assertThat(charts.patientOfVisit(signed.visit().id()).id()).isEqualTo(f.patient.id());
    }

    // ----------------------------------------------------------------------- history, copy

    @Test
    void historyIsNewestFirstWithCountsAndProducts() {
        VisitChart first = f.signed(f.glabella());
        f.clinic.clock.advance(Duration.ofDays(100));
        charts.addAddendum(first.visit().id(), null, List.of(pt("late", Region.CORRUGATOR, Side.LEFT, f.dysport,
                f.dysportLot, "5")));
        VisitChart second = f.drafted(List.of(pt("s1", Region.TEMPLE, Side.LEFT, f.sculptra, f.sculptraLot, "1.5"),
                pt("s2", Region.TEMPLE, Side.RIGHT, f.sculptra, f.sculptraLot, "1.5")));

        List<VisitSummary> h = charts.history(f.patient.id());

        assertThat(h).extracting(VisitSummary::id).containsExactly(second.visit().id(), first.visit().id());
        assertThat(h.get(0).status()).isEqualTo(VisitStatus.DRAFT);
        assertThat(h.get(0).productSummary()).isEqualTo("Sculptra 3 mL");
        assertThat(h.get(1).status()).isEqualTo(VisitStatus.SIGNED);
        assertThat(h.get(1).points()).isEqualTo(6);
        assertThat(h.get(1).addenda()).isEqualTo(1);
        assertThat(h.get(1).products()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualTo(new BigDecimal("55")));
        assertThat(h.get(1).injectorName()).isEqualTo("NP Ivy Injector");
        assertThat(charts.history(f.patientWith(null, null, null, Pregnancy.NO).id())).isEmpty();
    }

    @Test
    void copyLastVisitBringsThePreviousMapWithoutLots() {
        assertThat(charts.lastVisitPoints(f.patient.id())).isEmpty();
        VisitChart first = f.signed(f.glabella());
        f.clinic.clock.advance(Duration.ofDays(95));
        f.drafted(List.of(pt("unsigned", Region.FRONTALIS, Side.LEFT, f.dysport, f.dysportLot, "5")));

        List<InjectionPoint> copy = charts.lastVisitPoints(f.patient.id());

        assertThat(copy).hasSize(5);
        for (int i = 0; i < 5; i++) {
            InjectionPoint was = first.points().get(i);
            InjectionPoint now = copy.get(i);
            assertThat(now.key()).isNotEqualTo(was.key());
            assertThat(now.lotId()).isNull();
            assertThat(now.addendumId()).isNull();
            assertThat(now).isEqualTo(was.withKey(now.key()).withLot(null));
        }
    }

    // ------------------------------------------------------------------------------ patterns

    @Test
    void aPatternAppliesAndTheInjectorSavesTheirOwn() {
        ChartPattern glabellar = charts.patterns().stream().filter(p -> p.name().startsWith("Dysport glabellar"))
                .findFirst().orElseThrow();
        List<InjectionPoint> applied = charts.applyPattern(glabellar.id(), f.dysport.id(), f.dysportLot.id());
        assertThat(applied).hasSize(5).allSatisfy(p -> assertThat(p.lotId()).isEqualTo(f.dysportLot.id()));
        assertThat(applied).extracting(InjectionPoint::key).doesNotHaveDuplicates();
        VisitChart signed = f.signed(applied);
        assertThat(signed.points()).isEqualTo(applied);

        List<InjectionPoint> mine = new ArrayList<>(applied);
        mine.add(pt("extra", Region.DEPRESSOR_SUPERCILII, Side.LEFT, f.dysport, f.dysportLot, "5"));
        ChartPattern saved = charts.saveAsPattern("My glabella + 1", mine);

        assertThat(saved.builtIn()).isFalse();
        assertThat(saved.brand()).isEqualTo("Dysport");
        assertThat(saved.points()).hasSize(6);
        assertThat(saved.total()).isEqualByComparingTo("55");
        assertThat(charts.patterns()).extracting(ChartPattern::name).contains("My glabella + 1");
        assertThat(charts.applyPattern(saved.id(), f.dysport.id(), null)).extracting(InjectionPoint::x)
                .isEqualTo(mine.stream().map(InjectionPoint::x).toList());
        assertThat(AuditLog.last(f.clinic.db).recordType()).isEqualTo("chart_pattern");

        assertThatThrownBy(() -> charts.saveAsPattern("my GLABELLA + 1", mine))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        List<InjectionPoint> mixed = List.of(mine.get(0), pt("b", Region.FRONTALIS, Side.LEFT, f.botox, f.botoxLot, "4"));
        assertThatThrownBy(() -> charts.saveAsPattern("Mixed", mixed))
                .isInstanceOf(ValidationException.class).hasMessageContaining("one product");
        assertThatThrownBy(() -> charts.applyPattern(saved.id(), f.botox.id(), null))
                .isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------------------- lots, check

    @Test
    void checkCountsTheChartRecordsAndFindsNothingWrong() {
        VisitChart signed = f.signed(f.glabella());
        charts.addAddendum(signed.visit().id(), "note", null);
        f.drafted(List.of(pt("x", Region.FRONTALIS, Side.LEFT, f.dysport, f.dysportLot, "5")));
        ChartStore store = new ChartStore();

        assertThat(f.clinic.db.read(store::counts)).containsExactly(
                org.assertj.core.api.Assertions.entry("visits", 2L),
                org.assertj.core.api.Assertions.entry("injection points", 6L),
                org.assertj.core.api.Assertions.entry("addenda", 1L));
        assertThat(f.clinic.db.read(store::problems)).isEmpty();
        assertThat(f.clinic.services.checks()).hasAtLeastOneElementOfType(ChartStore.class);

        f.clinic.db.tx(c -> c.createStatement().execute("DROP TRIGGER addendum_guard"));
        assertThat(f.clinic.db.read(store::problems)).containsExactly(
                "charts: the guards that keep signed charts unchanged are missing");
    }
}
