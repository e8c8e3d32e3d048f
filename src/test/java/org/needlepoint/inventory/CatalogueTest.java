package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.inventory.InventoryFixture.code;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Technique;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;

/** The catalogue as shipped and as an administrator edits it; the expiring-soon setting and the home card's lists. */
class CatalogueTest {
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
    void theShippedCatalogueIsTheIssuesListWithStorageDiluentReorderLevelsAndValidSyntheticGtins() {
        List<Product> all = inventory.products();
        assertThat(all).extracting(Product::name).containsExactlyInAnyOrder("Sculptra", "Dysport 300 U", "Dysport 500 U",
                "Botox Cosmetic 50 U", "Botox Cosmetic 100 U", "Xeomin 50 U", "Xeomin 100 U", "Jeuveau 100 U",
                "Daxxify 100 U", "HA filler 1 mL (lidocaine)", "HA filler 1 mL");
        assertThat(all).filteredOn(p -> p.kind() == ProductKind.HA_FILLER).hasSize(2);
        List<String> gtins = new ArrayList<>();
        for (Product p : all) {
            assertThat(p.storage()).as(p.name()).isNotBlank();
            assertThat(p.reorderLevel()).as(p.name()).isPositive();
            assertThat(p.gtins()).as(p.name()).singleElement().satisfies(g -> {
                assertThat(Gtin.normalise(g)).as("check digit").isEqualTo(g);
                assertThat(g).as("restricted-circulation prefix: obviously synthetic").startsWith("020999900");
            });
            gtins.addAll(p.gtins());
            if (p.reconstituted()) {
                assertThat(p.defaultDiluent()).as(p.name()).isNotBlank();
                assertThat(p.usableHours()).as(p.name()).isNotNull();
            }
        }
        assertThat(gtins).doesNotHaveDuplicates();
        assertThat(f.sculptra.storage()).isEqualTo("Room temperature up to 30 °C, do not freeze");
        assertThat(f.dysport.storage()).contains("2–8 °C", "do not freeze");
        assertThat(f.dysport.usableHours()).isEqualTo(4);
        assertThat(inventory.productForGtin("2099990003007")).map(Product::name).contains("Dysport 300 U");
    }

    @Test
    void anAdministratorEditsEveryFieldButWhatTheProductIs() {
        Product d = f.dysport;
        Product edited = d.withLimits(new BigDecimal("6"), d.pointMax(), new BigDecimal("250"))
                .withReconstitution("Bacteriostatic saline", new BigDecimal("3"), 6).withStorage("Fridge, shelf 2")
                .withReorderLevel(7).withGtins(List.of(d.gtins().get(0), "9506000134352"));
        assertThatThrownBy(() -> inventory.updateProduct(edited)).isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Injector accounts cannot edit products.");
        f.clinic.signIn("admin");

        Product saved = inventory.updateProduct(edited);

        assertThat(saved.pointMin()).isEqualByComparingTo("6");
        assertThat(saved.visitMax()).isEqualByComparingTo("250");
        assertThat(saved.defaultDiluent()).isEqualTo("Bacteriostatic saline");
        assertThat(saved.defaultDiluentMl()).isEqualByComparingTo("3");
        assertThat(saved.usableHours()).isEqualTo(6);
        assertThat(saved.storage()).isEqualTo("Fridge, shelf 2");
        assertThat(saved.reorderLevel()).isEqualTo(7);
        assertThat(saved.gtins()).containsExactlyInAnyOrder(d.gtins().get(0), "09506000134352");
        assertThat(saved.version()).isEqualTo(d.version() + 1);
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.UPDATE);
            assertThat(e.summary()).contains("edited Dysport 300 U", "reorder at 7", "09506000134352");
        });
        assertThatThrownBy(() -> inventory.updateProduct(edited)).isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("Alex Admin");

        assertThatThrownBy(() -> inventory.updateProduct(f.botox.withGtins(List.of("09506000134352"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("belongs to Dysport 300 U");
        assertThatThrownBy(() -> inventory.updateProduct(f.botox.withGtins(List.of("09506000134353"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("gtins"));
        assertThatThrownBy(() -> inventory.updateProduct(f.botox.withNames("Dysport 300 U", "Botox")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> inventory.updateProduct(f.botox.withLimits(new BigDecimal("20"), new BigDecimal("10"),
                null))).isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("pointMin"));
        assertThatThrownBy(() -> inventory.updateProduct(f.botox.withReorderLevel(-1)))
                .isInstanceOf(ValidationException.class);
        Product otherPack = new Product(f.botox.id(), f.botox.name(), f.botox.brand(), f.botox.kind(), f.botox.unit(),
                new BigDecimal("200"), f.botox.packUnit(), f.botox.defaultDiluent(), f.botox.defaultDiluentMl(),
                f.botox.usableHours(), f.botox.storage(), f.botox.pointMin(), f.botox.pointMax(), f.botox.visitMax(),
                false, false, f.botox.colour(), 2, f.botox.gtins(), true, f.botox.version());
        // kind, unit and pack are fixed once a lot has been received (before, a mistyped one may be corrected)
        f.clinic.receive(f.botox, "BXFIX", f.today().plusYears(1), 1);
        f.clinic.signIn("admin");
        assertThatThrownBy(() -> inventory.updateProduct(otherPack)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot change");

        // the new GTIN now picks the product when a pack is scanned
        f.clinic.signIn("desk");
        ReceiveResult r = inventory.receive(ReceiptDraft.of(new Gs1Code("09506000134352", f.today().plusYears(1), "D1",
                null, null), f.today()));
        assertThat(r.product().id()).isEqualTo(d.id());
    }

    @Test
    void theShippedProductsCarryTheBrushsUsualPointPerKind() {
        for (Product p : inventory.products()) {
            switch (p.kind()) {
                case TOXIN -> {
                    assertThat(p.defaultAmount()).as(p.name()).isEqualByComparingTo(p.speywoodUnits() ? "10" : "4");
                    assertThat(p.defaultDepth()).as(p.name()).isEqualTo(Depth.INTRAMUSCULAR);
                    assertThat(p.defaultTechnique()).as(p.name()).isEqualTo(Technique.NEEDLE_BOLUS);
                }
                case BIOSTIMULATOR -> {
                    assertThat(p.defaultAmount()).as(p.name()).isEqualByComparingTo("0.5");
                    assertThat(p.defaultDepth()).as(p.name()).isEqualTo(Depth.SUBCUTANEOUS);
                    assertThat(p.defaultTechnique()).as(p.name()).isEqualTo(Technique.CANNULA_FANNING);
                }
                case HA_FILLER -> {
                    assertThat(p.defaultAmount()).as(p.name()).isEqualByComparingTo("0.1");
                    assertThat(p.defaultDepth()).as(p.name()).isEqualTo(Depth.DEEP_DERMIS);
                    assertThat(p.defaultTechnique()).as(p.name()).isEqualTo(Technique.NEEDLE_LINEAR_THREADING);
                }
            }
        }
        assertThat(f.dysport.defaultAmount()).as("Dysport in Speywood units").isEqualByComparingTo("10");
    }

    @Test
    void anAdministratorChangesTheUsualPointWithinThePlausibleAndTheAllowed() {
        f.clinic.signIn("admin");
        Product saved = inventory.updateProduct(f.dysport.withDefaults(new BigDecimal("12.5"), Depth.INTRADERMAL,
                Technique.NEEDLE_MICRODROPLET));
        assertThat(saved.defaultAmount()).isEqualByComparingTo("12.5");
        assertThat(saved.defaultDepth()).isEqualTo(Depth.INTRADERMAL);
        assertThat(saved.defaultTechnique()).isEqualTo(Technique.NEEDLE_MICRODROPLET);
        assertThat(inventory.products()).filteredOn(p -> p.id() == f.dysport.id()).singleElement()
                .satisfies(p -> assertThat(p.defaultAmount()).isEqualByComparingTo("12.5"));
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("usual point 12.5 U intradermal needle, microdroplets");

        Product cleared = inventory.updateProduct(saved.withDefaults(null, null, null));
        assertThat(cleared.defaultAmount()).as("none: the injector types it").isNull();
        assertThat(cleared.defaultDepth()).isNull();

        Product botox = f.botox;
        assertThatThrownBy(() -> inventory.updateProduct(botox.withDefaults(new BigDecimal("0"), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("defaultAmount"));
        assertThatThrownBy(() -> inventory.updateProduct(botox.withDefaults(new BigDecimal("4.0001"), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("defaultAmount"));
        assertThatThrownBy(() -> inventory.updateProduct(botox.withDefaults(new BigDecimal("40"), null, null)))
                .as("a Dysport dose typed for Botox: above its per-point maximum of 15 U")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get("defaultAmount"))
                        .contains("40 U", "per-point limits", "15 U"));
        assertThatThrownBy(() -> inventory.updateProduct(botox.withLimits(null, null, null)
                .withDefaults(new BigDecimal("150"), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get("defaultAmount"))
                        .contains("at most 100 U"));
        assertThatThrownBy(() -> inventory.updateProduct(f.sculptra.withDefaults(new BigDecimal("0.5"),
                Depth.INTRAMUSCULAR, Technique.CANNULA_FANNING)))
                .as("PLLA never goes into muscle")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("defaultDepth"));
        assertThatThrownBy(() -> inventory.updateProduct(botox.withDefaults(new BigDecimal("4"), Depth.INTRAMUSCULAR,
                Technique.CANNULA_FANNING)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("defaultTechnique"));
        assertThat(inventory.products()).filteredOn(p -> p.id() == botox.id()).singleElement()
                .satisfies(p -> assertThat(p.defaultAmount()).as("nothing saved").isEqualByComparingTo("4"));
    }

    @Test
    void anAdministratorAddsAProduct() {
        f.clinic.signIn("admin");
        Product draft = new Product(0, "Restylane Lyft 1 mL", "Restylane", ProductKind.HA_FILLER, Unit.ML,
                BigDecimal.ONE, PackUnit.ML, null, null, null, "Up to 25 °C", new BigDecimal("0.01"), BigDecimal.ONE,
                new BigDecimal("6"), false, false, "#aa3366", 3, List.of("9506000134369"), true, 0);
        Product added = inventory.createProduct(draft);
        assertThat(added.id()).isPositive();
        assertThat(added.colour()).isEqualTo("#AA3366");
        assertThat(inventory.products()).extracting(Product::name).contains("Restylane Lyft 1 mL");
        assertThatThrownBy(() -> inventory.createProduct(draft)).isInstanceOf(ValidationException.class);
        Product toxinInMl = new Product(0, "Odd", "Odd", ProductKind.TOXIN, Unit.ML, BigDecimal.ONE, PackUnit.ML, null,
                null, null, null, null, null, null, false, false, "#000000", 0, List.of(), true, 0);
        assertThatThrownBy(() -> inventory.createProduct(toxinInMl)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("unit"));
    }

    @Test
    void expiringSoonIsAClinicSettingAndTheHomeCardListsExpiringLotsAndProductsToReorder() {
        assertThat(inventory.expiringWithinDays()).isEqualTo(30);
        Lot soon = inventory.receive(ReceiptDraft.of(code(f.dysport, "SOON", f.today().plusDays(20), null), f.today())
                .withQuantity(5)).lot();
        Lot later = inventory.receive(ReceiptDraft.of(code(f.dysport, "LATER", f.today().plusDays(40), null), f.today())
                .withQuantity(5)).lot();
        Lot quarantined = inventory.receive(ReceiptDraft.of(code(f.botox, "Q1", f.today().plusDays(5), null), f.today())
                .withQuantity(5)).lot();
        inventory.quarantine(quarantined.id(), "Fridge alarm");

        assertThat(inventory.expiringLots()).extracting(Lot::id).containsExactly(soon.id());
        assertThatThrownBy(() -> inventory.setExpiringWithinDays(45)).isInstanceOf(PermissionDeniedException.class);
        f.clinic.signIn("admin");
        assertThatThrownBy(() -> inventory.setExpiringWithinDays(0)).isInstanceOf(ValidationException.class);
        inventory.setExpiringWithinDays(45);
        assertThat(inventory.expiringWithinDays()).isEqualTo(45);
        assertThat(inventory.expiringLots()).extracting(Lot::id).containsExactly(soon.id(), later.id());
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("45 days");

        // Dysport 300 U: 10 on hand against 4; Botox 100 U: its only lot is quarantined
        List<ReorderLine> reorder = inventory.belowReorder();
        assertThat(reorder).extracting(r -> r.product().name()).contains("Botox Cosmetic 100 U", "Sculptra")
                .doesNotContain("Dysport 300 U");
        assertThat(reorder).filteredOn(r -> r.product().name().equals("Botox Cosmetic 100 U")).singleElement()
                .satisfies(r -> {
                    assertThat(r.onHand()).isZero();
                    assertThat(r.reorderLevel()).isEqualTo(3);
                });
        inventory.recordWaste(soon.id(), 5, "Cold chain broken");
        inventory.recordWaste(later.id(), 2, "Cold chain broken");
        assertThat(inventory.belowReorder()).filteredOn(r -> r.product().name().equals("Dysport 300 U")).singleElement()
                .satisfies(r -> assertThat(r.onHand()).isEqualTo(3));
    }
}
