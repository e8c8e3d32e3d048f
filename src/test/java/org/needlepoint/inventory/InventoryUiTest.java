package org.needlepoint.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** The Inventory section, driven as staff would: scanning packs in, the stock, and the Today card. */
class InventoryUiTest extends UiTest {
    private static final String UNKNOWN_GTIN = "09506000134352";

    private Services setup;
    private Product dysport;
    private Product sculptra;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        setup = new Services(c.db, c.clock, new PasswordHasher(1_000));
        setup.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        for (Product p : setup.inventory().products()) {
            setup.inventory().updateProduct(p.withReorderLevel(0)); // nothing to reorder unless a test says so
        }
        dysport = named("Dysport 300 U");
        sculptra = named("Sculptra");
    }

    private Product named(String name) {
        return setup.inventory().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** What a USB scanner types for a pack: the DataMatrix prefix, GTIN, expiry, lot, GS, serial. */
    private static String scan(String gtin, String expiry, String lot, String serial) {
        return "]d2" + "01" + gtin + "17" + expiry + "10" + lot + "\u001d" + "21" + serial;
    }

    /** Packs of a lot taken in by hand, through the setup services (not the window's session). */
    private void stock(Product p, String lot, LocalDate expiry, int packs) {
        setup.inventory().receive(new ReceiptDraft(null, p.id(), lot, expiry, null, null, packs, null, null,
                setup.inventory().today()));
    }

    private long receipts() {
        return clinic.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM receipt"));
    }

    private void openReceive(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#navInventory");
        settle();
        robot.clickOn("#receiveTab");
        settle();
    }

    private void retype(FxRobot robot, String fxId, String text) {
        robot.clickOn("#" + fxId).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private List<StockController.LotRow> stockRows(FxRobot robot) {
        TableView<StockController.LotRow> table = node(robot, "lotsTable");
        return List.copyOf(table.getItems());
    }

    private StockController.LotRow row(FxRobot robot, String lot) {
        return stockRows(robot).stream().filter(r -> r.lot().lotNumber().equals(lot)).findFirst()
                .orElseThrow(() -> new AssertionError("lot " + lot + " is not on the stock tab"));
    }

    @Test
    void scanningAPackReceivesItAndTheSameSerialTwiceIsRefused(FxRobot robot) {
        openReceive(robot, "desk");
        TextField scanField = node(robot, "scanField");
        assertTrue(scanField.isFocused(), "the scan field has the cursor when the tab opens");
        screenshot("inventory-receive-empty");

        robot.write(scan(dysport.gtins().get(0), "271231", "LOTA1", "SER1")).push(KeyCode.ENTER);
        settle();
        assertEquals("LOTA1", text(robot, "lotField"));
        assertEquals("SER1", text(robot, "serialField"));
        ComboBox<Product> product = node(robot, "productChoice");
        assertEquals(dysport.id(), product.getValue().id());
        assertTrue(((Node) node(robot, "quantityField")).isFocused(), "the cursor goes to the quantity");
        robot.clickOn("#supplierField").write("Ipsen Direct");
        robot.clickOn("#invoiceField").write("INV-77");
        retype(robot, "quantityField", "3");
        screenshot("inventory-receive-scanned");
        robot.clickOn("#receiveButton");
        settle();

        assertTrue(text(robot, "receiveStatus").contains(
                "Received 3 vials of Dysport 300 U, lot LOTA1, expires 31 Dec 2027 — 3 on hand"), text(robot, "receiveStatus"));
        assertTrue(scanField.isFocused(), "back to the scan field for the next pack");
        assertEquals("", text(robot, "lotField"));
        assertEquals("Ipsen Direct", text(robot, "supplierField"), "the delivery is kept between packs");
        assertEquals(1, receipts());
        screenshot("inventory-receive-done");

        // the same pack scanned again: refused on the serial, nothing saved
        robot.write(scan(dysport.gtins().get(0), "271231", "LOTA1", "SER1")).push(KeyCode.ENTER);
        settle();
        robot.push(KeyCode.ENTER);
        settle();
        assertTrue(text(robot, "receiveError").contains("This pack (serial SER1) was already received"),
                text(robot, "receiveError"));
        assertTrue(((Node) node(robot, "serialField")).getStyleClass().contains("field-error"));
        assertEquals(1, receipts());
        screenshot("inventory-receive-duplicate");

        robot.clickOn("#stockTab");
        settle();
        StockController.LotRow row = row(robot, "LOTA1");
        assertEquals(LocalDate.of(2027, 12, 31), row.lot().expiry());
        assertEquals(3, row.lot().onHand());
        assertEquals("Dysport 300 U", row.product().name());
        clickCell(robot, "LOTA1");
        screenshot("inventory-stock");
    }

    @Test
    void aMalformedCodeShowsTheParsersMessageAndSavesNothing(FxRobot robot) {
        openReceive(robot, "desk");
        String gtin = dysport.gtins().get(0);
        String bad = gtin.substring(0, 13) + (char) ('0' + (gtin.charAt(13) - '0' + 1) % 10);
        String typed = scan(bad, "271231", "LOTB1", "SER9");
        Gs1Exception expected = assertThrows(Gs1Exception.class, () -> Gs1Parser.parse(typed, clinic.clock));
        robot.write(typed).push(KeyCode.ENTER);
        settle();
        assertTrue(seen(robot, "scanError"));
        assertTrue(text(robot, "scanError").contains(expected.getMessage()), text(robot, "scanError"));
        TextField scanField = node(robot, "scanField");
        assertEquals(scanField.getText(), scanField.getSelectedText(), "the text stays selected for the next scan");
        assertEquals("", text(robot, "lotField"));
        assertEquals(0, receipts());
        screenshot("inventory-receive-bad-code");
    }

    @Test
    void anUnknownGtinIsLinkedToTheChosenProductOnce(FxRobot robot) {
        assertTrue(setup.inventory().productForGtin(UNKNOWN_GTIN).isEmpty());
        openReceive(robot, "injector");
        robot.write(scan(UNKNOWN_GTIN, "280630", "PL7", "S1")).push(KeyCode.ENTER);
        settle();
        ComboBox<Product> choice = robot.lookup("#linkProductChoice").query();
        screenshot("inventory-receive-link-gtin");
        robot.interact(() -> choice.setValue(choice.getItems().stream().filter(p -> p.id() == sculptra.id())
                .findFirst().orElseThrow()));
        robot.clickOn("#linkProductButton");
        settle();
        assertEquals(sculptra.id(), setup.inventory().productForGtin(UNKNOWN_GTIN).orElseThrow().id());
        assertEquals("PL7", text(robot, "lotField"));
        robot.push(KeyCode.ENTER);
        settle();
        assertTrue(text(robot, "receiveStatus").startsWith("Received 1 vial of Sculptra, lot PL7"), text(robot, "receiveStatus"));
        assertEquals(1, receipts());
    }

    @Test
    void anUnknownGtinIsAddedAsANewProductAndReceived(FxRobot robot) {
        assertTrue(setup.inventory().productForGtin(UNKNOWN_GTIN).isEmpty());
        openReceive(robot, "admin");
        robot.write(scan(UNKNOWN_GTIN, "280630", "RD7", "S1")).push(KeyCode.ENTER);
        settle();
        assertTrue(robot.lookup("#linkProductChoice").tryQuery().isPresent(), "linking is still offered");
        robot.clickOn("#addProductForGtinButton");
        settle();
        robot.clickOn("#newProductName").write("Hydroxa 1.5 mL");
        robot.clickOn("#newProductBrand").write("Hydroxa");
        ComboBox<ProductKind> kind = robot.lookup("#newProductKind").query();
        robot.interact(() -> kind.setValue(ProductKind.CAHA));
        robot.clickOn("#newProductPackSize").write("1.5");
        screenshot("inventory-receive-add-product", node(robot, "newProductName"));
        robot.clickOn("#addNewProductButton");
        settle();
        Product added = setup.inventory().productForGtin(UNKNOWN_GTIN).orElseThrow();
        assertEquals("Hydroxa 1.5 mL", added.name());
        assertEquals(ProductKind.CAHA, added.kind());
        assertEquals(Unit.ML, added.unit());
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(added.packSize()));
        assertEquals("RD7", text(robot, "lotField"));
        robot.push(KeyCode.ENTER);
        settle();
        assertTrue(text(robot, "receiveStatus").startsWith("Received 1 syringe of Hydroxa 1.5 mL, lot RD7"),
                text(robot, "receiveStatus"));
        assertEquals(1, receipts());
    }

    @Test
    void wasteReducesStockAndACountBelowZeroIsRefused(FxRobot robot) {
        stock(dysport, "DW1", LocalDate.of(2027, 6, 30), 5);
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navInventory");
        settle();
        clickCell(robot, "DW1");
        robot.clickOn("#wasteButton");
        retype(robot, "actionQuantity", "2");
        robot.clickOn("#actionReason").write("dropped on the floor");
        screenshot("inventory-stock-waste");
        robot.clickOn("#actionSave");
        settle();
        assertEquals(3, row(robot, "DW1").lot().onHand());
        assertTrue(text(robot, "lotMessage").contains("now has 3 vials on hand"), text(robot, "lotMessage"));
        TableView<LedgerEntry> ledger = node(robot, "ledgerTable");
        assertEquals(LedgerKind.WASTED, ledger.getItems().get(0).kind());

        robot.clickOn("#countButton");
        retype(robot, "actionQuantity", "-1");
        robot.clickOn("#actionReason").write("recount");
        robot.clickOn("#actionSave");
        settle();
        assertTrue(seen(robot, "actionError"));
        assertTrue(text(robot, "actionError").contains("0 to"), text(robot, "actionError"));
        assertEquals(3, setup.inventory().lot(row(robot, "DW1").lot().id()).onHand());
        assertFalse(((Node) node(robot, "countButton")).isDisabled());
        // front desk may not quarantine or open vials
        assertTrue(((Node) node(robot, "quarantineButton")).isDisabled());
        assertTrue(((Node) node(robot, "openVialButton")).isDisabled());
    }

    @Test
    void openingAVialShowsTheConcentrationLive(FxRobot robot) {
        stock(dysport, "DV1", LocalDate.of(2027, 6, 30), 2);
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navInventory");
        settle();
        clickCell(robot, "DV1");
        robot.clickOn("#openVialButton");
        retype(robot, "volumeField", "1.5");
        assertEquals("= 20 U per 0.1 mL", text(robot, "concentrationText"));
        retype(robot, "volumeField", "2.5");
        assertEquals("= 12 U per 0.1 mL", text(robot, "concentrationText"));
        screenshot("inventory-stock-open-vial");
        robot.clickOn("#actionSave");
        settle();
        assertEquals(1, row(robot, "DV1").lot().openVials());
        assertEquals(1, setup.inventory().openVials(dysport.id()).size());
    }

    @Test
    void theTodayCardShowsALotOnceItIsExpiringSoon(FxRobot robot) {
        stock(dysport, "DX9", LocalDate.of(2027, 2, 15), 4);
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#navToday");
        settle();
        assertTrue(text(robot, "stockCardQuiet").startsWith("Stock: nothing expiring within 30 days, nothing to reorder"),
                text(robot, "stockCardQuiet"));
        screenshot("today-stock-quiet");

        clinic.clock.advance(Duration.ofDays(70)); // 30 Jan 2027: DX9 expires in 16 days
        robot.clickOn("#navPatients");
        robot.clickOn("#navToday");
        settle();
        assertFalse(seen(robot, "stockCardQuiet"));
        assertTrue(robot.lookup("#stockCardLines .label").match(LabeledMatchers.hasText(
                "Dysport 300 U lot DX9 expires in 16 days (15 Feb 2027), 4 vials on hand")).tryQuery().isPresent());
        screenshot("today-stock-expiring");
        robot.clickOn("#stockCardOpen");
        settle();
        assertTrue(seen(robot, "lotsTable"));
        assertEquals("Expiring soon", row(robot, "DX9").state());
        assertTrue(seen(robot, "expiringAlert"));
        assertTrue(text(robot, "expiringAlert").contains("Dysport 300 U lot DX9"));
    }

    private void clickCell(FxRobot robot, String text) {
        Node cell = robot.lookup("#lotsTable .table-cell").match(LabeledMatchers.hasText(text)).query();
        robot.clickOn(cell);
        settle();
    }
}
