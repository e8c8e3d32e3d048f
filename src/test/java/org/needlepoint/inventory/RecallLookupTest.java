package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.PermissionDeniedException;

/**
 * The recall view's lookup ({@link InventoryService#lotForRecall}) on a real H2 database: a typed lot
 * number or a scanned pack's code, to the one lot, the lots to choose from, or a message saying why not.
 */
class RecallLookupTest {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    @TempDir
    Path dir;
    InventoryFixture f;
    InventoryService inventory;
    Lot dysportLot;
    Lot dysportOther;
    Lot botoxSameNumber;

    @BeforeEach
    void setUp() {
        f = new InventoryFixture(dir);
        inventory = f.inventory;
        dysportLot = f.receive(f.dysport, "DY301A", 10);
        dysportOther = f.receive(f.dysport, "DY301B", 10);
        botoxSameNumber = f.receive(f.botox, "DY301A", 3);
        f.clinic.signIn("desk");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private String bracketed(Product p, Lot lot) {
        return "(01)" + p.gtins().get(0) + "(17)" + lot.expiry().format(YYMMDD) + "(10)" + lot.lotNumber();
    }

    private static ValidationException refused(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aTypedLotNumberFindsItsLotWhateverItsCaseOrTheOneItBegins() {
        assertThat(inventory.lotForRecall("dy301b").lot()).isEqualTo(dysportOther);
        assertThat(inventory.lotForRecall("  DY301B ").lot()).isEqualTo(dysportOther);
        Lot sculptra = f.receive(f.sculptra, "SC-77120", 2);
        f.clinic.signIn("desk");
        RecallLookup begun = inventory.lotForRecall("sc-77");
        assertThat(begun.found()).isTrue();
        assertThat(begun.lot()).isEqualTo(sculptra);
        assertThat(begun.message()).isNull();
    }

    @Test
    void aNumberSeveralLotsShareComesBackToChooseFrom() {
        RecallLookup two = inventory.lotForRecall("DY301A");
        assertThat(two.found()).isFalse();
        assertThat(two.choices()).extracting(Lot::id).containsExactlyInAnyOrder(dysportLot.id(), botoxSameNumber.id());
        assertThat(two.message()).isEqualTo("2 lots match: choose one.");
        RecallLookup begun = inventory.lotForRecall("DY3");
        assertThat(begun.choices()).as("no exact match: every lot it begins").hasSize(3);

        f.clinic.signIn("injector");
        Lot short3 = f.receive(f.botox, "DY3", 1);
        f.clinic.signIn("desk");
        assertThat(inventory.lotForRecall("dy3").lot()).as("an exact match wins over the lots it begins")
                .isEqualTo(short3);
    }

    @Test
    void nothingTypedOrNoSuchLotIsSaidWhereItWasTyped() {
        assertThat(refused(() -> inventory.lotForRecall("  ")).fieldErrors())
                .containsExactly(java.util.Map.entry("lot", "Type or scan a lot number."));
        assertThat(refused(() -> inventory.lotForRecall(null)).getMessage()).contains("Type or scan a lot number.");
        assertThat(refused(() -> inventory.lotForRecall("ZZ9")).fieldErrors().get("lot"))
                .isEqualTo("No lot numbered ZZ9 or beginning so is on record.");
    }

    @Test
    void aScannedPackFindsTheLotOfItsOwnProductInEveryFormAScannerTypes() {
        assertThat(inventory.lotForRecall(bracketed(f.dysport, dysportLot)).lot()).as("not Botox's DY301A")
                .isEqualTo(dysportLot);
        assertThat(inventory.lotForRecall(bracketed(f.botox, botoxSameNumber)).lot()).isEqualTo(botoxSameNumber);
        String raw = "01" + f.dysport.gtins().get(0) + "17" + dysportOther.expiry().format(YYMMDD) + "10DY301B"
                + Gs1Parser.GS + "21SERIAL9";
        assertThat(inventory.lotForRecall(raw).lot()).isEqualTo(dysportOther);
        assertThat(inventory.lotForRecall("]d2" + raw + "\r\n").lot()).as("a DataMatrix scanner's prefix and Enter")
                .isEqualTo(dysportOther);
        assertThat(inventory.lotForRecall("(01)" + f.dysport.gtins().get(0) + "(10)dy301b").lot())
                .as("the lot whatever its case").isEqualTo(dysportOther);
        f.clinic.signIn("injector");
        f.receive(f.dysport, "(01)LOT", 1);
        f.clinic.signIn("desk");
        assertThat(inventory.findLots("(01)")).as("text that looks like a code is not matched as a lot number")
                .isEmpty();
        assertThat(inventory.findLots("DY301")).hasSize(3);
    }

    @Test
    void aCodeThatDoesNotLeadToAReceivedLotSaysWhy() {
        String unknown = Gtin.withCheckDigit("0777777777777");
        assertThat(refused(() -> inventory.lotForRecall("(01)" + unknown + "(10)DY301A")).fieldErrors().get("lot"))
                .isEqualTo("This pack's GTIN (" + unknown + ") belongs to no product in the catalogue.");
        assertThat(refused(() -> inventory.lotForRecall("(01)" + f.dysport.gtins().get(0) + "(17)"
                + dysportLot.expiry().format(YYMMDD))).fieldErrors().get("lot"))
                .isEqualTo("This barcode carries no lot number: type the lot number printed on the pack.");
        assertThat(refused(() -> inventory.lotForRecall("(01)" + f.dysport.gtins().get(0) + "(10)NEVER1"))
                .fieldErrors().get("lot")).isEqualTo("Lot NEVER1 of Dysport 300 U was never received: nobody was"
                + " charted with it.");
        String badCheck = f.dysport.gtins().get(0).substring(0, 13)
                + (char) ('0' + (f.dysport.gtins().get(0).charAt(13) - '0' + 1) % 10);
        assertThatThrownBy(() -> inventory.lotForRecall("(01)" + badCheck + "(10)DY301A"))
                .isInstanceOfSatisfying(Gs1Exception.class, e -> assertThat(e.reason())
                        .isEqualTo(Gs1Exception.Reason.CHECK_DIGIT));
        assertThatThrownBy(() -> inventory.lotForRecall("(01)12345678901234"))
                .isInstanceOf(Gs1Exception.class).hasMessageContaining("check digit");
    }

    @Test
    void aRecalledOrExpiredLotIsStillFoundWhichTheChairRefuses() {
        f.clinic.signIn("injector");
        inventory.markRecalled(dysportLot.id(), "Supplier notice 42");
        Lot old = f.clinic.receive(f.dysport, "DYOLD1", inventory.today().plusDays(10), 1);
        f.clinic.clock.advance(java.time.Duration.ofDays(30));
        f.clinic.signIn("desk");
        assertThat(inventory.lotForRecall(bracketed(f.dysport, dysportLot)).lot().status()).isEqualTo(LotStatus.RECALLED);
        Lot expired = inventory.lotForRecall("dyold1").lot();
        assertThat(expired.id()).isEqualTo(old.id());
        assertThat(expired.state(inventory.today())).isEqualTo(LotState.EXPIRED);
    }

    @Test
    void anyStaffMayLookUpButNotSignedOut() {
        f.clinic.signIn("admin");
        assertThat(inventory.lotForRecall("DY301B").lot()).isEqualTo(dysportOther);
        f.clinic.services.auth().signOut();
        assertThatThrownBy(() -> inventory.lotForRecall("DY301B")).isInstanceOf(PermissionDeniedException.class);
    }
}
