package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.inventory.InventoryFixture.code;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.testing.AuditLog;

/** Receiving packs: from a scanned code or typed, the GTIN picking the product, and every refusal. */
class ReceivingTest {
    @TempDir
    Path dir;
    InventoryFixture f;
    InventoryService inventory;

    @BeforeEach
    void setUp() {
        f = new InventoryFixture(dir);
        inventory = f.inventory;
        f.clinic.signIn("desk"); // any staff receives
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ReceiptDraft scanned(Product p, String lot, LocalDate expiry, String serial) {
        return ReceiptDraft.of(code(p, lot, expiry, serial), f.today());
    }

    private long rows() {
        return f.count("SELECT (SELECT COUNT(*) FROM lot) + (SELECT COUNT(*) FROM receipt)"
                + " + (SELECT COUNT(*) FROM stock_ledger) + (SELECT COUNT(*) FROM audit_log)");
    }

    @Test
    void aScannedPackBecomesALotWithItsReceiptLedgerEntryAndAuditRow() {
        LocalDate expiry = LocalDate.parse("2027-08-31");
        ReceiveResult r = inventory.receive(scanned(f.dysport, "DY301A", expiry, "SN0001").withQuantity(3)
                .withDelivery("Medline", "INV-77", f.today().minusDays(1)));

        assertThat(r.newLot()).isTrue();
        assertThat(r.product().name()).isEqualTo("Dysport 300 U");
        assertThat(r.lot()).satisfies(l -> {
            assertThat(l.lotNumber()).isEqualTo("DY301A");
            assertThat(l.expiry()).isEqualTo(expiry);
            assertThat(l.onHand()).isEqualTo(3);
            assertThat(l.quantityReceived()).isEqualTo(3);
            assertThat(l.receivedOn()).isEqualTo(f.today().minusDays(1));
            assertThat(l.state(f.today())).isEqualTo(LotState.ACTIVE);
        });
        assertThat(r.receipt()).satisfies(x -> {
            assertThat(x.gtin()).isEqualTo(f.dysport.gtins().get(0));
            assertThat(x.serial()).isEqualTo("SN0001");
            assertThat(x.supplier()).isEqualTo("Medline");
            assertThat(x.invoice()).isEqualTo("INV-77");
            assertThat(x.receivedByName()).isEqualTo("Dana Desk");
        });
        assertThat(inventory.ledger(r.lot().id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerKind.RECEIVED);
            assertThat(e.quantity()).isEqualTo(3);
            assertThat(e.receiptId()).isEqualTo(r.receipt().id());
            assertThat(e.balance()).isEqualTo(3);
        });
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.CREATE);
            assertThat(e.recordType()).isEqualTo("receipt");
            assertThat(e.summary()).contains("received 3 vials of Dysport 300 U", "DY301A", "serial SN0001", "Medline");
        });
    }

    @Test
    void anUnknownGtinIsRefusedUntilLinkedToAProductThenTheSameReceiptGoesThrough() {
        String gtin = Gtin.withCheckDigit("0950600013435");
        ReceiptDraft d = ReceiptDraft.of(new Gs1Code(gtin, f.today().plusYears(1), "NEW1", null, null), f.today());
        long before = rows();

        assertThatThrownBy(() -> inventory.receive(d)).isInstanceOfSatisfying(UnknownGtinException.class, e -> {
            assertThat(e.gtin()).isEqualTo(gtin);
            assertThat(e.fieldErrors()).containsOnlyKeys("gtin");
        });
        assertThat(rows()).as("nothing saved").isEqualTo(before);
        assertThatThrownBy(() -> inventory.linkGtin(gtin, f.botox.id())).as("the desk cannot link")
                .isInstanceOf(PermissionDeniedException.class);

        f.clinic.signIn("injector");
        Product linked = inventory.linkGtin(gtin, f.botox.id());
        assertThat(linked.gtins()).contains(gtin);
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("linked the GTIN " + gtin + " to Botox Cosmetic 100 U");
        assertThatThrownBy(() -> inventory.linkGtin(gtin, f.dysport.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("belongs to Botox Cosmetic 100 U");

        ReceiveResult r = inventory.receive(d);
        assertThat(r.product().id()).isEqualTo(f.botox.id());
        assertThat(inventory.productForGtin(gtin)).map(Product::name).contains("Botox Cosmetic 100 U");
    }

    @Test
    void theSameLotAgainIsAnotherReceiptOfTheLotAndItsExpiryMustMatch() {
        LocalDate expiry = f.today().plusMonths(8);
        ReceiveResult first = inventory.receive(scanned(f.dysport, "DY9", expiry, null).withQuantity(4));
        ReceiveResult second = inventory.receive(scanned(f.dysport, "DY9", expiry, null).withQuantity(2));

        assertThat(second.newLot()).isFalse();
        assertThat(second.lot().id()).isEqualTo(first.lot().id());
        assertThat(second.lot().onHand()).isEqualTo(6);
        assertThat(inventory.receipts(first.lot().id())).extracting(Receipt::quantity).containsExactly(4, 2);
        assertThat(f.count("SELECT COUNT(*) FROM lot")).isEqualTo(1);

        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY9", expiry.plusDays(1), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("expiry");
                    assertThat(e.getMessage()).contains("Lot DY9 of Dysport 300 U is on record with expiry");
                });
        // the same number of another product is another lot
        ReceiveResult other = inventory.receive(scanned(f.botox, "DY9", expiry.plusDays(1), null));
        assertThat(other.newLot()).isTrue();
        assertThat(inventory.lot(first.lot().id()).onHand()).isEqualTo(6);
    }

    @Test
    void aSerialIsReceivedOnce() {
        LocalDate expiry = f.today().plusYears(1);
        inventory.receive(scanned(f.dysport, "DY1", expiry, "SER-42"));
        f.clinic.clock.advance(java.time.Duration.ofDays(2));

        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY1", expiry, "SER-42")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("serial");
                    assertThat(e.getMessage()).isEqualTo("This pack (serial SER-42) was already received on"
                            + " 21 Nov 2026 by Dana Desk.");
                });
        assertThat(inventory.receive(scanned(f.dysport, "DY1", expiry, "SER-43")).lot().onHand())
                .isEqualTo(2);
        assertThat(inventory.receive(scanned(f.botox, "BX1", expiry, "SER-42")).newLot())
                .as("a serial is unique per GTIN").isTrue();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = rows();
        LocalDate inAYear = f.today().plusYears(1);

        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "OLD", f.today().minusDays(1), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("expiry");
                    assertThat(e.getMessage()).contains("expired on 20 Nov 2026", "cannot be received");
                });
        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY1", inAYear, null)
                .withDelivery(null, null, f.today().plusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("receivedOn"));
        for (int bad : List.of(0, -1, 1000)) {
            assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY1", inAYear, null).withQuantity(bad)))
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.fieldErrors()).containsOnlyKeys("quantity"));
        }
        assertThatThrownBy(() -> inventory.receive(new ReceiptDraft("02099990003008", null, "DY1", inAYear, null, null,
                1, null, null, f.today()))).as("bad check digit")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("gtin"));
        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "A LOT WITH SPACES", inAYear, null)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("lotNumber"));
        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "X".repeat(21), inAYear, null)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("lotNumber"));
        assertThatThrownBy(() -> inventory.receive(new ReceiptDraft(null, null, "DY1", inAYear, null, null, 1, null, null,
                f.today()))).isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("gtin"));
        assertThatThrownBy(() -> inventory.receive(new ReceiptDraft(null, f.dysport.id(), "DY1", inAYear, "S1", null, 1,
                null, null, f.today()))).as("a serial needs its GTIN")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("serial"));
        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY1", inAYear, null).withProduct(f.botox.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is a pack of Dysport 300 U, not of Botox");
        assertThat(rows()).isEqualTo(before);

        ReceiveResult most = inventory.receive(scanned(f.dysport, "DY1", inAYear, null).withQuantity(999));
        assertThat(most.lot().onHand()).isEqualTo(999);
        ReceiveResult typed = inventory.receive(new ReceiptDraft(null, f.filler.id(), "HA1", inAYear, null, null, 6,
                null, null, f.today()));
        assertThat(typed.receipt().gtin()).as("chosen by hand, no barcode").isNull();
        assertThat(typed.lot().productId()).isEqualTo(f.filler.id());
    }

    @Test
    void aRecalledLotIsNotTakenIntoStockAgain() {
        Lot lot = inventory.receive(scanned(f.dysport, "DY1", f.today().plusYears(1), null)).lot();
        f.clinic.signIn("admin");
        inventory.markRecalled(lot.id(), "Supplier notice 7");
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> inventory.receive(scanned(f.dysport, "DY1", f.today().plusYears(1), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("was recalled on 21 Nov 2026 by Alex Admin");
        assertThat(inventory.lot(lot.id()).onHand()).isEqualTo(1);
    }
}
