package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.inventory.InventoryFixture.code;
import static org.needlepoint.inventory.InventoryFixture.pt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.testing.AuditLog;

/** Reconstituted vials, lot states, and the hard stops at the chair. */
class ChairTest {
    @TempDir
    Path dir;
    InventoryFixture f;
    InventoryService inventory;

    @BeforeEach
    void setUp() {
        f = new InventoryFixture(dir);
        inventory = f.inventory;
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    // ---------------------------------------------------------------------------------- vials

    @Test
    void openingAVialRecordsItsReconstitutionAndConcentration() {
        Lot lot = f.receive(f.dysport, "DY1", 10);
        Vial v = inventory.openVial(lot.id(), null, new BigDecimal("1.5"));

        assertThat(v.diluent()).as("the product's default").isEqualTo("0.9% sodium chloride, preservative-free");
        assertThat(v.concentration().text()).isEqualTo("20 U per 0.1 mL");
        assertThat(v.openedAt()).isEqualTo(f.clinic.clock.instant());
        assertThat(v.openedBy()).isEqualTo("Ivy Injector");
        assertThat(v.usableUntil()).as("Dysport: 4 h").isEqualTo(f.clinic.clock.instant().plus(Duration.ofHours(4)));
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("opened a vial of Dysport 300 U lot DY1",
                "1.5 mL", "= 20 U per 0.1 mL");

        Lot botox = f.receive(f.botox, "BX1", 2);
        assertThat(inventory.openVial(botox.id(), "Saline", new BigDecimal("2.5")).concentration().text())
                .isEqualTo("4 U per 0.1 mL");
        Lot plla = f.receive(f.sculptra, "SC1", 2);
        Vial sculptra = inventory.openVial(plla.id(), "Sterile water", new BigDecimal("8"));
        assertThat(sculptra.concentration().text()).isEqualTo("18.75 mg per mL");
        assertThat(sculptra.usableUntil()).isEqualTo(f.clinic.clock.instant().plus(Duration.ofHours(72)));
        assertThat(inventory.openVials(f.dysport.id())).extracting(Vial::id).containsExactly(v.id());
        assertThat(inventory.openVials(null)).hasSize(3);
        assertThat(inventory.lot(lot.id()).onHand()).as("opening deducts nothing yet").isEqualTo(10);
    }

    @Test
    void vialsAreRefusedForSyringesUnusableLotsBadVolumesAndTheFrontDesk() {
        Lot filler = f.receive(f.filler, "HA1", 2);
        Lot lot = f.receive(f.dysport, "DY1", 2);
        assertThatThrownBy(() -> inventory.openVial(filler.id(), null, BigDecimal.ONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nothing to reconstitute");
        for (String ml : List.of("0", "-1", "20.5", "2.555")) {
            assertThatThrownBy(() -> inventory.openVial(lot.id(), null, new BigDecimal(ml))).as(ml)
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.fieldErrors()).containsOnlyKeys("volumeMl"));
        }
        inventory.quarantine(lot.id(), "Fridge alarm overnight");
        assertThatThrownBy(() -> inventory.openVial(lot.id(), null, BigDecimal.ONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("was quarantined on 21 Nov 2026");

        f.clinic.signIn("desk");
        assertThatThrownBy(() -> inventory.openVial(lot.id(), null, BigDecimal.ONE))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Front desk accounts cannot open vials.");
        assertThatThrownBy(() -> inventory.quarantine(lot.id(), "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> inventory.release(lot.id(), "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> inventory.markRecalled(lot.id(), "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> inventory.updateProduct(f.dysport)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> inventory.discardVial(1, "x")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aVialPastItsUsableHoursIsRefusedAtTheChartUntilAnAuditedOverride() {
        Lot lot = f.receive(f.dysport, "DY1", 10);
        Vial vial = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));
        VisitChart draft = f.drafted(f.ann, f.glabella(lot, vial).subList(0, 2));
        f.clinic.clock.advance(Duration.ofHours(4).plusMinutes(1));
        assertThat(inventory.vial(vial.id()).state(f.clinic.clock.instant()))
                .isEqualTo(VialState.EXPIRED_AFTER_RECONSTITUTION);

        // points already charted from it stay; a new one is refused
        VisitChart kept = f.charts.saveDraft(draft.visit(), ChartDraft.of(draft).withNotes("Still fine"));
        assertThat(kept.points()).hasSize(2);
        List<org.needlepoint.chart.InjectionPoint> more = f.glabella(lot, vial);
        assertThatThrownBy(() -> f.charts.saveDraft(kept.visit(), ChartDraft.of(kept).withPoints(more)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("points.g3.vial", "points.g4.vial", "points.g5.vial");
                    assertThat(e.fieldErrors().get("points.g3.vial")).contains("reconstituted 4 h 1 min ago",
                            "usable hours are over", "override");
                });
        assertThat(f.charts.catalog().usableVials(f.dysport.id(), f.clinic.clock.instant())).isEmpty();

        assertThatThrownBy(() -> inventory.overrideVialExpiry(vial.id(), kept.visit().id(), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> inventory.overrideVialExpiry(vial.id(), kept.visit().id(), "ok"))
                .isInstanceOf(PermissionDeniedException.class);
        f.clinic.signIn("injector");
        inventory.overrideVialExpiry(vial.id(), kept.visit().id(), "Kept at 4 °C; within the clinic's 6 h practice");
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.UPDATE);
            assertThat(e.recordType()).isEqualTo("vial");
            assertThat(e.patientId()).isEqualTo(f.ann.id());
            assertThat(e.summary()).contains("past its usable hours", "Kept at 4 °C");
        });
        assertThatThrownBy(() -> inventory.overrideVialExpiry(vial.id(), kept.visit().id(), "again"))
                .isInstanceOfSatisfying(VialOverrideExistsException.class, e -> {
                    assertThat(e.vialId()).isEqualTo(vial.id());
                    assertThat(e.visitId()).isEqualTo(kept.visit().id());
                }).hasMessageContaining("already recorded");

        VisitChart overridden = f.charts.saveDraft(kept.visit(), ChartDraft.of(kept).withPoints(more));
        assertThat(overridden.points()).hasSize(5).allSatisfy(p -> assertThat(p.vialId()).isEqualTo(vial.id()));
        // the override is for this visit only
        VisitChart other = f.charts.startVisit(f.bea.id());
        assertThatThrownBy(() -> f.charts.saveDraft(other.visit(), ChartDraft.of(other).withPoints(more)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("usable hours are over");
    }

    @Test
    void aDiscardedVialLeavesAsWasteOnlyWhenNothingWasChartedFromItAndIsNotChartedFromAgain() {
        Lot lot = f.receive(f.dysport, "DY1", 10);
        Vial unused = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));
        assertThatThrownBy(() -> inventory.discardVial(unused.id(), null)).isInstanceOf(ValidationException.class);
        Vial discarded = inventory.discardVial(unused.id(), "Patient cancelled");
        assertThat(discarded.state(f.clinic.clock.instant())).isEqualTo(VialState.DISCARDED);
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(9);
        assertThat(inventory.ledger(lot.id())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerKind.WASTED);
            assertThat(e.vialId()).isEqualTo(unused.id());
        });
        assertThatThrownBy(() -> f.drafted(f.ann, f.glabella(lot, discarded)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("was discarded (Patient cancelled)");

        Vial used = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));
        VisitChart draft = f.drafted(f.ann, f.glabella(lot, used));
        inventory.discardVial(used.id(), "End of day");
        assertThat(inventory.lot(lot.id()).onHand()).as("charted from: it leaves when signed").isEqualTo(9);
        f.charts.sign(draft.visit().id(), draft.visit().version(), InventoryFixture.PASSWORD);
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(8);
        assertThat(inventory.openVials(null)).isEmpty();
    }

    @Test
    void aPointsVialMustBeOfItsLot() {
        Lot a = f.receive(f.dysport, "DY1", 10);
        Lot b = f.receive(f.dysport, "DY2", 10);
        Vial ofB = inventory.openVial(b.id(), null, new BigDecimal("2.5"));
        assertThatThrownBy(() -> f.drafted(f.ann, List.of(pt("g1", Region.PROCERUS, Side.MIDLINE, f.dysport, a, ofB, "10"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("points.g1.vial");
                    assertThat(e.getMessage()).contains("of Dysport 300 U lot DY2: the point's lot must be the vial's");
                });
    }

    // ----------------------------------------------------------------------------- lot states

    @Test
    void quarantineReleaseAndRecallAreAuditedWithReasonsAndRecallIsFinal() {
        Lot lot = f.receive(f.dysport, "DY1", 10);
        assertThatThrownBy(() -> inventory.quarantine(lot.id(), "")).isInstanceOf(ValidationException.class);
        Lot q = inventory.quarantine(lot.id(), "Fridge alarm overnight");
        assertThat(q.status()).isEqualTo(LotStatus.QUARANTINED);
        assertThat(q.statusReason()).isEqualTo("Fridge alarm overnight");
        assertThat(q.statusBy()).isEqualTo("Ivy Injector");
        assertThat(q.statusOn()).isEqualTo(f.today());
        assertThat(AuditLog.last(f.clinic.db).summary()).isEqualTo("quarantined lot DY1 of Dysport 300 U: Fridge alarm overnight");
        assertThatThrownBy(() -> inventory.quarantine(lot.id(), "again")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already quarantined");
        assertThat(inventory.release(lot.id(), "Temperature log fine").state(f.today())).isEqualTo(LotState.ACTIVE);

        f.clinic.signIn("admin");
        RecallResult r = inventory.markRecalled(lot.id(), "Supplier notice 42");
        assertThat(r.lot().state(f.today())).isEqualTo(LotState.RECALLED);
        assertThatThrownBy(() -> inventory.release(lot.id(), "mistake")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("A recall is final");
        assertThatThrownBy(() -> inventory.quarantine(lot.id(), "x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> inventory.markRecalled(lot.id(), "again")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("was recalled on 21 Nov 2026 by Alex Admin: Supplier notice 42.");
    }

    @Test
    void effectiveStatesExpiredAndDepleted() {
        Lot lot = f.inventory.receive(ReceiptDraft.of(code(f.dysport, "DY1", f.today().plusDays(1), null), f.today())).lot();
        assertThat(lot.state(f.today())).isEqualTo(LotState.ACTIVE);
        assertThat(lot.state(f.today().plusDays(1))).as("good through its expiry date").isEqualTo(LotState.ACTIVE);
        assertThat(lot.state(f.today().plusDays(2))).isEqualTo(LotState.EXPIRED);
        Vial v = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));
        f.signed(f.ann, f.glabella(lot, v));
        VisitChart second = f.drafted(f.bea, f.glabella(lot, v));
        Lot used = inventory.lot(lot.id());
        assertThat(used.onHand()).isZero();
        assertThat(used.state(f.today())).as("an open usable vial keeps it in use").isEqualTo(LotState.ACTIVE);
        assertThat(f.charts.usableLots(f.dysport.id())).extracting(Lot::id).containsExactly(lot.id());
        f.clinic.clock.advance(Duration.ofHours(5));
        assertThat(inventory.lot(lot.id()).state(f.today())).isEqualTo(LotState.DEPLETED);
        assertThat(f.charts.usableLots(f.dysport.id())).isEmpty();
        assertThat(org.needlepoint.chart.ChartRules.warnings(second.points(), f.charts.catalog(), f.today(), false))
                .extracting(org.needlepoint.chart.ChartWarning::code).contains(
                        org.needlepoint.chart.ChartWarning.LOT_NEEDS_COUNT);
        assertThat(f.charts.sign(second.visit().id(), second.visit().version(), InventoryFixture.PASSWORD).visit()
                .signed()).as("a depleted lot warns but does not stop the signature").isTrue();
        assertThat(inventory.lot(lot.id()).onHand()).as("the shared vial was deducted once").isZero();
    }

    // --------------------------------------------------------------------------- at the chair

    @Test
    void aScannedPackResolvesToItsLotOrIsRefusedWithItsReason() {
        Lot lot = f.receive(f.dysport, "DY301A", 10);
        Lot other = f.receive(f.botox, "BX1", 10);
        Gs1Code pack = code(f.dysport, "DY301A", lot.expiry(), "S1");

        assertThat(f.charts.lotForCode(pack, null).id()).isEqualTo(lot.id());
        assertThat(f.charts.lotForCode(pack, f.dysport.id()).id()).isEqualTo(lot.id());
        refused(pack, f.botox.id(), "This pack is Dysport 300 U, not Botox Cosmetic 100 U.");
        refused(code(f.dysport, "NOPE", lot.expiry(), null), null, "Lot NOPE of Dysport 300 U is not in the clinic's stock");
        refused(code(f.dysport, null, null, null), null, "carries no lot number");
        refused(new Gs1Code(Gtin.withCheckDigit("0950600013435"), null, "X", null, null), null, "belongs to no product");
        refused(code(f.dysport, "DY301A", lot.expiry().plusDays(1), null), null, "is on record with");
        assertThat(other.id()).isNotEqualTo(lot.id());

        inventory.quarantine(lot.id(), "Fridge alarm");
        refused(pack, null, "Lot DY301A of Dysport 300 U was quarantined on 21 Nov 2026 by Ivy Injector: Fridge alarm."
                + " Do not use it.");
        inventory.release(lot.id(), "Checked");
        f.clinic.signIn("admin");
        f.clinic.clock.advance(Duration.ofDays(3));
        inventory.markRecalled(lot.id(), "Supplier notice 42");
        f.clinic.signIn("injector");
        refused(pack, null, "Lot DY301A of Dysport 300 U was recalled on 24 Nov 2026 by Alex Admin: Supplier notice 42."
                + " Do not use it.");

        Lot soon = f.inventory.receive(ReceiptDraft.of(code(f.botox, "BX2", f.today(), null), f.today())).lot();
        f.clinic.clock.advance(Duration.ofDays(1));
        refused(code(f.botox, "BX2", soon.expiry(), null), null, "Lot BX2 of Botox Cosmetic 100 U expired on 24 Nov 2026.");
    }

    private void refused(Gs1Code code, Long productId, String message) {
        assertThatThrownBy(() -> f.charts.lotForCode(code, productId))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("code");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void anExpiredRecalledOrQuarantinedLotStopsSavingAndSigningWithItsReason() {
        Lot lot = f.receive(f.dysport, "DY301A", 10);
        VisitChart before = f.drafted(f.ann, f.glabella(lot, null));
        inventory.quarantine(lot.id(), "Fridge alarm");
        long points = f.count("SELECT COUNT(*) FROM injection_point");

        assertThatThrownBy(() -> f.charts.sign(before.visit().id(), before.visit().version(), InventoryFixture.PASSWORD))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsKeys("points.g1.lot");
                    assertThat(e.fieldErrors().get("points.g1.lot")).isEqualTo("Procerus: Lot DY301A of Dysport 300 U"
                            + " was quarantined on 21 Nov 2026 by Ivy Injector: Fridge alarm. Do not use it.");
                });
        assertThatThrownBy(() -> f.drafted(f.bea, f.glabella(lot, null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("was quarantined");
        assertThat(f.count("SELECT COUNT(*) FROM injection_point")).as("nothing charted").isEqualTo(points);
        assertThat(f.count("SELECT COUNT(*) FROM stock_ledger WHERE kind = 'USED'")).isZero();

        inventory.release(lot.id(), "Log checked");
        f.clinic.signIn("admin");
        inventory.markRecalled(lot.id(), "Supplier notice 42");
        f.clinic.signIn("injector");
        assertThatThrownBy(() -> f.charts.saveDraft(before.visit(), ChartDraft.of(before).withNotes("more")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("was recalled on 21 Nov 2026 by Alex Admin: Supplier notice 42.");
        assertThatThrownBy(() -> f.charts.addAddendum(f.signed(f.ann, List.of(pt("x", Region.PROCERUS, Side.MIDLINE,
                f.dysport, f.receive(f.dysport, "DY2", 2), null, "10"))).visit().id(), null, f.glabella(lot, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("was recalled");
    }
}
