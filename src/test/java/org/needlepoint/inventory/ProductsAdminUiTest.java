package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** Admin ▸ Products: a product's fields edited and kept, a malformed GTIN refused, the expiring-soon setting. */
class ProductsAdminUiTest extends UiTest {

    private void openProducts(FxRobot robot) {
        signIn(robot, "admin", TestClinic.PASSWORD);
        robot.clickOn("#navAdmin");
        settle();
        robot.clickOn("#productsTab");
        settle();
    }

    private void choose(FxRobot robot, String name) {
        Node cell = robot.lookup("#productsTable .table-cell").match(LabeledMatchers.hasText(name)).query();
        robot.clickOn(cell);
        settle();
    }

    private void retype(FxRobot robot, String fxId, String text) {
        javafx.scene.control.TextInputControl field = robot.lookup("#" + fxId)
                .match(n -> n instanceof javafx.scene.control.TextInputControl).query();
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private Services elsewhere() {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private Product stored(String name) {
        return elsewhere().inventory().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aProductsReorderLevelUsableHoursAndGtinAreSavedAndKept(FxRobot robot) {
        openProducts(robot);
        choose(robot, "Dysport 300 U");
        assertThat(text(robot, "productName")).isEqualTo("Dysport 300 U");
        retype(robot, "productReorderLevel", "7");
        retype(robot, "productUsableHours", "8");
        retype(robot, "productGtins", "02099990003007\n5012345678900");
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL); // Ctrl+S
        settle();

        Product p = stored("Dysport 300 U");
        assertThat(p.reorderLevel()).isEqualTo(7);
        assertThat(p.usableHours()).isEqualTo(8);
        assertThat(p.gtins()).containsExactlyInAnyOrder("02099990003007", "05012345678900");
        assertThat(text(robot, "productStatus")).isEqualTo("Saved Dysport 300 U.");
        assertThat(text(robot, "productGtins")).contains("05012345678900");
        assertThat(robot.lookup("#productsTable .table-cell").match(LabeledMatchers.hasText("8 h")).tryQuery()).isPresent();
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).last()
                .satisfies(a -> assertThat(a.recordType()).isEqualTo("product"));
        screenshot("admin-products");
    }

    @Test
    void theUsualPointAnAdminSetsIsWhatTheChartsBrushStartsWith(FxRobot robot) {
        clinic.signIn("desk");
        clinic.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), false);
        clinic.services.auth().signOut();
        openProducts(robot);
        choose(robot, "Dysport 300 U");
        assertThat(text(robot, "productDefaultAmount")).isEqualTo("10");
        retype(robot, "productDefaultAmount", "15");
        robot.interact(() -> ((javafx.scene.control.ComboBox<org.needlepoint.chart.Technique>) node(robot,
                "productDefaultTechnique")).setValue(org.needlepoint.chart.Technique.NEEDLE_SERIAL_PUNCTURE));
        robot.clickOn("#saveProductButton");
        settle();
        assertThat(text(robot, "productStatus")).isEqualTo("Saved Dysport 300 U.");
        assertThat(stored("Dysport 300 U").defaultAmount()).isEqualByComparingTo("15");

        robot.clickOn("#navPatients");
        settle();
        robot.clickOn("#searchField").write("marrowby");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#newTreatmentButton");
        settle();
        javafx.scene.control.ComboBox<Product> products = node(robot, "brushProduct");
        robot.interact(() -> products.getItems().stream().filter(p -> p.name().equals("Dysport 300 U")).findFirst()
                .ifPresent(products::setValue));
        settle();
        assertThat(text(robot, "brushAmount")).as("the brush starts with the product's usual amount").isEqualTo("15");
        assertThat(((javafx.scene.control.ComboBox<?>) node(robot, "brushTechnique")).getValue())
                .isEqualTo(org.needlepoint.chart.Technique.NEEDLE_SERIAL_PUNCTURE);
        assertThat(((javafx.scene.control.ComboBox<?>) node(robot, "brushDepth")).getValue())
                .isEqualTo(org.needlepoint.chart.Depth.INTRAMUSCULAR);
    }

    @Test
    void anAdministratorAddsAProductWithTheKindsUsualPoint(FxRobot robot) {
        InventoryService other = elsewhere().inventory();
        other.receive(new ReceiptDraft(null, stored("Dysport 300 U").id(), "DY1", other.today().plusYears(1), null, null,
                2, null, null, other.today()));
        openProducts(robot);
        robot.clickOn("#newProductButton");
        settle();
        assertThat(text(robot, "productTitle")).isEqualTo("New product");
        robot.clickOn("#productName").write("Submenta 2 mL");
        robot.clickOn("#productBrand").write("Submenta");
        javafx.scene.control.ComboBox<ProductKind> kind = node(robot, "productKind");
        robot.interact(() -> kind.setValue(ProductKind.DEOXYCHOLIC));
        assertThat(((javafx.scene.control.ComboBox<?>) node(robot, "productUnit")).getValue()).isEqualTo(Unit.ML);
        assertThat(node(robot, "productUnit").isDisabled()).as("the kind decides the unit").isTrue();
        assertThat(text(robot, "productDefaultAmount")).isEqualTo("0.2");
        retype(robot, "productPackSize", "2");
        retype(robot, "productPointMax", "0.4");
        retype(robot, "productVisitMax", "10");
        retype(robot, "productGtins", "5012345678900");
        screenshot("admin-products-new");
        robot.clickOn("#saveProductButton");
        settle();
        assertThat(text(robot, "productStatus")).startsWith("Added Submenta 2 mL");
        Product p = stored("Submenta 2 mL");
        assertThat(p.kind()).isEqualTo(ProductKind.DEOXYCHOLIC);
        assertThat(p.unit()).isEqualTo(Unit.ML);
        assertThat(p.packUnit()).isEqualTo(PackUnit.ML);
        assertThat(p.packSize()).isEqualByComparingTo("2");
        assertThat(p.defaultAmount()).isEqualByComparingTo("0.2");
        assertThat(p.defaultDepth()).isEqualTo(org.needlepoint.chart.Depth.SUBCUTANEOUS);
        assertThat(p.visitMax()).isEqualByComparingTo("10");
        assertThat(p.gtins()).containsExactly("05012345678900");
        assertThat(AuditLog.withAction(clinic.db, Audit.CREATE)).last()
                .satisfies(a -> assertThat(a.recordType()).isEqualTo("product"));
        assertThat(text(robot, "productFixed")).contains("can still be corrected");
        assertThat(node(robot, "productKind").isDisabled()).isFalse();

        // a product with a lot received keeps its kind
        choose(robot, "Dysport 300 U");
        assertThat(text(robot, "productFixed")).contains("cannot change");
        assertThat(node(robot, "productKind").isDisabled()).isTrue();
    }

    @Test
    void aMalformedGtinIsMarkedAndNothingIsSaved(FxRobot robot) {
        openProducts(robot);
        choose(robot, "Dysport 300 U");
        int before = stored("Dysport 300 U").reorderLevel();
        retype(robot, "productReorderLevel", "9");
        retype(robot, "productGtins", "5012345678901");
        robot.clickOn("#saveProductButton");
        settle();
        assertThat(node(robot, "productGtins").getStyleClass()).contains("field-error");
        assertThat(text(robot, "productError")).contains("5012345678901");
        Product p = stored("Dysport 300 U");
        assertThat(p.reorderLevel()).isEqualTo(before);
        assertThat(p.gtins()).containsExactly("02099990003007");
    }

    @Test
    void aProductChangedElsewhereMeanwhileIsNotOverwritten(FxRobot robot) {
        openProducts(robot);
        choose(robot, "Dysport 300 U");
        Product theirs = stored("Dysport 300 U");
        elsewhere().inventory().updateProduct(theirs.withReorderLevel(3));
        retype(robot, "productReorderLevel", "11");
        robot.clickOn("#saveProductButton");
        settle();
        assertThat(text(robot, "productError")).contains("was changed by");
        assertThat(stored("Dysport 300 U").reorderLevel()).isEqualTo(3);
        assertThat(text(robot, "productReorderLevel")).isEqualTo("3");
    }

    @Test
    void theExpiringSoonSettingIsSavedAndKept(FxRobot robot) {
        openProducts(robot);
        javafx.scene.control.ScrollPane page = node(robot, "productsScroll");
        robot.interact(() -> page.setVvalue(1));
        settle();
        assertThat(text(robot, "expiringDays")).isEqualTo(Integer.toString(InventoryService.DEFAULT_EXPIRING_DAYS));
        retype(robot, "expiringDays", "45");
        robot.interact(() -> robot.lookup("#saveExpiringButton").queryButton().fire());
        settle();
        assertThat(elsewhere().inventory().expiringWithinDays()).isEqualTo(45);
        assertThat(text(robot, "expiringStatus")).startsWith("Saved");

        retype(robot, "expiringDays", "0");
        robot.interact(() -> robot.lookup("#saveExpiringButton").queryButton().fire());
        settle();
        assertThat(node(robot, "expiringDays").getStyleClass()).contains("field-error");
        assertThat(elsewhere().inventory().expiringWithinDays()).isEqualTo(45);
    }
}
