package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.inventory.InventoryFixture.pt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StoreException;
import org.needlepoint.testing.AuditLog;

/** The stock ledger: arithmetic, refusals below zero, append-only, and what signing deducts. */
class StockTest {
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

    @Test
    void receivedWastedAndCountedAddUpAndNothingGoesBelowZeroSilently() {
        Lot lot = f.receive(f.dysport, "DY1", 5);
        f.clinic.signIn("desk");

        assertThat(inventory.recordWaste(lot.id(), 2, "Vial cracked in delivery").onHand()).isEqualTo(3);
        assertThatThrownBy(() -> inventory.recordWaste(lot.id(), 4, "Dropped"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("packs");
                    assertThat(e.getMessage()).contains("shows 3 vials on hand, so 4 vials cannot be wasted");
                });
        assertThatThrownBy(() -> inventory.recordWaste(lot.id(), 1, "  ")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> inventory.recordWaste(lot.id(), 0, "none")).isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> inventory.countStock(lot.id(), 5, null)).as("a difference needs a reason")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> inventory.countStock(lot.id(), -1, "x")).isInstanceOf(ValidationException.class);
        assertThat(inventory.countStock(lot.id(), 5, "Two vials found behind the fridge door").onHand()).isEqualTo(5);
        int entries = inventory.ledger(lot.id()).size();
        assertThat(inventory.countStock(lot.id(), 5, null).onHand()).as("a matching count").isEqualTo(5);
        assertThat(inventory.ledger(lot.id())).as("writes no entry").hasSize(entries);
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("counted 5 vials", "matches the books");
        assertThat(inventory.countStock(lot.id(), 0, "Monthly count: none left").onHand()).isZero();

        assertThat(inventory.ledger(lot.id())).extracting(LedgerEntry::kind, LedgerEntry::quantity, LedgerEntry::counted,
                LedgerEntry::balance).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LedgerKind.RECEIVED, 5, null, 5),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.WASTED, -2, null, 3),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.ADJUSTED, 2, 5, 5),
                org.assertj.core.groups.Tuple.tuple(LedgerKind.ADJUSTED, -5, 0, 0));
        assertThat(inventory.ledger(lot.id()).get(1).reason()).isEqualTo("Vial cracked in delivery");
        assertThat(inventory.ledger(lot.id()).get(1).byName()).isEqualTo("Dana Desk");
        assertThat(inventory.lot(lot.id()).state(f.today())).isEqualTo(LotState.DEPLETED);
        assertThat(inventory.lot(lot.id()).needsCount()).isFalse();
    }

    @Test
    void theLedgerAndReceiptsAreAppendOnlyEvenForRawSql() {
        f.receive(f.dysport, "DY1", 5);
        for (String sql : List.of("UPDATE stock_ledger SET quantity = 50", "DELETE FROM stock_ledger",
                "UPDATE receipt SET quantity = 50", "DELETE FROM receipt")) {
            assertThatThrownBy(() -> f.clinic.db.tx(c -> c.createStatement().executeUpdate(sql))).as(sql)
                    .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        }
        assertThat(f.count("SELECT SUM(quantity) FROM stock_ledger")).isEqualTo(5);
        assertThat(f.clinic.db.read(new InventoryStore()::problems)).isEmpty();
        f.clinic.db.tx(c -> c.createStatement().execute("DROP TRIGGER stock_ledger_no_delete"));
        assertThat(f.clinic.db.read(new InventoryStore()::problems))
                .containsExactly("stock: the append-only guards of the stock ledger and receipts are missing");
    }

    @Test
    void aVialSharedByTwoPatientsIsDeductedOnceRecordingTheFirstVisit() {
        Lot lot = f.receive(f.dysport, "DY1", 10);
        Vial vial = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));

        VisitChart first = f.signed(f.ann, f.glabella(lot, vial));
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(9);
        assertThat(inventory.vial(vial.id()).firstUsedVisitId()).isEqualTo(first.visit().id());

        f.signed(f.bea, f.glabella(lot, vial));
        assertThat(inventory.lot(lot.id()).onHand()).as("the same vial is not deducted again").isEqualTo(9);
        assertThat(inventory.ledger(lot.id())).filteredOn(e -> e.kind() == LedgerKind.USED).singleElement()
                .satisfies(e -> {
                    assertThat(e.quantity()).isEqualTo(-1);
                    assertThat(e.visitId()).isEqualTo(first.visit().id());
                    assertThat(e.vialId()).isEqualTo(vial.id());
                });

        // an addendum from the same vial adds nothing; points without a vial count by amount
        f.charts.addAddendum(first.visit().id(), "Touch-up", List.of(
                pt("a1", Region.FRONTALIS, Side.LEFT, f.dysport, lot, vial, "10")));
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(9);
        f.signed(f.ann, List.of(pt("n1", Region.PROCERUS, Side.MIDLINE, f.dysport, lot, null, "40")));
        assertThat(inventory.lot(lot.id()).onHand()).as("40 U of a 300 U vial without a vial record: 1 pack")
                .isEqualTo(8);
    }

    @Test
    void syringesAreDeductedByCeilingOfTheVisitsTotalAndAddendaOnlyAddTheDifference() {
        Lot lot = f.receive(f.filler, "HA1", 6);
        List<InjectionPoint> points = List.of(
                pt("l1", Region.LIPS, Side.LEFT, f.filler, lot, null, "0.5"),
                pt("l2", Region.LIPS, Side.RIGHT, f.filler, lot, null, "0.5"),
                pt("n1", Region.NASOLABIAL_FOLD, Side.LEFT, f.filler, lot, null, "0.5"));
        VisitChart signed = f.signed(f.ann, points);
        assertThat(inventory.lot(lot.id()).onHand()).as("1.5 mL of 1 mL syringes: 2").isEqualTo(4);

        f.charts.addAddendum(signed.visit().id(), null, List.of(pt("x1", Region.CHIN, Side.MIDLINE, f.filler, lot, null,
                "0.4")));
        assertThat(inventory.lot(lot.id()).onHand()).as("1.9 mL still fits 2 syringes").isEqualTo(4);
        f.charts.addAddendum(signed.visit().id(), null, List.of(pt("x2", Region.CHIN, Side.MIDLINE, f.filler, lot, null,
                "0.2")));
        assertThat(inventory.lot(lot.id()).onHand()).as("2.1 mL: a third syringe").isEqualTo(3);
        assertThat(f.clinic.db.read(new InventoryStore()::problems)).isEmpty();
    }

    @Test
    void aSignedChartIsRecordedEvenPastZeroAndTheLotIsFlaggedForACount() {
        Lot lot = f.receive(f.botox, "BX1", 1);
        List<InjectionPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(pt("b" + i, Region.FRONTALIS, i % 2 == 0 ? Side.LEFT : Side.RIGHT, f.botox, lot, null, "15"));
        }
        VisitChart draft = f.drafted(f.ann, points);
        assertThat(f.charts.sign(draft.visit().id(), draft.visit().version(), InventoryFixture.PASSWORD).visit().signed())
                .isTrue();

        Lot after = inventory.lot(lot.id());
        assertThat(after.onHand()).as("150 U of 100 U vials: 2, one more than the books held").isEqualTo(-1);
        assertThat(after.needsCount()).isTrue();
        assertThat(after.state(f.today())).isEqualTo(LotState.DEPLETED);
        assertThat(inventory.needingCount()).extracting(Lot::id).containsExactly(lot.id());
        assertThat(f.clinic.db.read(new InventoryStore()::warnings)).containsExactly("stock: lot BX1 of Botox Cosmetic"
                + " 100 U shows -1 packs on hand (signed charts used more than the books held): count it");
        assertThat(f.charts.usableLots(f.botox.id())).isEmpty();

        f.clinic.signIn("desk");
        assertThatThrownBy(() -> inventory.recordWaste(lot.id(), 1, "x")).isInstanceOf(ValidationException.class);
        assertThat(inventory.countStock(lot.id(), 0, "Count after the chart: none left").onHand()).isZero();
        assertThat(inventory.needingCount()).isEmpty();
    }

    @Test
    void aDraftDeductsNothing() {
        Lot lot = f.receive(f.dysport, "DY1", 3);
        f.drafted(f.ann, f.glabella(lot, null));
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(3);
        assertThat(f.count("SELECT COUNT(*) FROM stock_ledger WHERE kind = 'USED'")).isZero();
    }
}
